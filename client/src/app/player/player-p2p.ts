import { PRIVATE_FILE_PRIVACIES, type VideoDetails } from '@shoal/models';
import { p2pSwarmId, type PlayerP2POptions } from '@shoal/player';

/** The P2P fields of `GET /config` (PeerTube names). */
interface P2PConfigFields {
  tracker?: { enabled?: boolean };
  defaults?: { p2p?: { webapp?: { enabled?: boolean }; embed?: { enabled?: boolean } } };
  webrtc?: { stunServers?: string[] };
}

/**
 * P2P options of the player for one video: the instance decides whether the tracker runs
 * and the default of the viewer's choice (watch page and embeds separately); a logged-in
 * viewer's account setting replaces that default.
 */
export function playerP2POptions(
  video: VideoDetails,
  config: Record<string, unknown> | null,
  where: 'webapp' | 'embed',
  accountSetting: boolean | undefined,
): PlayerP2POptions | undefined {
  const playlist = video.streamingPlaylists?.[0];
  if (!playlist) return undefined;
  const c = (config ?? {}) as P2PConfigFields;
  return {
    // Without the instance's config the safe choice is HTTP only.
    trackerEnabled: c.tracker?.enabled === true,
    trackerUrls: video.trackerUrls ?? [],
    stunServers: c.webrtc?.stunServers ?? [],
    swarmId: p2pSwarmId({
      uuid: video.uuid,
      segmentsSha256Url: playlist.segmentsSha256Url ?? '',
      privateFiles: PRIVATE_FILE_PRIVACIES.has(video.privacy.id),
    }),
    segmentsSha256Url: playlist.segmentsSha256Url || null,
    defaultEnabled: accountSetting ?? c.defaults?.p2p?.[where]?.enabled ?? true,
  };
}
