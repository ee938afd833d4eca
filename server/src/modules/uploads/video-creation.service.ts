import { randomUUID } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { VideoPrivacy, VideoState, type VideoUpload } from '@shoal/models';
import type { ProbeResult } from '@shoal/ffmpeg';
import type { AppContext } from '../../platform/context';
import { withTransaction } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { AuthUser } from '../../platform/http';
import {
  removeVideoImage,
  saveVideoImage,
  VideoModel,
  VideoPasswordModel,
  VideoSourceModel,
  type UploadedImages,
  type VideoService,
} from '../videos';
import { assertAcceptedFilename, probeUpload } from './media-check';
import { assertUploadAllowed } from './quota';

/** Starts the transcoding of a video version; provided by the transcoding module. */
export type StartTranscoding = (videoId: number, sourceId: number) => Promise<void>;
/** Called after creation so chapters can be read from the description. */
export type OnVideoCreated = (video: VideoModel) => Promise<void>;

export interface CompletedFile {
  path: string;
  filename: string;
  size: number;
}

/**
 * Turns a fully received file into a video (or a new version of one). The file is
 * probed before any row exists; a refused file is deleted, never kept.
 */
export class VideoCreationService {
  constructor(
    private readonly ctx: AppContext,
    private readonly videos: VideoService,
    private readonly startTranscoding: StartTranscoding,
    private readonly onCreated: OnVideoCreated = async () => undefined,
  ) {}

  /** Checks of the metadata that do not need the file (also used at resumable init). */
  async checkMetadata(me: AuthUser, body: VideoUpload, filename: string, size: number): Promise<void> {
    assertAcceptedFilename(this.ctx, filename);
    await this.videos.assertOwnChannel(me, body.channelId);
    if ((body.privacy ?? VideoPrivacy.PUBLIC) === VideoPrivacy.PASSWORD_PROTECTED && !body.videoPasswords?.length) {
      throw AppError.badRequest('A password-protected video needs videoPasswords');
    }
    await assertUploadAllowed(this.ctx, me.id, size);
  }

  async create(me: AuthUser, body: VideoUpload, file: CompletedFile, images: UploadedImages = {}) {
    try {
      await this.checkMetadata(me, body, file.filename, file.size);
      const probe = await probeUpload(this.ctx, file.path);
      return await this.createFromProbe(me, body, file, probe, images);
    } finally {
      await rm(file.path, { force: true });
    }
  }

  private async createFromProbe(me: AuthUser, body: VideoUpload, file: CompletedFile, probe: ProbeResult, images: UploadedImages) {
    const uuid = randomUUID();
    const keepFilename = `${randomUUID()}${assertAcceptedFilename(this.ctx, file.filename)}`;
    await rename(file.path, join(this.ctx.dirs.original_video_files, keepFilename));
    const thumbnail = images.thumbnail ? await saveVideoImage(this.ctx, 'thumbnail', images.thumbnail) : null;
    const preview = images.preview ? await saveVideoImage(this.ctx, 'preview', images.preview) : null;
    try {
      const { video, source } = await withTransaction(this.ctx.sequelize, async (transaction) => {
        const video = await VideoModel.create(
          {
            uuid,
            url: `${this.ctx.publicUrl}/videos/watch/${uuid}`,
            name: body.name,
            category: body.category ?? null,
            licence: body.licence ?? null,
            language: body.language ?? null,
            privacy: body.privacy ?? VideoPrivacy.PUBLIC,
            nsfw: body.nsfw ?? false,
            description: body.description ?? null,
            support: body.support ?? null,
            tags: body.tags ?? [],
            duration: Math.round(probe.duration),
            aspectRatio: probe.hasVideo && probe.height ? Math.round((probe.width / probe.height) * 10000) / 10000 : null,
            state: VideoState.TO_TRANSCODE,
            waitTranscoding: body.waitTranscoding ?? true,
            commentsPolicy: body.commentsPolicy ?? (body.commentsEnabled === false ? 2 : 1),
            downloadEnabled: body.downloadEnabled ?? true,
            channelId: body.channelId,
            originallyPublishedAt: body.originallyPublishedAt ? new Date(body.originallyPublishedAt) : null,
            thumbnailFilename: thumbnail,
            previewFilename: preview,
            customThumbnail: !!thumbnail,
            customPreview: !!preview,
          },
          { transaction },
        );
        if (video.privacy === VideoPrivacy.PASSWORD_PROTECTED) {
          await VideoPasswordModel.bulkCreate(
            (body.videoPasswords ?? []).map((password) => ({ videoId: video.id, password })),
            { transaction },
          );
        }
        const source = await this.createSource(video.id, file, probe, keepFilename, transaction);
        return { video, source };
      });
      await this.onCreated(video);
      await this.startTranscoding(video.id, source.id);
      return video;
    } catch (err) {
      await rm(join(this.ctx.dirs.original_video_files, keepFilename), { force: true });
      await removeVideoImage(this.ctx, 'thumbnail', thumbnail);
      await removeVideoImage(this.ctx, 'preview', preview);
      throw err;
    }
  }

  private createSource(
    videoId: number,
    file: CompletedFile,
    probe: ProbeResult,
    keepFilename: string,
    transaction: import('sequelize').Transaction,
  ) {
    return VideoSourceModel.create(
      {
        videoId,
        inputFilename: file.filename,
        keepFilename,
        size: file.size,
        resolution: probe.resolution,
        width: probe.width,
        height: probe.height,
        fps: probe.fps,
        duration: probe.duration,
        metadata: probe.raw,
      },
      { transaction },
    );
  }

  /**
   * A new version of an existing video: same id, URL, comments and views. The old
   * renditions keep playing until the new ones are ready; the old original is dropped.
   */
  async replace(videoId: number, file: CompletedFile, userId: number): Promise<void> {
    try {
      const old = await VideoSourceModel.findAll({ where: { videoId } });
      const oldSize = old.length ? Math.max(...old.map((s) => s.size)) : 0;
      await assertUploadAllowed(this.ctx, userId, file.size, oldSize);
      const probe = await probeUpload(this.ctx, file.path);
      const keepFilename = `${randomUUID()}${assertAcceptedFilename(this.ctx, file.filename)}`;
      await rename(file.path, join(this.ctx.dirs.original_video_files, keepFilename));
      const source = await withTransaction(this.ctx.sequelize, async (transaction) => {
        await VideoSourceModel.destroy({ where: { videoId }, transaction });
        await VideoModel.update({ inputFileUpdatedAt: this.ctx.now() }, { where: { id: videoId }, transaction });
        return this.createSource(videoId, file, probe, keepFilename, transaction);
      });
      await Promise.all(
        old.filter((s) => s.keepFilename).map((s) => rm(join(this.ctx.dirs.original_video_files, s.keepFilename!), { force: true })),
      );
      await this.startTranscoding(videoId, source.id);
    } finally {
      await rm(file.path, { force: true });
    }
  }
}
