/**
 * @shoal/player: the web player of Shoal's client and embeds. Consumers include
 * `video.js/dist/video-js.css`; everything else is set up by `createShoalPlayer`.
 */
export { ShoalPlayer, createShoalPlayer, DEFAULT_PLAYBACK_RATES } from './shoal-player';
export type {
  ShoalPlayerOptions,
  PlayerAuth,
  PlayerCaption,
  PlayerChapter,
  HlsIntegration,
  PlayerP2POptions,
  PlayerLiveOptions,
} from './player-options';
export {
  createRequestAuthorizer,
  nativeHlsUrl,
  VIDEO_PASSWORD_HEADER,
  type RequestAuthorizer,
  type AuthorizedRequest,
} from './request-auth';
export { chapterAt, formatTimecode } from './chapter-time';
export { qualityChoices, type QualityChoice } from './quality';
export { SHORTCUTS } from './hotkeys';
// P2P helpers only: p2p-media-loader itself is imported lazily by the player.
export { p2pSwarmId, p2pUnavailableReason, LIVE_LATENCY, P2P_PREFERENCE_KEY } from './p2p/p2p-policy';
export { createSegmentValidator, expectedSegmentHash, segmentFileName, type SegmentHashes } from './p2p/segment-hashes';
export type { P2PStatsSnapshot, P2PMode } from './p2p/p2p-stats';
