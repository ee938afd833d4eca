import { QueryTypes } from 'sequelize';
import { AS_PUBLIC } from '@shoal/models';
import type { AppContext } from '../../../platform/context';
import { ActorModel } from '../../actors';
import { videoRepository, type VideoModel } from '../../videos';
import { contextWith, VIDEO_CONTEXT } from './ap-contexts';
import type { ActorRef, FederationApi } from './federation-port';
import { isFederable } from './video-audience';
import { buildVideoObject } from './video.builder';

interface FederatedRow {
  video_id: number;
  url: string;
  account_actor_id: number;
  channel_actor_id: number;
}

/**
 * Tells followers about local videos: Create + Announces the first time a video becomes
 * federable, Update on later changes, Delete when it is removed or stops being federable
 * (made private, internal, password-protected, or blocked with "unfederate").
 */
export class VideoOutbox {
  constructor(
    private readonly ctx: AppContext,
    private readonly fed: FederationApi,
  ) {}

  private async record(videoId: number): Promise<FederatedRow | null> {
    const [row] = await this.ctx.sequelize.query<FederatedRow>('SELECT * FROM federated_videos WHERE video_id = :videoId', {
      replacements: { videoId },
      type: QueryTypes.SELECT,
    });
    return row ?? null;
  }

  private async isUnfederated(videoId: number): Promise<boolean> {
    const [row] = await this.ctx.sequelize.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM video_blacklist WHERE video_id = :videoId AND unfederated',
      { replacements: { videoId }, type: QueryTypes.SELECT },
    );
    return row.n > 0;
  }

  /** Brings followers in line with the video's current state; safe to call after any change. */
  async sync(videoId: number): Promise<void> {
    const video = await videoRepository.findByIdWithFiles(videoId);
    const record = await this.record(videoId);
    if (video?.remote) return;
    const federable =
      !!video &&
      isFederable({ privacy: video.privacy, state: video.state, remote: video.remote, unfederated: await this.isUnfederated(videoId) });
    if (!federable) {
      if (record) await this.sendDelete(record);
      return;
    }
    if (record) await this.sendUpdate(video);
    else await this.sendCreate(video);
  }

  private async actorsOf(video: VideoModel) {
    const channel = video.channel!;
    const account = channel.account!.actor!;
    const instance = await this.fed.getInstanceActor();
    return { account, channel: channel.actor!, instance };
  }

  private async sendCreate(video: VideoModel): Promise<void> {
    const { account, channel, instance } = await this.actorsOf(video);
    await this.ctx.sequelize.query(
      `INSERT INTO federated_videos (video_id, url, account_actor_id, channel_actor_id) VALUES (:id, :url, :account, :channel)
       ON CONFLICT (video_id) DO NOTHING`,
      { replacements: { id: video.id, url: video.url, account: account.id, channel: channel.id } },
    );
    const object = buildVideoObject(this.ctx, video);
    await this.fed.sendToFollowers(account.id, {
      '@context': contextWith(VIDEO_CONTEXT),
      type: 'Create',
      id: `${video.url}/activity`,
      actor: account.url,
      object,
      to: object.to,
      cc: object.cc,
    });
    // Channel followers and instance followers receive the video through these shares (spec §6.5).
    await this.announce(video, channel, [account.id]);
    await this.announce(video, instance, [account.id, channel.id]);
  }

  private async announce(video: VideoModel, by: ActorRef, alsoFollowersOf: number[]): Promise<void> {
    const id = `${video.url}/announces/${by.id}`;
    await this.ctx.sequelize.query(
      `INSERT INTO video_shares (url, actor_id, video_id) VALUES (:id, :actor, :video) ON CONFLICT DO NOTHING`,
      { replacements: { id, actor: by.id, video: video.id } },
    );
    await this.fed.sendToFollowers(
      by.id,
      { type: 'Announce', id, actor: by.url, object: video.url, to: [AS_PUBLIC], cc: [by.followersUrl] },
      { alsoFollowersOf },
    );
  }

  private async sendUpdate(video: VideoModel): Promise<void> {
    const { account, channel, instance } = await this.actorsOf(video);
    const object = buildVideoObject(this.ctx, video);
    await this.fed.sendToFollowers(
      account.id,
      {
        '@context': contextWith(VIDEO_CONTEXT),
        type: 'Update',
        // Counter-only changes keep updatedAt: the send time keeps each Update id distinct.
        id: `${video.url}/updates/${this.ctx.now().toISOString()}`,
        actor: account.url,
        object,
        to: object.to,
        cc: object.cc,
      },
      { alsoFollowersOf: [channel.id, instance.id] },
    );
  }

  private async sendDelete(record: FederatedRow): Promise<void> {
    const account = await ActorModel.findByPk(record.account_actor_id);
    const instance = await this.fed.getInstanceActor();
    await this.ctx.sequelize.query('DELETE FROM federated_videos WHERE video_id = :id', { replacements: { id: record.video_id } });
    await this.ctx.sequelize.query('DELETE FROM video_shares WHERE video_id = :id', { replacements: { id: record.video_id } });
    if (!account) return;
    await this.fed.sendToFollowers(
      account.id,
      { type: 'Delete', id: `${record.url}/delete`, actor: account.url, object: record.url, to: [AS_PUBLIC], cc: [account.followersUrl] },
      { alsoFollowersOf: [record.channel_actor_id, instance.id] },
    );
  }
}
