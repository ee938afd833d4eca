import { basename } from 'node:path';
import type { Transaction } from 'sequelize';
import type { AppContext } from '../../../platform/context';
import { withTransaction } from '../../../platform/db';
import { saveVideoImage, StreamingPlaylistModel, VideoFileModel, VideoModel, removeVideoImage } from '../../videos';
import { videoCaptionRepository } from '../../video-captions';
import { downloadImage } from './image-download';
import type { RemoteFile, RemoteVideoData } from './video.parser';

const fileName = (url: string) => basename(new URL(url).pathname) || 'file';

function columns(data: RemoteVideoData) {
  return {
    url: data.url,
    uuid: data.uuid,
    name: data.name,
    category: data.category,
    licence: data.licence,
    language: data.language,
    privacy: data.privacy as VideoModel['privacy'],
    nsfw: data.nsfw,
    description: data.description,
    support: data.support,
    tags: data.tags,
    duration: data.duration,
    aspectRatio: data.aspectRatio,
    views: data.views,
    state: data.state as VideoModel['state'],
    waitTranscoding: data.waitTranscoding,
    commentsPolicy: data.commentsPolicy,
    downloadEnabled: data.downloadEnabled,
    isLive: data.isLive,
    publishedAt: data.publishedAt,
    originallyPublishedAt: data.originallyPublishedAt,
  };
}

const fileRow = (videoId: number, streamingPlaylistId: number | null, f: RemoteFile) => ({
  videoId,
  streamingPlaylistId,
  resolution: f.resolution,
  width: f.width,
  height: f.height,
  size: f.size,
  fps: f.fps,
  filename: fileName(f.fileUrl),
  // Per-resolution playlists of a remote video are named in its master playlist, not here.
  playlistFilename: null,
  hasAudio: f.hasAudio,
  hasVideo: f.hasVideo,
  fileUrl: f.fileUrl,
});

/** Files of a remote video point at its origin: players load the origin's HLS directly. */
async function replaceFiles(videoId: number, data: RemoteVideoData, transaction: Transaction): Promise<void> {
  await VideoFileModel.destroy({ where: { videoId }, transaction });
  await StreamingPlaylistModel.destroy({ where: { videoId }, transaction });
  if (data.hls) {
    const playlist = await StreamingPlaylistModel.create(
      {
        videoId,
        playlistFilename: fileName(data.hls.playlistUrl),
        segmentsSha256Filename: data.hls.segmentsSha256Url ? fileName(data.hls.segmentsSha256Url) : 'segments-sha256.json',
        playlistUrl: data.hls.playlistUrl,
        segmentsSha256Url: data.hls.segmentsSha256Url,
      },
      { transaction },
    );
    await VideoFileModel.bulkCreate(
      data.hls.files.map((f) => fileRow(videoId, playlist.id, f)),
      { transaction },
    );
  }
  await VideoFileModel.bulkCreate(
    data.webVideos.map((f) => fileRow(videoId, null, f)),
    { transaction },
  );
}

/** Writes remote videos into the videos tables (remote = true). */
export class RemoteVideoStore {
  constructor(private readonly ctx: AppContext) {}

  findByUrl(url: string): Promise<VideoModel | null> {
    return VideoModel.findOne({ where: { url } });
  }

  /** Creates or replaces the copy; returns the row and whether it was new. */
  async upsert(data: RemoteVideoData, channelId: number): Promise<{ video: VideoModel; created: boolean }> {
    const before = await this.findByUrl(data.url);
    // Images first, so the video never shows up without its thumbnail.
    const images = before?.thumbnailFilename ? {} : await this.copyImages(data);
    try {
      return await this.write(data, channelId, images);
    } catch (err) {
      await removeVideoImage(this.ctx, 'thumbnail', images.thumbnailFilename);
      await removeVideoImage(this.ctx, 'preview', images.previewFilename);
      throw err;
    }
  }

  private write(data: RemoteVideoData, channelId: number, images: { thumbnailFilename?: string; previewFilename?: string }) {
    return withTransaction(this.ctx.sequelize, async (transaction) => {
      const existing = await VideoModel.findOne({ where: { url: data.url }, transaction, lock: transaction.LOCK.UPDATE });
      const values = { ...columns(data), ...images, channelId, remote: true };
      let video: VideoModel;
      if (existing) {
        // A uuid is fixed for life: an update cannot move a video onto another one's uuid.
        video = await existing.update({ ...values, uuid: existing.uuid }, { transaction });
      } else {
        video = await VideoModel.create(values as never, { transaction });
      }
      await replaceFiles(video.id, data, transaction);
      // Links to the origin's files, like the video files: nothing to download.
      await videoCaptionRepository.replaceRemote(video.id, data.captions, transaction);
      return { video, created: !existing };
    });
  }

  /**
   * Copies the origin's thumbnail and preview (PeerTube re-serves remote images from its own
   * `/lazy-static`). Only images on the video's own host, already contacted to fetch it, are taken.
   */
  private async copyImages(data: RemoteVideoData): Promise<{ thumbnailFilename?: string; previewFilename?: string }> {
    const sameHost = data.icons.filter((i) => new URL(i.url).host === new URL(data.url).host);
    if (sameHost.length === 0) return {};
    const small = [...sameHost].sort((a, b) => a.width - b.width)[0];
    const large = [...sameHost].sort((a, b) => b.width - a.width)[0];
    try {
      const thumbnailFilename = await saveVideoImage(this.ctx, 'thumbnail', await this.download(small.url));
      const previewFilename = await saveVideoImage(this.ctx, 'preview', await this.download(large.url));
      return { thumbnailFilename, previewFilename };
    } catch (err) {
      this.ctx.logger.warn({ err, video: data.url }, 'could not copy the thumbnail of a remote video');
      return {};
    }
  }

  private download(url: string): Promise<Buffer> {
    return downloadImage(url, { preventSsrf: this.ctx.config.federation.prevent_ssrf, maxBytes: MAX_IMAGE_BYTES });
  }

  async remove(video: VideoModel): Promise<void> {
    const images = { thumbnail: video.thumbnailFilename, preview: video.previewFilename };
    await video.destroy();
    await removeVideoImage(this.ctx, 'thumbnail', images.thumbnail);
    await removeVideoImage(this.ctx, 'preview', images.preview);
    await this.ctx.events.emit('video-deleted', { videoId: video.id });
  }
}

const MAX_IMAGE_BYTES = 4 * 1024 * 1024;
