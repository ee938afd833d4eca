export { P2PTracker, TRACKER_SOCKET_PATH } from './tracker.socket';
export { p2pConfigSections } from './p2p-config';
export { trackerClientIp } from './tracker-client-ip';
