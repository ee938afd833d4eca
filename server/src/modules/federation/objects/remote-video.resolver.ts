import { UniqueConstraintError } from 'sequelize';
import { videoObjectSchema, type VideoObjectIn } from '@shoal/models';
import type { AppContext } from '../../../platform/context';
import type { VideoModel } from '../../videos';
import type { FederationApi } from './federation-port';
import { markVideoSynced } from './remote-refresh';
import { RemoteVideoStore } from './remote-video.store';
import { parseVideoObject } from './video.parser';

const hostOf = (url: string) => new URL(url).host.toLowerCase();

export class RemoteVideoError extends Error {}

/**
 * Gets a remote video by URL, fetching it from its origin when unknown (spec §9.3). Embedded
 * copies are trusted only when the caller says the signer is the origin (spec §3).
 */
export class RemoteVideoResolver {
  readonly store: RemoteVideoStore;

  constructor(
    private readonly ctx: AppContext,
    private readonly fed: FederationApi,
  ) {
    this.store = new RemoteVideoStore(ctx);
  }

  /** A known video (local or remote) or the freshly fetched copy. */
  async getOrFetch(url: string): Promise<VideoModel> {
    const known = await this.store.findByUrl(url);
    if (known) return known;
    if (url.startsWith(`${this.ctx.publicUrl}/`)) throw new RemoteVideoError('unknown local video');
    return this.fetchAndStore(url);
  }

  async fetchAndStore(url: string): Promise<VideoModel> {
    return this.saveFetched(url, await this.fed.signedFetch(url));
  }

  /** Validates and stores the JSON fetched from `url` (its id must be on that host). */
  async saveFetched(url: string, body: unknown): Promise<VideoModel> {
    const parsed = videoObjectSchema.safeParse(body);
    if (!parsed.success) throw new RemoteVideoError(`invalid Video at ${url}: ${parsed.error.issues[0]?.message}`);
    if (hostOf(parsed.data.id) !== hostOf(url)) throw new RemoteVideoError('video id is not on the host it was fetched from');
    return this.save(parsed.data);
  }

  /** Stores a validated object whose `id` host the caller has checked. */
  async save(object: VideoObjectIn): Promise<VideoModel> {
    const data = parseVideoObject(object);
    const host = hostOf(data.url);
    // The channel (and so any channel change on Update) must be on the video's host.
    if (hostOf(data.channelUrl) !== host) throw new RemoteVideoError('the channel is not on the video host');
    if (data.accountUrl && hostOf(data.accountUrl) !== host) throw new RemoteVideoError('the account is not on the video host');
    const actor = await this.fed.resolveRemoteActor(data.channelUrl);
    if (actor.type !== 'Group') throw new RemoteVideoError('attributedTo names no channel');
    const channelId = await this.fed.getChannelIdOfActor(actor.id);
    if (!channelId) throw new RemoteVideoError('the channel could not be resolved');
    const existing = await this.store.findByUrl(data.url);
    if (existing && !existing.remote) throw new RemoteVideoError('a remote object cannot replace a local video');
    const { video } = await this.store.upsert(data, channelId).catch((err: unknown) => {
      // The Create and both Announces of a new video often arrive together: the loser of the
      // insert race finds the row and updates it.
      if (err instanceof UniqueConstraintError) return this.store.upsert(data, channelId);
      throw err;
    });
    await this.syncRates(video, data);
    await markVideoSynced(this.ctx, video.id);
    return video;
  }

  /** Like and dislike counts come from the origin's collections (`totalItems`), as PeerTube reads them. */
  private async syncRates(video: VideoModel, data: { url: string; likesUrl: string | null; dislikesUrl: string | null }) {
    const total = async (url: string | null): Promise<number | null> => {
      if (!url || hostOf(url) !== hostOf(data.url)) return null;
      try {
        const n = (await this.fed.signedFetch(url)) as { totalItems?: unknown } | null;
        return Number.isInteger(n?.totalItems) && (n!.totalItems as number) >= 0 ? (n!.totalItems as number) : null;
      } catch {
        return null;
      }
    };
    const [likes, dislikes] = await Promise.all([total(data.likesUrl), total(data.dislikesUrl)]);
    if (likes !== null || dislikes !== null) {
      await video.update({ ...(likes !== null ? { likes } : {}), ...(dislikes !== null ? { dislikes } : {}) });
    }
  }
}
