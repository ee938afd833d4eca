import { extname } from 'node:path';
import type { Request, Response } from 'express';
import multer from 'multer';
import { ACTOR_IMAGE_CONSTRAINTS, ACTOR_IMAGE_FIELDS, ServerErrorCode, type ActorImageKind } from '@shoal/models';
import { AppError } from '../../platform/errors';

/** 400 naming the multipart field, in the validation-error shape clients already parse. */
export function invalidImage(kind: ActorImageKind, msg: string): AppError {
  const param = ACTOR_IMAGE_FIELDS[kind];
  return new AppError(400, ServerErrorCode.VALIDATION_ERROR, `Incorrect request parameters: ${param}`, {
    invalidParams: { [param]: { location: 'body', msg, param } },
  });
}

const accepted: readonly string[] = ACTOR_IMAGE_CONSTRAINTS.extensions;

// Memory storage: the size limit bounds each buffer, and a refused upload never touches the disk.
const uploaders: Record<ActorImageKind, ReturnType<multer.Multer['single']>> = {
  avatar: build('avatar'),
  banner: build('banner'),
};

function build(kind: ActorImageKind) {
  return multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: ACTOR_IMAGE_CONSTRAINTS.maxBytes, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
    fileFilter: (_req, file, cb) => {
      if (accepted.includes(extname(file.originalname).toLowerCase())) return cb(null, true);
      cb(invalidImage(kind, `File extension must be one of ${accepted.join(', ')}`));
    },
  }).single(ACTOR_IMAGE_FIELDS[kind]);
}

/** Reads the one image file of a multipart body; call it only after the permission checks. */
export async function receiveActorImage(req: Request, res: Response, kind: ActorImageKind): Promise<Buffer> {
  await new Promise<void>((ok, fail) => uploaders[kind](req, res, (err: unknown) => (err ? fail(mapUploadError(err)) : ok())));
  if ((req as { file?: Express.Multer.File }).file === undefined) throw invalidImage(kind, 'A file is required');
  return req.file!.buffer;
}

/** Multer's size error carries no header; clients show this limit to the user. */
function mapUploadError(err: unknown): unknown {
  if ((err as { code?: string })?.code !== 'LIMIT_FILE_SIZE') return err;
  return new AppError(413, ServerErrorCode.MAX_FILE_SIZE_REACHED, `The file is larger than ${ACTOR_IMAGE_CONSTRAINTS.maxBytes} bytes`, {
    headers: { 'X-File-Maximum-Size': `${ACTOR_IMAGE_CONSTRAINTS.maxBytes / 1024 / 1024}M` },
  });
}
