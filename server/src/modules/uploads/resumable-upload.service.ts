import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Request } from 'express';
import { Op } from 'sequelize';
import { ServerErrorCode } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { redisKey } from '../../platform/redis';
import type { ContentRange } from './content-range';
import { UploadSessionModel, type UploadKind } from './upload-session.model';

export type ChunkOutcome = { done: false; received: number } | { done: true; session: UploadSessionModel; path: string };

/**
 * The uploadx-style resumable protocol. Bytes are appended to one file per session;
 * the file's size on disk is the truth about what was received, so a dropped
 * connection or a restarted server resumes exactly where the bytes stopped.
 */
export class ResumableUploadService {
  private readonly dir: string;

  constructor(private readonly ctx: AppContext) {
    this.dir = join(ctx.dirs.tmp, 'resumable-uploads');
  }

  filePath(id: string): string {
    return join(this.dir, id);
  }

  /** Opens a session, or returns the caller's open one for the same file (resume after reload). */
  async open(args: {
    userId: number;
    kind: UploadKind;
    videoId: number | null;
    metadata: Record<string, unknown>;
    filename: string;
    mimeType: string;
    size: number;
    fingerprint: string;
  }) {
    const existing = await UploadSessionModel.findOne({
      where: { userId: args.userId, fingerprint: args.fingerprint, status: 'uploading' },
    });
    if (existing) return { session: existing, resumed: true };
    await mkdir(this.dir, { recursive: true });
    const id = randomBytes(16).toString('hex');
    await writeFile(this.filePath(id), '');
    const session = await UploadSessionModel.create({ id, ...args });
    return { session, resumed: false };
  }

  async get(id: string, userId: number): Promise<UploadSessionModel> {
    const session = /^[0-9a-f]{32}$/.test(id) ? await UploadSessionModel.findByPk(id) : null;
    if (!session || session.userId !== userId) throw AppError.notFound('Upload session');
    return session;
  }

  async received(id: string): Promise<number> {
    return (await stat(this.filePath(id)).catch(() => ({ size: 0 }))).size;
  }

  /** One writer per session across processes; a second concurrent PUT gets 429. */
  async withLock<T>(id: string, work: () => Promise<T>): Promise<T> {
    const key = redisKey(this.ctx.config, 'upload-lock', id);
    const token = randomBytes(8).toString('hex');
    if ((await this.ctx.redis.set(key, token, 'PX', 10 * 60_000, 'NX')) !== 'OK') {
      throw new AppError(429, ServerErrorCode.UPLOAD_IN_PROGRESS, 'Another request is writing to this upload', {
        headers: { 'Retry-After': '5' },
      });
    }
    try {
      return await work();
    } finally {
      if ((await this.ctx.redis.get(key)) === token) await this.ctx.redis.del(key);
    }
  }

  /** Appends one chunk; returns where the upload stands afterwards. */
  async writeChunk(session: UploadSessionModel, range: ContentRange, req: Request): Promise<ChunkOutcome> {
    if (range.total !== session.size) throw AppError.badRequest(`Content-Range total must be ${session.size}`);
    let received = await this.received(session.id);
    if (range.kind === 'chunk') {
      if (range.start !== received) {
        throw new AppError(409, ServerErrorCode.CONFLICT, `Expected a chunk starting at byte ${received}`, {
          headers: rangeHeader(received),
        });
      }
      await this.append(session.id, req, range.end - range.start + 1);
      received = await this.received(session.id);
      await session.update({ received });
    }
    if (received < session.size) return { done: false, received };
    return { done: true, session, path: this.filePath(session.id) };
  }

  /**
   * Appends the request body, never more than `expected` bytes. When the client drops,
   * the bytes that arrived are flushed and kept: they are the resume point.
   */
  private append(id: string, req: Request, expected: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = createWriteStream(this.filePath(id), { flags: 'a' });
      let seen = 0;
      let tooLong = false;
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        ws.end();
      };
      ws.on('finish', () => (tooLong ? reject(AppError.badRequest('The chunk is longer than its Content-Range')) : resolve()));
      ws.on('error', reject);
      req.on('data', (chunk: Buffer) => {
        if (ended) return;
        const room = expected - seen;
        seen += chunk.length;
        if (chunk.length > room) {
          tooLong = true;
          ws.write(chunk.subarray(0, room));
          return end();
        }
        if (!ws.write(chunk)) {
          req.pause();
          ws.once('drain', () => req.resume());
        }
      });
      req.on('end', end);
      req.on('close', end);
      req.on('error', end);
      // The client may have gone while we were reading the session: 'close' will not come again.
      if (req.destroyed || req.readableEnded) end();
    });
  }

  async remove(session: UploadSessionModel): Promise<void> {
    await rm(this.filePath(session.id), { force: true });
    await session.destroy();
  }

  /** Drops abandoned sessions and their bytes. */
  async cleanup(): Promise<number> {
    const before = new Date(this.ctx.now().getTime() - this.ctx.config.uploads.session_expiration);
    const stale = await UploadSessionModel.findAll({ where: { updatedAt: { [Op.lt]: before } } });
    for (const s of stale) await this.remove(s);
    return stale.length;
  }
}

export function rangeHeader(received: number): Record<string, string> {
  return received > 0 ? { Range: `bytes=0-${received - 1}` } : {};
}
