import { VIDEO_CONSTRAINTS } from '@shoal/models';
import type { EncoderPreset, TranscodingPlanConfig } from '@shoal/ffmpeg';
import type { Config } from '../../platform/config';

/** PeerTube merges audio uploads with a picture at this height. */
export const STILL_IMAGE_RESOLUTION = 480;
/** PeerTube runs VOD ffmpeg at this niceness so the web process stays responsive. */
export const VOD_FFMPEG_NICE = 15;

/** Everything the pipeline reads from `transcoding.*`, decided once per process. */
export interface TranscodingSettings {
  plan: TranscodingPlanConfig;
  /** Keep HLS renditions. */
  hls: boolean;
  /** Also keep progressive MP4s. */
  webVideos: boolean;
  /** ffmpeg `-threads` per encoder; undefined lets ffmpeg decide. */
  threads: number | undefined;
  preset: EncoderPreset;
  segmentDuration: number;
  concurrency: number;
  lockDurationMs: number;
}

/** Enabled rungs of `transcoding.resolutions`, as numbers (0 = audio only). */
export function enabledResolutions(config: Config): number[] {
  return Object.entries(config.transcoding.resolutions)
    .filter(([, on]) => on)
    .map(([key]) => Number.parseInt(key, 10))
    .sort((a, b) => a - b);
}

export function transcodingSettings(config: Config): TranscodingSettings {
  const t = config.transcoding;
  const resolutions = enabledResolutions(config);
  return {
    plan: {
      enabledResolutions: resolutions.filter((r) => r > 0),
      keepOriginalResolution: t.always_transcode_original_resolution,
      fpsMax: t.fps.max,
      audioOnly: resolutions.includes(0),
      stillImageResolution: STILL_IMAGE_RESOLUTION,
    },
    // The pipeline always encodes an HLS ladder (web videos are remuxed from it), so with
    // both kinds switched off it keeps HLS rather than publishing a video nobody can play.
    hls: t.hls.enabled || !t.web_videos.enabled,
    webVideos: t.web_videos.enabled,
    threads: t.threads > 0 ? t.threads : undefined,
    preset: t.preset,
    segmentDuration: t.hls.segment_duration,
    concurrency: t.concurrency,
    lockDurationMs: t.job_lock_duration,
  };
}

/**
 * The `transcoding` and `video` sections of `GET /config`.
 * @param fileExtensions what uploads accept (owned by the uploads module)
 */
export function transcodingConfigSections(config: Config, fileExtensions: string[]): Record<string, unknown> {
  const t = config.transcoding;
  const settings = transcodingSettings(config);
  return {
    transcoding: {
      hls: { enabled: settings.hls },
      web_videos: { enabled: settings.webVideos },
      enabledResolutions: enabledResolutions(config),
      profile: 'default',
      availableProfiles: ['default'],
      remoteRunners: { enabled: t.remote_runners.enabled },
    },
    video: {
      image: { size: { max: VIDEO_CONSTRAINTS.image.maxBytes }, extensions: [...VIDEO_CONSTRAINTS.image.extensions] },
      file: { extensions: fileExtensions },
    },
  };
}
