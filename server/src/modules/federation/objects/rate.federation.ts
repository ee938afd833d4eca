import { QueryTypes } from 'sequelize';
import { apRef, rateActivitySchema } from '@shoal/models';
import type { AppContext } from '../../../platform/context';
import { withTransaction } from '../../../platform/db';
import { AccountModel } from '../../accounts';
import { ActorModel } from '../../actors';
import { VideoModel } from '../../videos';
import { ok, skipped, type FederationApi, type InboxActivity, type InboxCtx, type InboxOutcome } from './federation-port';
import { isFederable } from './video-audience';
import type { VideoCounters } from './video-counters';
import { videoOwnerActorIds } from './video.inbox';

type Rating = 'like' | 'dislike';
const TYPE: Record<Rating, 'Like' | 'Dislike'> = { like: 'Like', dislike: 'Dislike' };
const rateId = (actorUrl: string, rating: Rating, videoId: number) => `${actorUrl}/${rating}s/${videoId}`;

/**
 * Likes and dislikes: ours on remote videos go to the origin only (spec §6.6); the origin
 * keeps one rate per account and video, keyed by the activity id.
 */
export class RateFederation {
  constructor(
    private readonly ctx: AppContext,
    private readonly fed: FederationApi,
    private readonly counters?: VideoCounters,
  ) {}

  async rated(e: { videoId: number; accountId: number; rating: Rating | 'none'; previous: string | null }): Promise<void> {
    const video = await VideoModel.findByPk(e.videoId);
    if (!video?.remote) {
      if (video) await this.counters?.changed(video.id);
      return;
    }
    const account = await AccountModel.findByPk(e.accountId, { include: [{ model: ActorModel, as: 'actor' }] });
    const actor = account?.actor;
    if (!actor || actor.host !== null) return;
    const [, ownerAccountActorId] = await videoOwnerActorIds(video);
    const owner = await ActorModel.findByPk(ownerAccountActorId);
    if (!owner) return;
    const activity = (rating: Rating) => ({
      type: TYPE[rating],
      id: rateId(actor.url, rating, video.id),
      actor: actor.url,
      object: video.url,
      to: [owner.url],
      cc: [],
    });
    if (e.rating !== 'none') {
      await this.fed.sendTo(actor.id, [owner.id], activity(e.rating));
    } else if (e.previous === 'like' || e.previous === 'dislike') {
      const original = activity(e.previous);
      await this.fed.sendTo(actor.id, [owner.id], {
        type: 'Undo',
        id: `${original.id}/undo`,
        actor: actor.url,
        object: original,
        to: [owner.url],
        cc: [],
      });
    }
  }

  /** Sets (or with `rating` null removes) the remote account's rate on a local video, counters included. */
  private async apply(accountId: number, video: VideoModel, rating: Rating | null, url: string | null): Promise<void> {
    await withTransaction(this.ctx.sequelize, async (transaction) => {
      const [old] = await this.ctx.sequelize.query<{ type: string }>(
        'DELETE FROM video_rates WHERE account_id = :account AND video_id = :video RETURNING type',
        { replacements: { account: accountId, video: video.id }, type: QueryTypes.SELECT, transaction },
      );
      if (rating) {
        await this.ctx.sequelize.query(
          'INSERT INTO video_rates (account_id, video_id, type, url) VALUES (:account, :video, :rating, :url)',
          { replacements: { account: accountId, video: video.id, rating, url }, transaction },
        );
      }
      const delta = (t: string) => (rating === t ? 1 : 0) - (old?.type === t ? 1 : 0);
      await this.ctx.sequelize.query('UPDATE videos SET likes = likes + :likes, dislikes = dislikes + :dislikes WHERE id = :video', {
        replacements: { likes: delta('like'), dislikes: delta('dislike'), video: video.id },
        transaction,
      });
    });
    await this.counters?.changed(video.id);
  }

  private async target(activity: { actor: string; object: unknown }, inbox: InboxCtx) {
    const url = apRef.safeParse(activity.object);
    if (!url.success) return null;
    const video = await VideoModel.findOne({ where: { url: url.data } });
    if (!video || video.remote || !isFederable({ privacy: video.privacy, state: video.state, remote: false })) return null;
    const accountId = await this.fed.getAccountIdOfActor(inbox.signer.id);
    return accountId ? { video, accountId } : null;
  }

  async receive(activity: InboxActivity, inbox: InboxCtx): Promise<InboxOutcome> {
    const parsed = rateActivitySchema.safeParse(activity);
    if (!parsed.success) return skipped('invalid rate');
    const found = await this.target(parsed.data, inbox);
    if (!found) return skipped('not a local federable video, or signer has no account');
    await this.apply(found.accountId, found.video, parsed.data.type === 'Like' ? 'like' : 'dislike', parsed.data.id);
    return ok;
  }

  async receiveUndo(activity: InboxActivity, inbox: InboxCtx): Promise<InboxOutcome> {
    const parsed = rateActivitySchema.safeParse(activity.object);
    if (!parsed.success) return skipped('invalid undone rate');
    const found = await this.target(parsed.data, inbox);
    if (!found) return skipped('not a local video');
    await this.apply(found.accountId, found.video, null, null);
    return ok;
  }

  handlers() {
    const receive = (a: InboxActivity, c: InboxCtx) => this.receive(a, c);
    const undo = (a: InboxActivity, c: InboxCtx) => this.receiveUndo(a, c);
    return { Like: receive, Dislike: receive, 'Undo/Like': undo, 'Undo/Dislike': undo };
  }
}
