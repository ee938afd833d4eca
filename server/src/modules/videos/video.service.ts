import { QueryTypes } from 'sequelize';
import { roleHasRight, UserRight, VideoPrivacy, type VideoUpdate } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { withTransaction } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { AuthUser } from '../../platform/http';
import { ChannelModel } from '../channels/channel.model';
// Direct file import: moderation depends on videos, its index would make a module cycle.
import { videoHideReason } from '../moderation/hidden-content';
import { assertCanView, isOwnerOrModerator, type Viewer } from './video-access';
import { VideoPasswordModel } from './video-extras.model';
import { removeVideoImage, saveVideoImage } from './video-images';
import { isPrivateFiles } from './video-paths';
import { videoRepository } from './video.repository';
import { moveFilesForPrivacy, removeAllVideoFiles } from './video-storage';
import type { VideoModel } from './video.model';

export interface UploadedImages {
  thumbnail?: Buffer;
  preview?: Buffer;
}

/** Reads and writes of video metadata; every privacy decision goes through assertCanView. */
export type VideoUpdateListener = (video: VideoModel, before: { description: string | null; privacy: number }) => Promise<unknown>;

export class VideoService {
  private readonly updateListeners: VideoUpdateListener[] = [];

  constructor(private readonly ctx: AppContext) {}

  /** Other modules react to metadata updates (chapters follow the description) without a dependency cycle. */
  onUpdate(listener: VideoUpdateListener): void {
    this.updateListeners.push(listener);
  }

  async getForViewer(id: string, viewer: Viewer) {
    const found = await videoRepository.findForView(id);
    if (!found) throw AppError.notFound('Video');
    const { video, byNumericId } = found;
    const access = await assertCanView(
      {
        privacy: video.privacy,
        state: video.state,
        ownerAccountId: video.channel!.accountId,
        byNumericId,
        passwords: () => this.passwords(video.id),
        hiddenBy: () => videoHideReason(this.ctx.sequelize, video.id),
      },
      viewer,
    );
    return { video, access };
  }

  async passwords(videoId: number): Promise<string[]> {
    return (await VideoPasswordModel.findAll({ where: { videoId } })).map((p) => p.password);
  }

  /** Loads a local video its caller may change: owner, or holder of `right`. */
  async getManageable(id: string, me: AuthUser, right: UserRight): Promise<VideoModel> {
    const video = await videoRepository.findRow(id);
    if (!video) throw AppError.notFound('Video');
    if (video.remote) throw AppError.forbidden('Remote videos cannot be changed here');
    if (video.channel!.accountId !== me.accountId && !roleHasRight(me.role, right))
      throw AppError.forbidden('You cannot manage this video');
    return video;
  }

  async update(me: AuthUser, id: string, body: VideoUpdate, images: UploadedImages): Promise<void> {
    const video = await this.getManageable(id, me, UserRight.UPDATE_ANY_VIDEO);
    const privacy = body.privacy ?? video.privacy;
    if (privacy === VideoPrivacy.PASSWORD_PROTECTED && !body.videoPasswords && video.privacy !== VideoPrivacy.PASSWORD_PROTECTED) {
      throw AppError.badRequest('A password-protected video needs videoPasswords');
    }
    if (body.channelId !== undefined && body.channelId !== video.channelId) await this.assertOwnChannel(me, body.channelId);
    const oldPrivacy = video.privacy;
    const before = { description: video.description ?? null, privacy: video.privacy };
    const thumbnail = images.thumbnail ? await saveVideoImage(this.ctx, 'thumbnail', images.thumbnail) : undefined;
    const preview = images.preview ? await saveVideoImage(this.ctx, 'preview', images.preview) : undefined;
    const oldImages = { thumbnail: video.thumbnailFilename, preview: video.previewFilename };
    await withTransaction(this.ctx.sequelize, async (transaction) => {
      await video.update(
        {
          ...pickDefined({
            name: body.name,
            category: body.category,
            licence: body.licence,
            language: body.language,
            privacy: body.privacy,
            description: body.description,
            support: body.support,
            nsfw: body.nsfw,
            waitTranscoding: body.waitTranscoding,
            tags: body.tags,
            downloadEnabled: body.downloadEnabled,
            channelId: body.channelId,
            commentsPolicy: body.commentsPolicy ?? (body.commentsEnabled === undefined ? undefined : body.commentsEnabled ? 1 : 2),
            originallyPublishedAt:
              body.originallyPublishedAt === undefined
                ? undefined
                : body.originallyPublishedAt
                  ? new Date(body.originallyPublishedAt)
                  : null,
          }),
          ...(thumbnail ? { thumbnailFilename: thumbnail, customThumbnail: true } : {}),
          ...(preview ? { previewFilename: preview, customPreview: true } : {}),
        },
        { transaction },
      );
      if (privacy !== VideoPrivacy.PASSWORD_PROTECTED) await VideoPasswordModel.destroy({ where: { videoId: video.id }, transaction });
      else if (body.videoPasswords) await this.replacePasswords(video.id, body.videoPasswords, transaction);
    });
    if (thumbnail) await removeVideoImage(this.ctx, 'thumbnail', oldImages.thumbnail);
    if (preview) await removeVideoImage(this.ctx, 'preview', oldImages.preview);
    if (isPrivateFiles(oldPrivacy) !== isPrivateFiles(privacy)) await moveFilesForPrivacy(this.ctx, video, oldPrivacy, privacy);
    for (const listener of this.updateListeners) await listener(video, before);
  }

