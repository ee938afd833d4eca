import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { VideoState } from '@shoal/models';
import { StreamingPlaylistModel, VideoFileModel, VideoModel, VideoSourceModel } from '../videos';
import type { RenditionFile } from './hls-playlists';

/** The rendition rows a video has now; their files are deleted once a new set replaces them. */
export interface RenditionRows {
  playlist: StreamingPlaylistModel | null;
  files: VideoFileModel[];
}

export interface NewRenditions {
  masterFilename: string;
  segmentsSha256Filename: string;
  hlsFiles: RenditionFile[];
  webVideos: RenditionFile[];
}

const fileRow = (videoId: number, streamingPlaylistId: number | null, f: RenditionFile) => ({
  videoId,
  streamingPlaylistId,
  resolution: f.resolution,
  width: f.width,
  height: f.height,
  size: f.size,
  fps: f.fps,
  filename: f.filename,
  playlistFilename: f.playlistFilename,
  hasAudio: f.hasAudio,
  hasVideo: f.hasVideo,
  metadata: f.metadata,
});

export const transcodingRepository = {
  /** The newest source row is the version the video plays, or is about to. */
  currentSource(videoId: number, transaction?: Transaction): Promise<VideoSourceModel | null> {
    return VideoSourceModel.findOne({
      where: { videoId },
      order: [
        ['createdAt', 'DESC'],
        ['id', 'DESC'],
      ],
      transaction,
    });
  },

  findVideo(videoId: number): Promise<VideoModel | null> {
    return VideoModel.findByPk(videoId);
  },

  /** Row lock so that a concurrent publication or privacy change waits for ours. */
  lockVideo(videoId: number, transaction: Transaction): Promise<VideoModel | null> {
    return VideoModel.findByPk(videoId, { transaction, lock: transaction.LOCK.UPDATE });
  },

  async renditionRows(videoId: number, transaction?: Transaction): Promise<RenditionRows> {
    const playlist = await StreamingPlaylistModel.findOne({ where: { videoId }, transaction });
    const files = await VideoFileModel.findAll({ where: { videoId }, transaction });
    return { playlist, files };
  },

  /** Swaps every rendition row of a video for the new set. */
  async replaceRenditions(videoId: number, next: NewRenditions, transaction: Transaction): Promise<void> {
    await VideoFileModel.destroy({ where: { videoId }, transaction });
    await StreamingPlaylistModel.destroy({ where: { videoId }, transaction });
    let playlistId: number | null = null;
    if (next.hlsFiles.length > 0) {
      const playlist = await StreamingPlaylistModel.create(
        { videoId, playlistFilename: next.masterFilename, segmentsSha256Filename: next.segmentsSha256Filename },
        { transaction },
      );
      playlistId = playlist.id;
    }
    await VideoFileModel.bulkCreate(
      [...next.hlsFiles.map((f) => fileRow(videoId, playlistId, f)), ...next.webVideos.map((f) => fileRow(videoId, null, f))],
      { transaction },
    );
  },

  /**
   * Marks the video failed, unless a newer version replaced the one that failed: that
   * version's own job decides the state. A published video whose new version failed keeps
   * playing its previous renditions; the error still tells its owner what happened.
   */
  async markFailed(sequelize: Sequelize, videoId: number, sourceId: number, message: string): Promise<boolean> {
    const rows = await sequelize.query(
      `UPDATE videos SET transcoding_error = :message, updated_at = now(),
              state = CASE WHEN state = ${VideoState.PUBLISHED}
                            AND EXISTS (SELECT 1 FROM video_streaming_playlists WHERE video_id = :videoId)
                           THEN state ELSE :state END
       WHERE id = :videoId
         AND :sourceId = (SELECT id FROM video_sources WHERE video_id = :videoId ORDER BY created_at DESC, id DESC LIMIT 1)
       RETURNING id`,
      { replacements: { state: VideoState.TRANSCODING_FAILED, message, videoId, sourceId }, type: QueryTypes.SELECT },
    );
    return rows.length > 0;
  },
};
