import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { VideoCaptionModel } from './video-caption.model';

/** Queries of captions; no rules here. */
export const videoCaptionRepository = {
  listByVideo(videoId: number, transaction?: Transaction) {
    return VideoCaptionModel.findAll({ where: { videoId }, order: [['language', 'ASC']], transaction });
  },

  findOne(videoId: number, language: string, transaction?: Transaction) {
    return VideoCaptionModel.findOne({
      where: { videoId, language },
      transaction,
      lock: transaction ? transaction.LOCK.UPDATE : undefined,
    });
  },

  findByFilename(filename: string) {
    return VideoCaptionModel.findOne({ where: { filename } });
  },

  /** Captions whose video is gone (deleted directly or by a cascade from its user). */
  orphans(sequelize: Sequelize) {
    return sequelize.query<{ id: number; filename: string | null }>(
      'SELECT c.id, c.filename FROM video_captions c WHERE NOT EXISTS (SELECT 1 FROM videos v WHERE v.id = c.video_id)',
      { type: QueryTypes.SELECT },
    );
  },

  async removeByIds(ids: number[]) {
    if (ids.length) await VideoCaptionModel.destroy({ where: { id: ids } });
  },

  /** A remote video's captions are whatever its origin lists now (they are links, no files). */
  async replaceRemote(videoId: number, captions: Array<{ language: string; fileUrl: string }>, transaction: Transaction) {
    await VideoCaptionModel.destroy({ where: { videoId }, transaction });
    await VideoCaptionModel.bulkCreate(
      captions.map((c) => ({ videoId, language: c.language, fileUrl: c.fileUrl, filename: null })),
      { transaction },
    );
  },
};
