import { QueryTypes } from 'sequelize';
import { apRef, videoObjectSchema } from '@shoal/models';
import type { AppContext } from '../../../platform/context';
import { ChannelModel } from '../../channels';
import { AccountModel } from '../../accounts';
import { VideoModel } from '../../videos';
import { ok, skipped, type FederationApi, type InboxActivity, type InboxCtx, type InboxOutcome } from './federation-port';
import type { RemoteVideoResolver } from './remote-video.resolver';

/** Actor ids allowed to speak for a video: its channel and the channel's owner account. */
export async function videoOwnerActorIds(video: VideoModel): Promise<number[]> {
  const channel = await ChannelModel.findByPk(video.channelId, { include: [{ model: AccountModel, as: 'account' }] });
  return channel ? [channel.actorId, channel.account!.actorId] : [];
}

/** Actors whose followers hear about a local video: its channel, its account and the instance actor. */
export async function involvedActorIds(fed: FederationApi, video: VideoModel): Promise<number[]> {
  return [...(await videoOwnerActorIds(video)), (await fed.getInstanceActor()).id];
}

/** Inbox handlers of Video activities: Create, Update, Announce, Undo Announce (Delete lives in delete.inbox). */
export function videoInboxHandlers(ctx: AppContext, fed: FederationApi, videos: RemoteVideoResolver) {
  /** The embedded object when the signer is its origin; otherwise the origin's copy (spec §3). */
  async function authoritative(activity: InboxActivity, inbox: InboxCtx) {
    const embedded = videoObjectSchema.safeParse(activity.object);
    if (!inbox.forwarded && !inbox.crawled && embedded.success) return { object: embedded.data, fetchUrl: null };
    const url = apRef.safeParse(activity.object);
    if (!url.success) return null;
    return { object: null, fetchUrl: url.data };
  }

  async function createVideo(activity: InboxActivity, inbox: InboxCtx): Promise<InboxOutcome> {
    const found = await authoritative(activity, inbox);
    if (!found) return skipped('invalid Video');
    const url = found.object?.id ?? found.fetchUrl!;
    // A Create of a known video does not update it; only Update does (PeerTube's rule).
    if (await VideoModel.findOne({ where: { url }, attributes: ['id'] })) return skipped('video already known');
    if (found.object) await videos.save(found.object);
    else await videos.fetchAndStore(url);
    return ok;
  }

  async function updateVideo(activity: InboxActivity, inbox: InboxCtx): Promise<InboxOutcome> {
    const found = await authoritative(activity, inbox);
    if (!found) return skipped('invalid Video');
    const url = found.object?.id ?? found.fetchUrl!;
    const known = await VideoModel.findOne({ where: { url } });
    if (known && !known.remote) return skipped('cannot update a local video');
    if (known && !(await videoOwnerActorIds(known)).includes(inbox.signer.id) && !inbox.forwarded)
      return skipped('signer does not own the video');
    if (found.object) await videos.save(found.object);
    else await videos.fetchAndStore(url);
    return ok;
  }

  async function announce(activity: InboxActivity, inbox: InboxCtx): Promise<InboxOutcome> {
    // Newest PeerTube ignores boosts by people; only channels and instances share videos.
    if (inbox.signer.type !== 'Group' && inbox.signer.type !== 'Application') return skipped('announce by a person');
    const url = apRef.safeParse(activity.object);
    if (!url.success) return skipped('invalid object');
    const video = await videos.getOrFetch(url.data);
    const [inserted] = await ctx.sequelize.query<{ id: number }>(
      `INSERT INTO video_shares (url, actor_id, video_id) VALUES (:url, :actor, :video) ON CONFLICT DO NOTHING RETURNING id`,
      { replacements: { url: activity.id, actor: inbox.signer.id, video: video.id }, type: QueryTypes.SELECT },
    );
    if (inserted && !video.remote) await fed.forward(activity, await involvedActorIds(fed, video), [inbox.signer.id]);
    return ok;
  }

  async function undoAnnounce(activity: InboxActivity, inbox: InboxCtx): Promise<InboxOutcome> {
    const id = apRef.safeParse(activity.object);
    if (!id.success) return skipped('invalid object');
    await ctx.sequelize.query('DELETE FROM video_shares WHERE url = :url AND actor_id = :actor', {
      replacements: { url: id.data, actor: inbox.signer.id },
    });
    return ok;
  }

  return { 'Create/Video': createVideo, 'Update/Video': updateVideo, Announce: announce, 'Undo/Announce': undoAnnounce };
}
