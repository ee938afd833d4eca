import { join } from 'node:path';
import {
  bitrateRatio,
  buildAudioToVideoArgs,
  buildHlsLadderArgs,
  buildWebVideoArgs,
  canCopyAudio,
  probeFile,
  scaledDimensions,
  targetAudioBitrate,
  targetVideoBitrate,
  type ProbeResult,
  type Rendition,
} from '@shoal/ffmpeg';
import {
  vodAudioMergePayloadSchema,
  vodHlsLadderPayloadSchema,
  vodHlsPayloadSchema,
  vodWebVideoPayloadSchema,
  type RunnerJobType,
} from '@shoal/models';
import { ffmpegRun, threadsOf, type JobContext, type JobResult } from './job-context';
import { liveTranscoding } from './live-jobs';

/** Downloads covers the first 10 % of the progress bar. */
async function download(ctx: JobContext, url: string, name: string): Promise<string> {
  const path = join(ctx.dir, name);
  await ctx.client.download(url, ctx.tokens, path, ctx.signal);
  ctx.progress(0.1);
  return path;
}

/**
 * One rung for PeerTube's per-rendition payloads, which name only resolution and fps: size
 * and bit rates follow the source, as the server's own ladder would choose them.
 */
export function renditionFor(input: ProbeResult, resolution: number, fps: number): Rendition {
  const audioBitrate = input.hasAudio ? targetAudioBitrate(input.audioCodec, input.audioBitrate) : 0;
  if (resolution === 0 || !input.hasVideo) {
    return { resolution: 0, width: 0, height: 0, fps: 0, videoBitrate: 0, audioBitrate, fromStillImage: false };
  }
  const { width, height } = scaledDimensions(input, resolution);
  const videoBitrate = targetVideoBitrate({ resolution, ratio: bitrateRatio(width, height), fps, inputBitrate: input.bitrate });
  return { resolution, width, height, fps, videoBitrate, audioBitrate, fromStillImage: false };
}

const copyAudioOf = (input: ProbeResult) => input.hasAudio && canCopyAudio(input.audioCodec, input.audioBitrate, input.audioChannelLayout);

function ladderCommand(
  ctx: JobContext,
  input: ProbeResult,
  renditions: Rendition[],
  opts: { segmentDuration: number; copyAudio: boolean },
) {
  return buildHlsLadderArgs({
    inputPath: input.path,
    outputDir: ctx.dir,
    renditions,
    segmentDuration: opts.segmentDuration,
    threads: threadsOf(ctx),
    encoder: ctx.ffmpeg.encoder,
    preset: ctx.ffmpeg.preset,
    hwDevice: ctx.ffmpeg.hwDevice,
    copyAudio: opts.copyAudio,
    videoStreamIndex: input.videoStreamIndex,
    audioStreamIndex: input.audioStreamIndex,
  });
}

/** Shoal's one-pass ladder: decode once, encode every rung the server listed. */
async function hlsLadder(ctx: JobContext): Promise<JobResult> {
  const payload = vodHlsLadderPayloadSchema.parse(ctx.job.payload);
  const input = await probeFile(await download(ctx, payload.input.videoFileUrl, 'input'));
  const renditions = payload.output.renditions.map((r) => ({ ...r, fromStillImage: false }));
  const { args, outputs } = ladderCommand(ctx, input, renditions, payload.output);
  await ffmpegRun(ctx, args, input, [0.1, 0.95]);
  const files: Record<string, string> = {};
  outputs.forEach((o, i) => {
    files[`payload[renditions][${i}][videoFile]`] = o.mediaPath;
    files[`payload[renditions][${i}][resolutionPlaylistFile]`] = o.playlistPath;
  });
  return { files };
}

/** PeerTube's `vod-hls-transcoding`: one single-file fMP4 rendition and its byte-range playlist. */
async function hlsRendition(ctx: JobContext): Promise<JobResult> {
  const payload = vodHlsPayloadSchema.parse(ctx.job.payload);
  const input = await probeFile(await download(ctx, payload.input.videoFileUrl, 'input'));
  const rendition = renditionFor(input, payload.output.resolution, payload.output.fps);
  const { args, outputs } = ladderCommand(ctx, input, [rendition], { segmentDuration: 4, copyAudio: copyAudioOf(input) });
  await ffmpegRun(ctx, args, input, [0.1, 0.95]);
  return { files: { 'payload[videoFile]': outputs[0]!.mediaPath, 'payload[resolutionPlaylistFile]': outputs[0]!.playlistPath } };
}

async function webVideo(ctx: JobContext): Promise<JobResult> {
  const payload = vodWebVideoPayloadSchema.parse(ctx.job.payload);
  const input = await probeFile(await download(ctx, payload.input.videoFileUrl, 'input'));
  const outputPath = join(ctx.dir, `output-${ctx.job.uuid}.mp4`);
  const args = buildWebVideoArgs({
    inputPath: input.path,
    outputPath,
    rendition: renditionFor(input, payload.output.resolution, payload.output.fps),
    threads: threadsOf(ctx),
    encoder: ctx.ffmpeg.encoder,
    preset: ctx.ffmpeg.preset,
    hwDevice: ctx.ffmpeg.hwDevice,
    copyAudio: copyAudioOf(input),
    videoStreamIndex: input.videoStreamIndex,
    audioStreamIndex: input.audioStreamIndex,
  });
  await ffmpegRun(ctx, args, input, [0.1, 0.95]);
  return { files: { 'payload[videoFile]': outputPath } };
}

/** PeerTube's `vod-audio-merge-transcoding`: the still picture looped for the length of the audio. */
async function audioMerge(ctx: JobContext): Promise<JobResult> {
  const payload = vodAudioMergePayloadSchema.parse(ctx.job.payload);
  const audio = await probeFile(await download(ctx, payload.input.audioFileUrl, 'audio'));
  const image = await download(ctx, payload.input.previewFileUrl, 'preview');
  const { resolution, fps } = payload.output;
  // Audio uploads become 16:9 videos whose short side is the asked resolution.
  const { width, height } = scaledDimensions({ width: 16, height: 9 }, resolution);
  const audioBitrate = targetAudioBitrate(audio.audioCodec, audio.audioBitrate);
  const outputPath = join(ctx.dir, `output-${ctx.job.uuid}.mp4`);
  const args = buildAudioToVideoArgs({
    imagePath: image,
    audioPath: audio.path,
    outputPath,
    rendition: {
      resolution,
      width,
      height,
      fps,
      videoBitrate: targetVideoBitrate({ resolution, ratio: bitrateRatio(width, height), fps, inputBitrate: 0 }),
      audioBitrate,
      fromStillImage: true,
    },
    durationSeconds: audio.duration > 0 ? audio.duration : undefined,
    threads: threadsOf(ctx),
    preset: ctx.ffmpeg.preset,
    copyAudio: copyAudioOf(audio),
    audioStreamIndex: audio.audioStreamIndex,
  });
  await ffmpegRun(ctx, args, audio, [0.1, 0.95]);
  return { files: { 'payload[videoFile]': outputPath } };
}

/** Every job type shoal-runner does; what it advertises in `jobTypes`. */
export const processors: Partial<Record<RunnerJobType, (ctx: JobContext) => Promise<JobResult>>> = {
  'vod-hls-ladder-transcoding': hlsLadder,
  'vod-hls-transcoding': hlsRendition,
  'vod-web-video-transcoding': webVideo,
  'vod-audio-merge-transcoding': audioMerge,
  'live-rtmp-hls-transcoding': liveTranscoding,
};
export const SUPPORTED_JOB_TYPES = Object.keys(processors) as RunnerJobType[];
