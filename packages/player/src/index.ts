/**
 * @shoal/player: the web player of Shoal's client and embeds. Consumers include
 * `video.js/dist/video-js.css`; everything else is set up by `createShoalPlayer`.
 */
export { ShoalPlayer, createShoalPlayer, DEFAULT_PLAYBACK_RATES } from './shoal-player';
export type { ShoalPlayerOptions, PlayerAuth, PlayerChapter, HlsIntegration } from './player-options';
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