  async replacePasswords(videoId: number, passwords: string[], transaction: import('sequelize').Transaction): Promise<void> {
    await VideoPasswordModel.destroy({ where: { videoId }, transaction });
    await VideoPasswordModel.bulkCreate(
      passwords.map((password) => ({ videoId, password })),
      { transaction },
    );
  }

  async assertOwnChannel(me: AuthUser, channelId: number): Promise<ChannelModel> {
    const channel = await ChannelModel.findByPk(channelId);
    if (!channel) throw AppError.badRequest('Unknown channelId');
    if (channel.accountId !== me.accountId) throw AppError.forbidden('This channel is not yours');
    return channel;
  }

  async remove(me: AuthUser, id: string): Promise<void> {
    const video = await this.getManageable(id, me, UserRight.REMOVE_ANY_VIDEO);
    await removeAllVideoFiles(this.ctx, video);
    await video.destroy();
    await this.ctx.events.emit('video-deleted', { videoId: video.id });
  }

  /** Like/dislike/none; counters change in the same transaction as the rating row. */
  async rate(me: AuthUser, id: string, rating: 'like' | 'dislike' | 'none', password?: string): Promise<void> {
    const { video } = await this.getForViewer(id, { auth: me, password });
    const previous = await withTransaction(this.ctx.sequelize, async (transaction) => {
      const [old] = await this.ctx.sequelize.query<{ type: string }>(
        'DELETE FROM video_rates WHERE account_id = :account AND video_id = :video RETURNING type',
        { replacements: { account: me.accountId, video: video.id }, type: QueryTypes.SELECT, transaction },
      );
      if (rating !== 'none') {
        await this.ctx.sequelize.query('INSERT INTO video_rates (account_id, video_id, type) VALUES (:account, :video, :rating)', {
          replacements: { account: me.accountId, video: video.id, rating },
          transaction,
        });
      }
      const delta = (t: string) => (rating === t ? 1 : 0) - (old?.type === t ? 1 : 0);
      await this.ctx.sequelize.query('UPDATE videos SET likes = likes + :likes, dislikes = dislikes + :dislikes WHERE id = :video', {
        replacements: { likes: delta('like'), dislikes: delta('dislike'), video: video.id },
        transaction,
      });
      return old?.type ?? null;
    });
    await this.ctx.events.emit('video-rated', { videoId: video.id, accountId: me.accountId, rating, previous });
  }

  async myRating(me: AuthUser, id: string): Promise<{ videoId: number; rating: string }> {
    const video = await videoRepository.findRow(id);
    if (!video) throw AppError.notFound('Video');
    const [row] = await this.ctx.sequelize.query<{ type: string }>('SELECT type FROM video_rates WHERE account_id = :a AND video_id = :v', {
      replacements: { a: me.accountId, v: video.id },
      type: QueryTypes.SELECT,
    });
    return { videoId: video.id, rating: row?.type ?? 'none' };
  }

  canSeePrivateFields(auth: AuthUser | undefined, video: VideoModel): boolean {
    return isOwnerOrModerator(auth, video.channel!.accountId);
  }
}

function pickDefined<T extends Record<string, unknown>>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}
