import { LiveLatencyMode } from '@shoal/models';
import type { Config } from '../../platform/config';

export interface LatencySettings {
  segmentDuration: number;
  listSize: number;
  lowLatency: boolean;
}

/** Segment length and window of a latency mode (config `live.latency`). */
export function latencySettings(config: Config, mode: number): LatencySettings {
  const l = config.live.latency;
  if (mode === LiveLatencyMode.SMALL_LATENCY)
    return { segmentDuration: l.small.segment_duration, listSize: l.small.list_size, lowLatency: true };
  if (mode === LiveLatencyMode.HIGH_LATENCY)
    return { segmentDuration: l.high.segment_duration, listSize: l.high.list_size, lowLatency: false };
  return { segmentDuration: l.default.segment_duration, listSize: l.default.list_size, lowLatency: false };
}

/** Heights enabled in `live.transcoding.resolutions`. */
export function liveResolutions(config: Config): number[] {
  return Object.entries(config.live.transcoding.resolutions)
    .filter(([, on]) => on)
    .map(([key]) => parseInt(key, 10));
}

/** `rtmp://host:port/live` as shown to owners (the stream key goes separately). */
export function publishUrls(config: Config, boundPorts: { rtmp?: number; rtmps?: number }) {
  const host = (h: string | null) => h ?? config.webserver.hostname;
  const { rtmp, rtmps } = config.live;
  return {
    rtmpUrl: rtmp.enabled ? `rtmp://${host(rtmp.public_hostname)}:${boundPorts.rtmp ?? rtmp.port}/live` : null,
    rtmpsUrl: rtmps.enabled ? `rtmps://${host(rtmps.public_hostname)}:${boundPorts.rtmps ?? rtmps.port}/live` : null,
  };
}

/** `live` section of `GET /api/v1/config` (PeerTube's field names). */
export function liveConfigSection(config: Config, boundPorts: { rtmp?: number }) {
  const live = config.live;
  const enabledResolutions = liveResolutions(config);
  return {
    live: {
      enabled: live.enabled,
      allowReplay: live.allow_replay,
      latencySetting: { enabled: live.latency_setting.enabled },
      maxDuration: live.max_duration,
      maxInstanceLives: live.max_instance_lives,
      maxUserLives: live.max_user_lives,
      transcoding: {
        enabled: live.transcoding.enabled,
        remoteRunners: { enabled: live.transcoding.remote_runners.enabled },
        enabledResolutions,
      },
      rtmp: { port: boundPorts.rtmp ?? live.rtmp.port },
    },
  };
}
