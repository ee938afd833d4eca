import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { probeFile, runFfmpeg } from '@shoal/ffmpeg';
import { VideoPrivacy, VideoState } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { withTransaction } from '../../platform/db';
import { VideoModel, VideoPasswordModel, VideoSourceModel } from '../videos';
import { recordingParts } from './live-recorder';
import { VideoLiveModel, type LiveSessionModel } from './live.model';

export type StartTranscoding = (videoId: number, sourceId: number) => Promise<void>;

const MAX_NAME = 120;

/**
 * Turns a session's recording into a video on demand that the normal VOD pipeline
 * transcodes: a normal live becomes its own replay; a permanent live gets a new video
 * per session. Returns the replay video id, or null when nothing was recorded.
 */
export async function createReplay(
  ctx: AppContext,
  session: LiveSessionModel,
  live: VideoModel,
  recordingDir: string,
  startTranscoding: StartTranscoding,
): Promise<number | null> {
  const parts = await recordingParts(recordingDir);
  if (parts.length === 0) return null;
  const keepFilename = `${randomUUID()}.mp4`;
  const output = join(ctx.dirs.original_video_files, keepFilename);
  const list = join(recordingDir, 'parts.txt');
  await writeFile(list, parts.map((p) => `file '${p.replace(/'/g, "'\\''")}'`).join('\n'));
  try {
    await runFfmpeg(['-f', 'concat', '-safe', '0', '-i', list, '-map', '0', '-c', 'copy', '-movflags', '+faststart', '-y', output]);
  } catch (err) {
    await rm(output, { force: true });
    throw err;
  }
  const probe = await probeFile(output).catch(() => null);
  if (!probe || !(probe.duration > 0) || (!probe.hasVideo && !probe.hasAudio)) {
    await rm(output, { force: true });
    return null;
  }
  const privacy = (session.replayPrivacy ?? live.privacy) as VideoPrivacy;
  const settings = await VideoLiveModel.findOne({ where: { videoId: live.id } });
  const { video, source } = await withTransaction(ctx.sequelize, async (transaction) => {
    let video: VideoModel;
    if (settings?.permanentLive) {
      const uuid = randomUUID();
      const suffix = ` - ${session.startDate.toISOString().slice(0, 16).replace('T', ' ')}`;
      video = await VideoModel.create(
        {
          uuid,
          url: `${ctx.publicUrl}/videos/watch/${uuid}`,
          name: `${live.name.slice(0, MAX_NAME - suffix.length)}${suffix}`,
          category: live.category,
          licence: live.licence,
          language: live.language,
          privacy,
          nsfw: live.nsfw,
          description: live.description,
          support: live.support,
          tags: live.tags,
          duration: Math.round(probe.duration),
          state: VideoState.TO_TRANSCODE,
          waitTranscoding: true,
          commentsPolicy: live.commentsPolicy,
          downloadEnabled: live.downloadEnabled,
          channelId: live.channelId,
        },
        { transaction },
      );
    } else {
      video = live;
      await live.update({ isLive: false, privacy, state: VideoState.TO_TRANSCODE, duration: Math.round(probe.duration) }, { transaction });
      // The stream key dies with the live: this video is a replay now.
      await VideoLiveModel.destroy({ where: { videoId: live.id }, transaction });
    }
    if (privacy === VideoPrivacy.PASSWORD_PROTECTED && video.id !== live.id) {
      const passwords = await VideoPasswordModel.findAll({ where: { videoId: live.id }, transaction });
      await VideoPasswordModel.bulkCreate(
        passwords.map((p) => ({ videoId: video.id, password: p.password })),
        { transaction },
      );
    }
    const source = await VideoSourceModel.create(
      {
        videoId: video.id,
        inputFilename: `${live.name.slice(0, 200)}.mp4`,
        keepFilename,
        size: probe.size ?? 0,
        resolution: probe.resolution,
        width: probe.width,
        height: probe.height,
        fps: probe.fps,
        duration: probe.duration,
        metadata: probe.raw as object,
      },
      { transaction },
    );
    await session.update({ replayVideoId: video.id }, { transaction });
    return { video, source };
  });
  await startTranscoding(video.id, source.id);
  return video.id;
}
