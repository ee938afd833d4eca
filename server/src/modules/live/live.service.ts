import { randomUUID } from 'node:crypto';
import {
  LiveErrorCode,
  LiveLatencyMode,
  roleHasRight,
  UserRight,
  VideoPrivacy,
  VideoState,
  type LiveCreate,
  type LiveUpdate,
  type LiveVideo,
  type LiveVideoSession,
  type VideoCreateResult,
} from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { withTransaction } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { AuthUser } from '../../platform/http';
import {
  saveVideoImage,
  toShortUuid,
  VideoModel,
  VideoPasswordModel,
  type UploadedImages,
  type VideoService,
  type Viewer,
} from '../videos';
import { defaultLiveImage } from './live-default-image';
import type { LiveManager } from './live-manager';
import { publishUrls } from './live-settings';
import { LiveSessionModel, VideoLiveModel } from './live.model';
import { liveRepository } from './live.repository';

/** The live REST API: creation with limits, settings, session history. */
export class LiveService {
  constructor(
    private readonly ctx: AppContext,
    private readonly videos: VideoService,
    private readonly manager: LiveManager,
  ) {}

  async create(me: AuthUser, body: LiveCreate, images: UploadedImages): Promise<VideoCreateResult> {
    const live = this.ctx.config.live;
    if (!live.enabled) throw AppError.forbidden('Lives are not enabled on this instance', LiveErrorCode.LIVE_NOT_ENABLED);
    this.assertSettings(body);
    await this.videos.assertOwnChannel(me, body.channelId);
    const privacy = body.privacy ?? VideoPrivacy.PUBLIC;
    if (privacy === VideoPrivacy.PASSWORD_PROTECTED && !body.videoPasswords?.length) {
      throw AppError.badRequest('A password-protected video needs videoPasswords');
    }
    if (live.max_instance_lives !== -1 && (await liveRepository.countOpenLives(this.ctx.sequelize)) >= live.max_instance_lives) {
      throw AppError.forbidden('Too many lives on this instance', LiveErrorCode.MAX_INSTANCE_LIVES_LIMIT_REACHED);
    }
    if (live.max_user_lives !== -1 && (await liveRepository.countOpenLives(this.ctx.sequelize, me.id)) >= live.max_user_lives) {
      throw AppError.forbidden('You have too many lives', LiveErrorCode.MAX_USER_LIVES_LIMIT_REACHED);
    }
    const thumbnail = images.thumbnail ? await saveVideoImage(this.ctx, 'thumbnail', images.thumbnail) : null;
    const preview = images.preview ? await saveVideoImage(this.ctx, 'preview', images.preview) : null;
    // Not custom: an image sent later replaces it, and a replay's transcoding may too.
    const placeholder = {
      thumbnailFilename: thumbnail ?? (await saveVideoImage(this.ctx, 'thumbnail', await defaultLiveImage())),
      previewFilename: preview ?? (await saveVideoImage(this.ctx, 'preview', await defaultLiveImage())),
    };
    const uuid = randomUUID();
    const video = await withTransaction(this.ctx.sequelize, async (transaction) => {
      const video = await VideoModel.create(
        {
          uuid,
          url: `${this.ctx.publicUrl}/videos/watch/${uuid}`,
          name: body.name,
          category: body.category ?? null,
          licence: body.licence ?? null,
          language: body.language ?? null,
          privacy,
          nsfw: body.nsfw ?? false,
          description: body.description ?? null,
          support: body.support ?? null,
          tags: body.tags ?? [],
          state: VideoState.WAITING_FOR_LIVE,
          isLive: true,
          commentsPolicy: body.commentsPolicy ?? (body.commentsEnabled === false ? 2 : 1),
          downloadEnabled: body.downloadEnabled ?? true,
          channelId: body.channelId,
          thumbnailFilename: placeholder.thumbnailFilename,
          previewFilename: placeholder.previewFilename,
          customThumbnail: !!thumbnail,
          customPreview: !!preview,
        },
        { transaction },
      );
      if (privacy === VideoPrivacy.PASSWORD_PROTECTED) {
        await VideoPasswordModel.bulkCreate(
          (body.videoPasswords ?? []).map((password) => ({ videoId: video.id, password })),
          { transaction },
        );
      }
      await VideoLiveModel.create(
        {
          videoId: video.id,
          streamKey: randomUUID(),
          saveReplay: body.saveReplay ?? false,
          replayPrivacy: body.saveReplay ? (body.replaySettings?.privacy ?? privacy) : null,
          permanentLive: body.permanentLive ?? false,
          latencyMode: body.latencyMode ?? LiveLatencyMode.DEFAULT,
        },
        { transaction },
      );
      return video;
    });
    // Lives may have been switched on at runtime: make sure someone listens.
    await this.manager.listen();
    // Federation announces a public live while it waits for its stream, as PeerTube does.
    await this.ctx.events.emit('live-state-changed', { videoId: video.id });
    return { video: { id: video.id, uuid: video.uuid, shortUUID: toShortUuid(video.uuid) } };
  }

