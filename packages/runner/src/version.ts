/** Sent to servers in `register` and `jobs/request` (X.Y.Z, as PeerTube's validator wants). */
export const RUNNER_VERSION = '0.1.0';
