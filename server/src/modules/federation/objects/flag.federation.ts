import { flagActivitySchema, FLAG_REASON_NAMES, validItems } from '@shoal/models';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context';
import { AccountModel } from '../../accounts';
import { ActorModel } from '../../actors';
import { VideoCommentModel } from '../../comments';
import { AbuseModel } from '../../moderation';
import { VideoModel } from '../../videos';
import { contextWith, FLAG_CONTEXT } from './ap-contexts';
import { localCommentIdOf, noteUrl } from './comment.builder';
import { ok, skipped, type FederationApi, type InboxActivity, type InboxCtx, type InboxOutcome } from './federation-port';

type Target = Pick<AbuseModel, 'kind' | 'flaggedAccountId' | 'videoId' | 'commentId' | 'snapshot'>;

/** Reports of remote content go to the flagged account's instance as `Flag` (spec §6.8); theirs become our abuses. */
export class FlagFederation {
  constructor(
    private readonly ctx: AppContext,
    private readonly fed: FederationApi,
  ) {}

  private async objectUrl(abuse: AbuseModel): Promise<string | null> {
    if (abuse.videoId) return (await VideoModel.findByPk(abuse.videoId))?.url ?? null;
    if (abuse.commentId) {
      const comment = await VideoCommentModel.findByPk(abuse.commentId);
      const video = comment ? await VideoModel.findByPk(comment.videoId) : null;
      return comment && video ? noteUrl(this.ctx, comment, video) : null;
    }
    return null;
  }

  async created(abuseId: number): Promise<void> {
    const abuse = await AbuseModel.findByPk(abuseId);
    if (!abuse?.flaggedAccountId || !abuse.reporterAccountId) return;
    const include = [{ model: ActorModel, as: 'actor' }];
    const flagged = await AccountModel.findByPk(abuse.flaggedAccountId, { include });
    const reporter = await AccountModel.findByPk(abuse.reporterAccountId, { include });
    if (!flagged?.actor || flagged.actor.host === null || !reporter?.actor || reporter.actor.host !== null) return;
    const object = (await this.objectUrl(abuse)) ?? flagged.actor.url;
    await this.fed.sendTo(reporter.actor.id, [flagged.actor.id], {
      '@context': contextWith(FLAG_CONTEXT),
      type: 'Flag',
      id: `${this.ctx.publicUrl}/admin/abuses/${abuse.id}`,
      actor: reporter.actor.url,
      content: abuse.reason,
      mediaType: 'text/markdown',
      // One URL: PeerTube's validator refuses a list.
      object,
      tag: abuse.predefinedReasons.map((name) => ({ type: 'Hashtag', name })),
      ...(abuse.startAt !== null ? { startAt: abuse.startAt } : {}),
      ...(abuse.endAt !== null ? { endAt: abuse.endAt } : {}),
      to: [flagged.actor.url],
      cc: [],
    });
  }

  /** The local object a URL names: a video, a comment or an account. */
  private async targetOf(url: string): Promise<Target | null> {
    const video = await VideoModel.findOne({ where: { url, remote: false }, include: [{ association: 'channel' }] });
    if (video) {
      const snapshot = { videoName: video.name, videoUuid: video.uuid };
      return { kind: 'video', flaggedAccountId: video.channel!.accountId, videoId: video.id, commentId: null, snapshot };
    }
    const commentId = localCommentIdOf(this.ctx, url);
    const comment = commentId ? await VideoCommentModel.findByPk(commentId) : await VideoCommentModel.findOne({ where: { url } });
    if (comment?.accountId && !comment.deletedAt) {
      const parent = await VideoModel.findByPk(comment.videoId);
      const snapshot = {
        commentText: comment.text,
        commentThreadId: comment.threadId,
        ...(parent ? { commentVideo: { id: parent.id, name: parent.name, uuid: parent.uuid } } : {}),
      };
      return { kind: 'comment', flaggedAccountId: comment.accountId, videoId: null, commentId: comment.id, snapshot } as Target;
    }
    const actor = await ActorModel.findOne({ where: { url, host: null } });
    const account = actor ? await AccountModel.findOne({ where: { actorId: actor.id } }) : null;
    return account ? { kind: 'account', flaggedAccountId: account.id, videoId: null, commentId: null, snapshot: {} } : null;
  }

  async receive(activity: InboxActivity, inbox: InboxCtx): Promise<InboxOutcome> {
    const parsed = flagActivitySchema.safeParse(activity);
    if (!parsed.success) return skipped('invalid Flag');
    const reporterAccountId = await this.fed.getAccountIdOfActor(inbox.signer.id);
    if (!reporterAccountId) return skipped('reporter has no account');
    const reasons = validItems(z.looseObject({ type: z.literal('Hashtag'), name: z.enum(FLAG_REASON_NAMES) }), parsed.data.tag).map(
      (t) => t.name,
    );
    let created = 0;
    for (const url of parsed.data.object) {
      const target = await this.targetOf(url);
      if (!target) continue;
      const abuse = await AbuseModel.create({
        ...target,
        reason: parsed.data.content,
        predefinedReasons: [...new Set(reasons)],
        reporterAccountId,
        startAt: parsed.data.startAt ?? null,
        endAt: parsed.data.endAt ?? null,
      });
      await this.ctx.events.emit('abuse-created', { abuseId: abuse.id });
      created++;
    }
    return created ? ok : skipped('no local object flagged');
  }
}
