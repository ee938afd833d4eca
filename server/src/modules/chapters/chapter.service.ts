import type { Transaction } from 'sequelize';
import { UserRight, type VideoChapter } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { withTransaction } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { AuthUser } from '../../platform/http';
import { VideoChapterModel, type VideoService, type Viewer } from '../videos';
import { chaptersAfterDescriptionChange } from './chapter-parser';

/** What applyDescriptionChapters needs of a video. */
export interface ChapterVideo {
  id: number;
  description?: string | null;
  isLive?: boolean;
}

/** Chapters of a video: read with the video's visibility, written by its owner. */
export class ChapterService {
  constructor(
    private readonly ctx: AppContext,
    private readonly videos: VideoService,
  ) {}

  async list(id: string, viewer: Viewer): Promise<{ chapters: VideoChapter[]; access: string }> {
    const { video, access } = await this.videos.getForViewer(id, viewer);
    return { chapters: await this.chaptersOf(video.id), access };
  }

  /** Replaces the whole list; an empty list clears it. */
  async replace(me: AuthUser, id: string, chapters: VideoChapter[]): Promise<void> {
    const video = await this.videos.getManageable(id, me, UserRight.UPDATE_ANY_VIDEO);
    if (video.isLive) throw AppError.badRequest('Live videos have no chapters');
    // Unknown duration (0) while the upload is being probed: nothing to compare with yet.
    const beyond = video.duration > 0 ? chapters.find((c) => c.timecode > video.duration) : undefined;
    if (beyond) throw AppError.badRequest(`Chapter timecode ${beyond.timecode} is beyond the video duration (${video.duration} s)`);
    await withTransaction(this.ctx.sequelize, (transaction) => this.store(video.id, chapters, transaction));
  }

  /**
   * Follows a description change (see chaptersAfterDescriptionChange). Call it after
   * creating a video (old description null) and after an update that changed the
   * description. Returns whether chapters changed.
   */
  async applyDescriptionChapters(
    video: ChapterVideo,
    oldDescription: string | null | undefined,
    transaction?: Transaction,
  ): Promise<boolean> {
    if (video.isLive) return false;
    const next = chaptersAfterDescriptionChange(await this.chaptersOf(video.id, transaction), oldDescription, video.description);
    if (!next) return false;
    if (transaction) await this.store(video.id, next, transaction);
    else await withTransaction(this.ctx.sequelize, (t) => this.store(video.id, next, t));
    return true;
  }

  private async chaptersOf(videoId: number, transaction?: Transaction): Promise<VideoChapter[]> {
    const rows = await VideoChapterModel.findAll({ where: { videoId }, order: [['timecode', 'ASC']], transaction });
    return rows.map((c) => ({ timecode: c.timecode, title: c.title }));
  }

  private async store(videoId: number, chapters: VideoChapter[], transaction: Transaction): Promise<void> {
    await VideoChapterModel.destroy({ where: { videoId }, transaction });
    await VideoChapterModel.bulkCreate(
      chapters.map((c) => ({ videoId, timecode: c.timecode, title: c.title })),
      // A repeated timecode is skipped, never an error (the API schema already refuses them).
      { transaction, ignoreDuplicates: true },
    );
  }
}
