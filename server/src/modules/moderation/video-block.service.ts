import { Op, type Order, type WhereOptions } from 'sequelize';
import type { VideoBlock, VideoBlockType } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { serializeVideo, videoListInclude, VideoModel, videoRepository } from '../videos';
import { VideoBlockModel } from './abuse.model';

const VIDEO_SORT_COLUMNS = new Set(['name', 'duration', 'views', 'likes', 'dislikes', 'uuid']);
const likeContains = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/** Moderators block videos: hidden from everyone but the owner and moderators (see hidden-content.ts). */
export class VideoBlockService {
  constructor(private readonly ctx: AppContext) {}

  private async video(id: string): Promise<VideoModel> {
    const video = await videoRepository.findRow(id);
    if (!video) throw AppError.notFound('Video');
    return video;
  }

  async block(id: string, body: { reason?: string; unfederate?: boolean }): Promise<void> {
    const video = await this.video(id);
    if (await VideoBlockModel.findOne({ where: { videoId: video.id } })) throw AppError.conflict('This video is already blocked');
    const block = await VideoBlockModel.create({
      videoId: video.id,
      reason: body.reason ?? null,
      unfederated: !!body.unfederate && !video.remote,
    });
    await this.ctx.events.emit('video-blocked', { videoId: video.id, blacklistId: block.id });
  }

  async update(id: string, reason: string | undefined): Promise<void> {
    const video = await this.video(id);
    const block = await VideoBlockModel.findOne({ where: { videoId: video.id } });
    if (!block) throw AppError.notFound('Video block');
    await block.update({ reason: reason ?? null });
  }

  async unblock(id: string): Promise<void> {
    const video = await this.video(id);
    const removed = await VideoBlockModel.destroy({ where: { videoId: video.id } });
    if (!removed) throw AppError.notFound('Video block');
    await this.ctx.events.emit('video-unblocked', { videoId: video.id });
  }

  async list(q: {
    start: number;
    count: number;
    sort: string;
    search?: string;
    type?: number;
  }): Promise<{ total: number; data: VideoBlock[] }> {
    const desc = q.sort.startsWith('-');
    const key = q.sort.replace(/^-/, '');
    const where: WhereOptions<VideoBlockModel> = q.type ? { type: q.type } : {};
    const videoWhere = q.search ? { name: { [Op.iLike]: likeContains(q.search) } } : undefined;
    const { rows, count } = await VideoBlockModel.findAndCountAll({
      where,
      include: [{ model: VideoModel, as: 'video', required: true, where: videoWhere, include: videoListInclude() }],
      order: [
        VIDEO_SORT_COLUMNS.has(key) ? [{ model: VideoModel, as: 'video' }, key, desc ? 'DESC' : 'ASC'] : [key, desc ? 'DESC' : 'ASC'],
        ['id', 'ASC'],
      ] as Order,
      offset: q.start,
      limit: q.count,
      distinct: true,
    });
    return {
      total: count,
      data: rows.map((b) => {
        const video = b.video!;
        return {
          id: b.id,
          video: serializeVideo(this.ctx, video),
          reason: b.reason ?? null,
          unfederated: b.unfederated,
          type: b.type as VideoBlockType,
          createdAt: b.createdAt.toISOString(),
          updatedAt: b.updatedAt.toISOString(),
        };
      }),
    };
  }
}
