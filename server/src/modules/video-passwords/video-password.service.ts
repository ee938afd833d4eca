import { UserRight, VideoPrivacy, type ResultList, type VideoPassword } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { withTransaction } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { AuthUser } from '../../platform/http';
import { VideoPasswordModel, type VideoModel, type VideoService } from '../videos';

export interface PasswordPage {
  start: number;
  count: number;
  sort: string;
}

/** The password list of a password-protected video, managed by its owner. */
export class VideoPasswordService {
  constructor(
    private readonly ctx: AppContext,
    private readonly videos: VideoService,
  ) {}

  async list(me: AuthUser, id: string, page: PasswordPage): Promise<ResultList<VideoPassword>> {
    const video = await this.protectedVideo(me, id, UserRight.SEE_ALL_VIDEOS);
    const { rows, count } = await VideoPasswordModel.findAndCountAll({
      where: { videoId: video.id },
      order: [
        [page.sort.replace(/^-/, ''), page.sort.startsWith('-') ? 'DESC' : 'ASC'],
        ['id', 'ASC'],
      ],
      offset: page.start,
      limit: page.count,
    });
    return { total: count, data: rows.map((p) => ({ id: p.id, password: p.password, videoId: p.videoId })) };
  }

  async replace(me: AuthUser, id: string, passwords: string[]): Promise<void> {
    const video = await this.protectedVideo(me, id, UserRight.UPDATE_ANY_VIDEO);
    await withTransaction(this.ctx.sequelize, (transaction) => this.videos.replacePasswords(video.id, passwords, transaction));
  }

  /** The last password cannot go: the video would be unreachable yet still "protected". */
  async remove(me: AuthUser, id: string, passwordId: number): Promise<void> {
    const video = await this.protectedVideo(me, id, UserRight.UPDATE_ANY_VIDEO);
    await withTransaction(this.ctx.sequelize, async (transaction) => {
      // Row locks make two concurrent deletions of the last two passwords impossible.
      const rows = await VideoPasswordModel.findAll({ where: { videoId: video.id }, transaction, lock: transaction.LOCK.UPDATE });
      if (!rows.some((p) => p.id === passwordId)) throw AppError.notFound('Video password');
      if (rows.length <= 1) throw AppError.forbidden('Cannot delete the last password of a password-protected video');
      await VideoPasswordModel.destroy({ where: { id: passwordId, videoId: video.id }, transaction });
    });
  }

  private async protectedVideo(me: AuthUser, id: string, right: UserRight): Promise<VideoModel> {
    const video = await this.videos.getManageable(id, me, right);
    if (video.privacy !== VideoPrivacy.PASSWORD_PROTECTED) throw AppError.badRequest('This video is not password-protected');
    return video;
  }
}
