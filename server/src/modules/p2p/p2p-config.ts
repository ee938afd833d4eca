import type { Config } from '../../platform/config';

/**
 * The P2P part of `GET /config`, with PeerTube's field names: `tracker.enabled` (off means
 * no P2P for local videos), the per-player defaults of the viewer's P2P setting, and the
 * STUN servers players give WebRTC.
 */
export function p2pConfigSections(config: Config) {
  return {
    tracker: { enabled: config.tracker.enabled },
    defaults: {
      p2p: { webapp: { enabled: config.defaults.p2p.webapp.enabled }, embed: { enabled: config.defaults.p2p.embed.enabled } },
    },
    webrtc: { stunServers: config.webrtc.stun_servers },
  };
}
