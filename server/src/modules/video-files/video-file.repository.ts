import { randomBytes } from 'node:crypto';
import { QueryTypes, type Sequelize } from 'sequelize';
import type { UserRole } from '@shoal/models';
import type { AuthUser } from '../../platform/http';
import { ChannelModel } from '../channels/channel.model';
import { VideoFileModel, VideoModel, VideoSourceModel } from '../videos';

/** The few columns a media request needs to decide and to find its file. */
const mediaVideoOptions = () => ({
  attributes: ['id', 'uuid', 'name', 'privacy', 'state', 'downloadEnabled', 'isLive', 'remote', 'duration'],
  include: [{ model: ChannelModel, as: 'channel', required: true, attributes: ['id', 'accountId'] }],
});

export type MediaVideo = VideoModel & { channel: ChannelModel };

export type VideoImageKind = 'thumbnail' | 'preview';

export const videoFileRepository = {
  findVideoByUuid(uuid: string) {
    return VideoModel.findOne({ where: { uuid: uuid.toLowerCase() }, ...mediaVideoOptions() }) as Promise<MediaVideo | null>;
  },

  findVideoById(id: number) {
    return VideoModel.findByPk(id, mediaVideoOptions()) as Promise<MediaVideo | null>;
  },

  async findVideoByImage(kind: VideoImageKind, filename: string) {
    const where = kind === 'thumbnail' ? { thumbnailFilename: filename } : { previewFilename: filename };
    return VideoModel.findOne({ where, ...mediaVideoOptions() }) as Promise<MediaVideo | null>;
  },

  /** A progressive MP4 by its file name. */
  findWebVideoFile(filename: string) {
    return VideoFileModel.findOne({ where: { filename, streamingPlaylistId: null } });
  },

  /** The local rendition file of `resolution`, HLS (fragmented MP4) or web video. */
  async findRendition(videoId: number, resolution: number, hls: boolean) {
    const files = await VideoFileModel.findAll({ where: { videoId, resolution, fileUrl: null } });
    return files.find((f) => (f.streamingPlaylistId !== null) === hls) ?? null;
  },

  findSourceByKeepFilename(keepFilename: string) {
    return VideoSourceModel.findOne({ where: { keepFilename } });
  },

  /** The current version's original: the newest source row. */
  findLatestSource(videoId: number) {
    return VideoSourceModel.findOne({
      where: { videoId },
      order: [
        ['createdAt', 'DESC'],
        ['id', 'DESC'],
      ],
    });
  },

  /** The user a file token was issued to, as a bearer token would resolve it (blocked users: none). */
  async findAuthUser(sequelize: Sequelize, userId: number): Promise<AuthUser | null> {
    const [row] = await sequelize.query<{ id: number; username: string; role: UserRole; account_id: number }>(
      `SELECT u.id, u.username, u.role, a.id AS account_id
         FROM users u JOIN accounts a ON a.user_id = u.id
        WHERE u.id = :userId AND u.blocked = false`,
      { replacements: { userId }, type: QueryTypes.SELECT },
    );
    // tokenId 0: this identity comes from a file token, not from an OAuth session.
    return row ? { id: row.id, username: row.username, role: Number(row.role) as UserRole, accountId: row.account_id, tokenId: 0 } : null;
  },

  /** Reads an instance secret, creating it on first use; concurrent first uses agree on one value. */
  async secret(sequelize: Sequelize, name: string): Promise<Buffer> {
    await sequelize.query('INSERT INTO server_secrets (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING', {
      replacements: { name, value: randomBytes(32).toString('hex') },
    });
    const [row] = await sequelize.query<{ value: string }>('SELECT value FROM server_secrets WHERE name = :name', {
      replacements: { name },
      type: QueryTypes.SELECT,
    });
    return Buffer.from(row.value, 'hex');
  },
};
