import { extname } from 'node:path';
import { AUDIO_EXTENSIONS, ServerErrorCode, VIDEO_EXTENSIONS } from '@shoal/models';
import { ProbeError, probeFile, type ProbeResult } from '@shoal/ffmpeg';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';

const BASE_EXTENSIONS = ['.mp4', '.webm', '.ogv'];

/** Extensions this instance accepts, from config. */
export function acceptedExtensions(ctx: AppContext): string[] {
  const t = ctx.config.transcoding;
  return [
    ...new Set([
      ...BASE_EXTENSIONS,
      ...(t.allow_additional_extensions ? VIDEO_EXTENSIONS : []),
      ...(t.allow_audio_files ? AUDIO_EXTENSIONS : []),
    ]),
  ];
}

/** 415 for a container we do not take, judged by the file name the client sent. */
export function assertAcceptedFilename(ctx: AppContext, filename: string): string {
  const ext = extname(filename).toLowerCase();
  if (!acceptedExtensions(ctx).includes(ext)) {
    throw new AppError(415, ServerErrorCode.UNSUPPORTED_MEDIA_TYPE, `Files of type "${ext || 'unknown'}" are not accepted`);
  }
  return ext;
}

/**
 * ffprobe decides: anything that is not playable video or audio (random bytes, a text
 * file, a still image, an empty or truncated file) is a 422 problem.
 */
export async function probeUpload(ctx: AppContext, path: string): Promise<ProbeResult> {
  let probe: ProbeResult;
  try {
    probe = await probeFile(path);
  } catch (err) {
    // The probe message names the server-side path: only its reason goes to the client.
    const reason = err instanceof ProbeError ? err.code : 'unreadable';
    throw new AppError(422, ServerErrorCode.INVALID_MEDIA, `The file is not a playable video or audio file (${reason})`);
  }
  if (!probe.hasVideo && !probe.hasAudio) throw new AppError(422, ServerErrorCode.INVALID_MEDIA, 'The file has no video or audio stream');
  if (!probe.hasVideo && !ctx.config.transcoding.allow_audio_files) {
    throw new AppError(415, ServerErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Audio files are not accepted on this instance');
  }
  if (!(probe.duration > 0))
    throw new AppError(422, ServerErrorCode.INVALID_MEDIA, 'The file has no duration: it is not a playable media file');
  return probe;
}
