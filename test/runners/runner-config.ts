/** Remote runners on, with a stall threshold short enough for tests (the runner updates every second). */
export const RUNNERS_CONFIG = `
transcoding:
  remote_runners:
    enabled: true
remote_runners:
  stalled_jobs:
    vod: '3 seconds'
    live: '3 seconds'
`;

export interface AdminJob {
  uuid: string;
  type: string;
  state: { id: number; label: string };
  failures: number;
  error: string | null;
  progress: number | null;
  runner: { id: number; name: string } | null;
  privatePayload: { videoId: number };
}
