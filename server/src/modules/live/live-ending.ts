import { rm } from 'node:fs/promises';
import { VideoState } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { hlsDir, StreamingPlaylistModel, VideoModel } from '../videos';
import { recordingDir } from './live-recorder';
import { createReplay, type StartTranscoding } from './live-replay';
import { LiveSessionModel, VideoLiveModel } from './live.model';

/** A folder a process may still be writing into for a moment (ffmpeg's last playlist). */
export const RM_TREE = { recursive: true, force: true, maxRetries: 5, retryDelay: 100 } as const;

/** The live HLS files (either privacy tree) and the live playlist row of a video. */
export async function removeLiveFiles(ctx: AppContext, videoId: number): Promise<void> {
  const video = await VideoModel.findByPk(videoId);
  if (video) for (const privacy of [1, 3]) await rm(hlsDir(ctx, video, privacy), RM_TREE);
  await StreamingPlaylistModel.destroy({ where: { videoId } });
}

/** Replay (if asked and recorded) then recording cleanup; idempotent, also run at boot. */
export async function processEnding(ctx: AppContext, sessionId: number, startTranscoding: StartTranscoding): Promise<void> {
  const session = await LiveSessionModel.findByPk(sessionId);
  if (!session || session.endingProcessed) return;
  const dir = recordingDir(ctx.dirs.streaming_playlists, session.id);
  const live = session.liveVideoId ? await VideoModel.findByPk(session.liveVideoId) : null;
  // replayVideoId set = a previous run made the replay (its transaction committed) and died after.
  if (session.saveReplay && live && !session.replayVideoId && ctx.config.live.allow_replay) {
    await createReplay(ctx, session, live, dir, startTranscoding);
  }
  await rm(dir, RM_TREE);
  await session.update({ endingProcessed: true });
}

/**
 * At boot: sessions a previous process left open (crash, kill) get an end date, their
 * video the state after a live, their live files removed. Returns their ids, whose
 * endings (replays from what was recorded) the caller runs.
 */
export async function closeOrphanSessions(ctx: AppContext): Promise<number[]> {
  const open = await LiveSessionModel.findAll({ where: { endingProcessed: false } });
  for (const session of open) {
    if (!session.endDate) await session.update({ endDate: ctx.now() });
    if (!session.liveVideoId) continue;
    const live = await VideoLiveModel.findOne({ where: { videoId: session.liveVideoId } });
    const state = live?.permanentLive ? VideoState.WAITING_FOR_LIVE : VideoState.LIVE_ENDED;
    await VideoModel.update({ state }, { where: { id: session.liveVideoId, isLive: true } });
    await removeLiveFiles(ctx, session.liveVideoId);
  }
  return open.map((s) => s.id);
}
