import { VideoState, type VideoDetails } from '@shoal/models';
import type { ApiService } from '../core/api.service';

/** How often a live's page asks whether it started or ended. */
export const LIVE_POLL_MS = 4000;

/** A live whose page must follow its state: waiting for the stream, or streaming. */
export function followsLiveState(video: VideoDetails): boolean {
  return video.isLive && (video.state.id === VideoState.WAITING_FOR_LIVE || video.state.id === VideoState.PUBLISHED);
}

/**
 * Polls a live's details and reports when its state (or its playlists) changed, so the
 * page switches between the waiting screen, the player and the "ended" message. Returns
 * the function that stops polling.
 */
export function pollLiveState(
  api: ApiService,
  id: string,
  headers: Record<string, string>,
  current: () => VideoDetails | null,
  changed: (video: VideoDetails) => void,
  everyMs = LIVE_POLL_MS,
): () => void {
  let busy = false;
  const timer = setInterval(() => {
    const before = current();
    if (busy || !before || !followsLiveState(before)) return;
    busy = true;
    api
      .get<VideoDetails>(`/videos/${encodeURIComponent(id)}`, { headers })
      .then((after) => {
        const playlists = (v: VideoDetails) => v.streamingPlaylists?.length ?? 0;
        if (after.state.id !== before.state.id || playlists(after) !== playlists(before)) changed(after);
      })
      .catch(() => undefined)
      .finally(() => (busy = false));
  }, everyMs);
  return () => clearInterval(timer);
}

/** The live's latency mode when the server shows it to this viewer (PeerTube shows it to all). */
export async function liveLatencyMode(api: ApiService, videoId: number, headers: Record<string, string>): Promise<number | null> {
  try {
    const live = await api.get<{ latencyMode?: number }>(`/videos/live/${videoId}`, { headers });
    return typeof live.latencyMode === 'number' ? live.latencyMode : null;
  } catch {
    return null;
  }
}
