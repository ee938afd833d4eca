import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { UniqueConstraintError } from 'sequelize';
import { UserRight, VIDEO_CAPTION_CONSTRAINTS, type VideoCaption } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { withTransaction } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { AuthUser } from '../../platform/http';
import type { VideoService, Viewer } from '../videos';
import { CaptionFormatError, toWebVtt } from './caption-format';
import { captionFilePath, serializeCaption } from './caption-paths';
import { VideoCaptionModel } from './video-caption.model';
import { videoCaptionRepository } from './video-caption.repository';

/** An uploaded caption file, as multer hands it over. */
export interface CaptionUpload {
  buffer: Buffer;
  originalname: string;
}

type ChangeListener = (videoId: number) => Promise<unknown> | unknown;

/** Captions of videos: read with the video's visibility, written by whoever may manage it. */
export class VideoCaptionService {
  private readonly changeListeners: ChangeListener[] = [];

  constructor(
    private readonly ctx: AppContext,
    private readonly videos: VideoService,
  ) {}

  /** Federation re-sends the video when its captions change (wired in services.ts). */
  onChange(listener: ChangeListener): void {
    this.changeListeners.push(listener);
  }

  async list(id: string, viewer: Viewer): Promise<{ captions: VideoCaption[]; access: string }> {
    const { video, access } = await this.videos.getForViewer(id, viewer);
    const rows = await videoCaptionRepository.listByVideo(video.id);
    return { captions: rows.map((c) => serializeCaption(this.ctx, c)), access };
  }

  /** Adds the caption of `language`, or replaces it: the new file gets a new name, so no cache serves the old one. */
  async upsert(me: AuthUser, id: string, language: string, upload: CaptionUpload): Promise<void> {
    const video = await this.videos.getManageable(id, me, UserRight.UPDATE_ANY_VIDEO);
    const extension = extname(upload.originalname).toLowerCase();
    if (!(VIDEO_CAPTION_CONSTRAINTS.extensions as readonly string[]).includes(extension)) {
      throw AppError.badRequest(`Caption files must be ${VIDEO_CAPTION_CONSTRAINTS.extensions.join(' or ')}`);
    }
    let vtt: string;
    try {
      vtt = toWebVtt(upload.buffer, extension);
    } catch (err) {
      if (err instanceof CaptionFormatError) throw AppError.badRequest(`Invalid caption file: ${err.message}`);
      throw err;
    }
    const filename = `${randomUUID()}-${language}.vtt`;
    await mkdir(this.ctx.dirs.captions, { recursive: true });
    await writeFile(captionFilePath(this.ctx, filename), vtt);
    let previous: string | null;
    try {
      // Two uploads of one language at once: the loser of the insert race replaces the winner's.
      previous = await this.save(video.id, language, filename).catch((err: unknown) => {
        if (err instanceof UniqueConstraintError) return this.save(video.id, language, filename);
        throw err;
      });
    } catch (err) {
      await rm(captionFilePath(this.ctx, filename), { force: true });
      throw err;
    }
    if (previous) await this.removeFile(previous);
    await this.changed(video.id);
  }

  /** Points the (video, language) caption at `filename`; returns the file it replaced. */
  private save(videoId: number, language: string, filename: string): Promise<string | null> {
    return withTransaction(this.ctx.sequelize, async (transaction) => {
      const existing = await videoCaptionRepository.findOne(videoId, language, transaction);
      if (!existing) {
        await VideoCaptionModel.create({ videoId, language, filename, fileUrl: null }, { transaction });
        return null;
      }
      const previous = existing.filename;
      existing.set({ filename, fileUrl: null, automaticallyGenerated: false });
      // A replacement is a change even when only the file name differs.
      existing.changed('updatedAt', true);
      await existing.save({ transaction });
      return previous;
    });
  }

  async remove(me: AuthUser, id: string, language: string): Promise<void> {
    const video = await this.videos.getManageable(id, me, UserRight.UPDATE_ANY_VIDEO);
    const caption = await videoCaptionRepository.findOne(video.id, language);
    if (!caption) throw AppError.notFound('Caption');
    await caption.destroy();
    if (caption.filename) await this.removeFile(caption.filename);
    await this.changed(video.id);
  }

  /**
   * Removes captions left by deleted videos, files first. Runs after each video deletion and at
   * start-up, so captions of videos deleted by a cascade (user removal) go too.
   */
  async removeOrphans(): Promise<number> {
    const orphans = await videoCaptionRepository.orphans(this.ctx.sequelize);
    for (const o of orphans) if (o.filename) await this.removeFile(o.filename);
    await videoCaptionRepository.removeByIds(orphans.map((o) => o.id));
    return orphans.length;
  }

  private removeFile(filename: string): Promise<void> {
    return rm(captionFilePath(this.ctx, filename), { force: true });
  }

  private async changed(videoId: number): Promise<void> {
    for (const listener of this.changeListeners) {
      try {
        await listener(videoId);
      } catch (err) {
        // The caption is saved: a failed federation send must not turn the request into a 500.
        this.ctx.logger.error({ err, videoId }, 'caption change listener failed');
      }
    }
  }
}
