import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { buildLiveHlsArgs, FfmpegError, runFfmpeg } from '@shoal/ffmpeg';
import type { JobContext, JobResult } from './job-context';
import { LiveChunkUploader, type LiveUploadStop } from './live-chunk-uploader';

/** ffmpeg gives up on an RTMP server silent for this long (µs): a dead server ends the job. */
const RTMP_TIMEOUT_US = '15000000';
/** Segments this short or shorter get x264's zero-latency tuning (the server's small-latency mode). */
const LOW_LATENCY_MAX_SEGMENT = 2;

/** PeerTube's live payload (spec §7.4), checked by hand: a runner must not trust it blindly. */
interface LivePayload {
  input: { rtmpUrl: string };
  output: { toTranscode: Array<{ resolution: number; fps: number }>; segmentDuration: number; segmentListSize: number };
}

function parsePayload(raw: unknown): LivePayload {
  const p = raw as Partial<LivePayload> | null;
  const url = p?.input?.rtmpUrl;
  const out = p?.output;
  const bad = (why: string) => new Error(`Invalid live payload: ${why}`);
  if (typeof url !== 'string' || !/^rtmps?:\/\//.test(url)) throw bad('input.rtmpUrl must be an rtmp(s) URL');
  if (!out || !Array.isArray(out.toTranscode) || out.toTranscode.length === 0 || out.toTranscode.length > 10)
    throw bad('output.toTranscode');
  for (const t of out.toTranscode) {
    if (!Number.isInteger(t?.resolution) || t.resolution < 0 || t.resolution > 4320 || !(t.fps >= 0 && t.fps <= 120))
      throw bad('rendition');
  }
  if (!(out.segmentDuration >= 1 && out.segmentDuration <= 30)) throw bad('output.segmentDuration');
  if (!Number.isInteger(out.segmentListSize) || out.segmentListSize < 1 || out.segmentListSize > 100) throw bad('output.segmentListSize');
  return p as LivePayload;
}

/** ffmpeg: play the RTMP feed, encode every rung in one process, HLS with a sliding window. */
export function liveRunnerArgs(payload: LivePayload, outputDir: string, threads: number): string[] {
  const rungs = payload.output.toTranscode.filter((t) => t.resolution > 0).map((t) => ({ resolution: t.resolution, fps: t.fps || 30 }));
  const args = buildLiveHlsArgs({
    outputDir,
    rungs,
    // The payload does not give the source size: bit rates assume 16:9.
    source: { width: 0, height: 0 },
    hasAudio: payload.output.toTranscode.some((t) => t.resolution === 0),
    copy: false,
    segmentDuration: payload.output.segmentDuration,
    listSize: payload.output.segmentListSize,
    lowLatency: payload.output.segmentDuration <= LOW_LATENCY_MAX_SEGMENT,
    threads,
  });
  const input = args.indexOf('pipe:0');
  args.splice(input - 3, 4, '-rw_timeout', RTMP_TIMEOUT_US, '-f', 'flv', '-i', payload.input.rtmpUrl);
  // The server decides when the live is over; players must keep polling across a reconnection.
  args[args.indexOf('-hls_flags') + 1] += '+omit_endlist';
  return args;
}

/**
 * `live-rtmp-hls-transcoding`: ffmpeg pulls the feed into a private folder while the
 * uploader sends each segment with an `update` as soon as it is listed. The feed ending
 * ends ffmpeg; the last chunks are flushed and the job succeeds (spec §10.4).
 */
export async function liveTranscoding(ctx: JobContext): Promise<JobResult> {
  const payload = parsePayload(ctx.job.payload);
  const outputDir = join(ctx.dir, 'hls');
  const scratch = join(ctx.dir, 'upload');
  await mkdir(outputDir, { recursive: true });
  await mkdir(scratch, { recursive: true });
  const stopFfmpeg = new AbortController();
  const onAbort = () => stopFfmpeg.abort();
  ctx.signal.addEventListener('abort', onAbort, { once: true });
  let stop: LiveUploadStop | null = null;
  const uploader = new LiveChunkUploader(
    outputDir,
    scratch,
    payload.output.toTranscode.length,
    (u) => ctx.client.update(ctx.job.uuid, ctx.tokens, undefined, u.payload, u.files),
    (err) => {
      stop = err;
      if (err.reason === 'gone') ctx.jobGone();
      stopFfmpeg.abort();
    },
  );
  uploader.start();
  try {
    const threads = ctx.ffmpeg.threads > 0 ? ctx.ffmpeg.threads : 0;
    await runFfmpeg(liveRunnerArgs(payload, outputDir, threads), { signal: stopFfmpeg.signal, nice: ctx.ffmpeg.nice }).catch((err) => {
      // Stopped on purpose (server said stop, or shutdown): not an ffmpeg failure.
      if (err instanceof FfmpegError && err.aborted) return;
      throw err;
    });
    if (!stop) await uploader.flush();
  } finally {
    uploader.close();
    ctx.signal.removeEventListener('abort', onAbort);
  }
  const stopped = stop as LiveUploadStop | null;
  // Refused as not processing: the server ended the live; success tells it we stopped (PeerTube does so).
  if (stopped && stopped.reason === 'failed') throw stopped;
  return { files: {} };
}