  private assertSettings(body: LiveUpdate): void {
    if (body.saveReplay && !this.ctx.config.live.allow_replay) {
      throw AppError.forbidden('Replays are not allowed on this instance', LiveErrorCode.LIVE_NOT_ALLOWING_REPLAY);
    }
    if (body.latencyMode && body.latencyMode !== LiveLatencyMode.DEFAULT && !this.ctx.config.live.latency_setting.enabled) {
      throw AppError.badRequest('The latency mode cannot be changed on this instance');
    }
  }

  async get(id: string, viewer: Viewer): Promise<LiveVideo> {
    const { video } = await this.videos.getForViewer(id, viewer);
    const live = await this.liveOf(video);
    const auth = viewer.auth;
    const connection = !!auth && (auth.accountId === video.channel!.accountId || roleHasRight(auth.role, UserRight.GET_ANY_LIVE));
    return {
      ...(connection ? { ...publishUrls(this.ctx.config, this.manager.ports), streamKey: live.streamKey } : {}),
      saveReplay: live.saveReplay,
      ...(live.saveReplay ? { replaySettings: { privacy: live.replayPrivacy ?? video.privacy } } : {}),
      permanentLive: live.permanentLive,
      latencyMode: live.latencyMode,
    };
  }

  async update(me: AuthUser, id: string, body: LiveUpdate): Promise<void> {
    const video = await this.videos.getManageable(id, me, UserRight.GET_ANY_LIVE);
    const live = await this.liveOf(video);
    if (video.state !== VideoState.WAITING_FOR_LIVE || this.manager.isStreaming(video.uuid)) {
      throw AppError.badRequest('The live settings cannot change while it streams or after it ended');
    }
    this.assertSettings(body);
    const saveReplay = body.saveReplay ?? live.saveReplay;
    await live.update({
      saveReplay,
      replayPrivacy: saveReplay ? (body.replaySettings?.privacy ?? live.replayPrivacy ?? video.privacy) : null,
      permanentLive: body.permanentLive ?? live.permanentLive,
      latencyMode: body.latencyMode ?? live.latencyMode,
    });
  }

  async sessions(me: AuthUser, id: string): Promise<{ total: number; data: LiveVideoSession[] }> {
    const video = await this.videos.getManageable(id, me, UserRight.GET_ANY_LIVE);
    const rows = await LiveSessionModel.findAll({ where: { liveVideoId: video.id }, order: [['startDate', 'ASC']], limit: 100 });
    // A normal live that became its replay is no live any more, yet its history stays readable.
    if (rows.length === 0) await this.liveOf(video);
    const data = await Promise.all(rows.map((r) => this.serializeSession(r)));
    return { total: data.length, data };
  }

  /** `GET /videos/:id/live-session`: the session a replay came from. */
  async sessionOfReplay(id: string, viewer: Viewer): Promise<LiveVideoSession> {
    const { video } = await this.videos.getForViewer(id, viewer);
    const row = await LiveSessionModel.findOne({ where: { replayVideoId: video.id } });
    if (!row) throw AppError.notFound('Live session');
    return this.serializeSession(row);
  }

  private async liveOf(video: VideoModel): Promise<VideoLiveModel> {
    const live = video.isLive ? await VideoLiveModel.findOne({ where: { videoId: video.id } }) : null;
    if (!live) throw AppError.notFound('Live video');
    return live;
  }

  private async serializeSession(row: LiveSessionModel): Promise<LiveVideoSession> {
    const replay = row.replayVideoId ? await VideoModel.findByPk(row.replayVideoId, { attributes: ['id', 'uuid'] }) : null;
    return {
      id: row.id,
      startDate: row.startDate.toISOString(),
      endDate: row.endDate ? row.endDate.toISOString() : null,
      error: row.error ?? null,
      saveReplay: row.saveReplay,
      endingProcessed: row.endingProcessed,
      ...(row.saveReplay ? { replaySettings: { privacy: row.replayPrivacy ?? VideoPrivacy.PUBLIC } } : {}),
      replayVideo: replay ? { id: replay.id, uuid: replay.uuid, shortUUID: toShortUuid(replay.uuid) } : null,
    };
  }
}
