import { LiveLatencyMode, VIDEO_PRIVACY_LABELS, VideoPrivacy, type LiveVideo } from '@shoal/models';

/** Latency choices with the one-line trade-off shown next to each. */
export const LATENCY_MODES = [
  { id: LiveLatencyMode.DEFAULT, label: 'Default', hint: 'Balanced: about 30 seconds of delay, viewers share the stream (P2P).' },
  {
    id: LiveLatencyMode.HIGH_LATENCY,
    label: 'High latency',
    hint: 'Most delay but the smoothest playback and the best P2P sharing, for large audiences.',
  },
  {
    id: LiveLatencyMode.SMALL_LATENCY,
    label: 'Small latency',
    hint: 'Least delay, for interacting with the audience; P2P sharing is off so the server sends more.',
  },
] as const;

/** Replays may be public, unlisted, private or internal; password-protected replays need a password form we do not have. */
export const REPLAY_PRIVACIES = [VideoPrivacy.PUBLIC, VideoPrivacy.UNLISTED, VideoPrivacy.PRIVATE, VideoPrivacy.INTERNAL].map((id) => ({
  id,
  label: VIDEO_PRIVACY_LABELS[id],
}));

/** The live part of `/config` the forms adapt to. */
export interface LiveServerConfig {
  enabled: boolean;
  allowReplay: boolean;
  latencySetting: { enabled: boolean };
}

export function liveConfigOf(config: Record<string, unknown> | null): LiveServerConfig | null {
  const live = config?.['live'] as Partial<LiveServerConfig> | undefined;
  if (!live || typeof live !== 'object') return null;
  return {
    enabled: !!live.enabled,
    allowReplay: live.allowReplay !== false,
    latencySetting: { enabled: live.latencySetting?.enabled !== false },
  };
}

/** The editable settings of a live, as the forms hold them. */
export interface LiveSettingsValue {
  saveReplay: boolean;
  replayPrivacy: number;
  permanentLive: boolean;
  latencyMode: number;
}

export function liveSettingsBody(v: LiveSettingsValue, config: LiveServerConfig | null): Partial<LiveVideo> {
  const body: Partial<LiveVideo> = { saveReplay: v.saveReplay, permanentLive: v.permanentLive };
  if (v.saveReplay) body.replaySettings = { privacy: Number(v.replayPrivacy) };
  if (config?.latencySetting.enabled !== false) body.latencyMode = Number(v.latencyMode);
  return body;
}

export function liveSettingsFrom(live: LiveVideo): LiveSettingsValue {
  return {
    saveReplay: live.saveReplay,
    replayPrivacy: live.replaySettings?.privacy ?? VideoPrivacy.PUBLIC,
    permanentLive: live.permanentLive,
    latencyMode: live.latencyMode || LiveLatencyMode.DEFAULT,
  };
}
