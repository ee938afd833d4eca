import { AS_PUBLIC } from '@shoal/models';
import type { AppContext } from '../../../platform/context';
import { AccountModel } from '../../accounts';
import { ActorModel } from '../../actors';
import { VideoCommentModel } from '../../comments';
import { VideoModel } from '../../videos';
import { contextWith, COMMENT_CONTEXT } from './ap-contexts';
import { buildNote, noteUrl } from './comment.builder';
import type { FederationApi } from './federation-port';
import { isFederable } from './video-audience';
import { videoOwnerActorIds } from './video.inbox';

async function actorOfAccount(accountId: number | null): Promise<ActorModel | null> {
  if (!accountId) return null;
  const account = await AccountModel.findByPk(accountId, { include: [{ model: ActorModel, as: 'actor' }] });
  return account?.actor ?? null;
}

/** Local comments leave as `Create Note` (and `Delete`): to the origin for remote videos, to followers for ours. */
export class CommentOutbox {
  constructor(
    private readonly ctx: AppContext,
    private readonly fed: FederationApi,
  ) {}

  /** Where a comment activity about `video` goes, sent as `author`. */
  private async deliver(video: VideoModel, author: ActorModel, activity: object): Promise<void> {
    const owners = await videoOwnerActorIds(video);
    if (video.remote) {
      // The origin creates it and re-broadcasts it to everyone following the video's actors.
      const [, ownerAccountActorId] = owners;
      await this.fed.sendTo(author.id, [ownerAccountActorId], activity);
      return;
    }
    const instance = await this.fed.getInstanceActor();
    await this.fed.sendToFollowers(author.id, activity, { alsoFollowersOf: [...owners, instance.id] });
  }

  private federable(video: VideoModel): boolean {
    return video.remote || isFederable({ privacy: video.privacy, state: video.state, remote: false });
  }

  async created(commentId: number): Promise<void> {
    const comment = await VideoCommentModel.findByPk(commentId);
    if (!comment || comment.url || comment.heldForReview || comment.deletedAt) return;
    const author = await actorOfAccount(comment.accountId);
    if (!author || author.host !== null) return;
    const video = await VideoModel.findByPk(comment.videoId);
    if (!video || !this.federable(video)) return;
    const parent = comment.inReplyToCommentId ? await VideoCommentModel.findByPk(comment.inReplyToCommentId) : null;
    const mentions = await this.mentionsOf(comment);
    const note = buildNote(this.ctx, { comment, video, parent, author, mentions });
    await this.deliver(video, author, {
      '@context': contextWith(COMMENT_CONTEXT),
      type: 'Create',
      id: `${note.id}/activity`,
      actor: author.url,
      object: note,
      to: note.to,
      cc: note.cc,
    });
  }

  /** Authors of the ancestors (not deleted), once each. */
  private async mentionsOf(comment: VideoCommentModel): Promise<Array<{ url: string; handle: string }>> {
    const out = new Map<string, string>();
    let parentId = comment.inReplyToCommentId;
    for (let depth = 0; parentId && depth < 100; depth++) {
      const parent = await VideoCommentModel.findByPk(parentId);
      if (!parent) break;
      const actor = await actorOfAccount(parent.accountId);
      if (actor) out.set(actor.url, `${actor.preferredUsername}@${actor.host ?? this.ctx.publicHost}`);
      parentId = parent.inReplyToCommentId;
    }
    return [...out].map(([url, handle]) => ({ url, handle }));
  }

  async deleted(e: { commentId: number; videoId: number; url: string | null; authorAccountId: number | null }): Promise<void> {
    if (e.url) return;
    const author = await actorOfAccount(e.authorAccountId);
    if (!author || author.host !== null) return;
    const video = await VideoModel.findByPk(e.videoId);
    if (!video || !this.federable(video)) return;
    const id = noteUrl(this.ctx, { id: e.commentId, url: null }, video);
    await this.ctx.sequelize.query('INSERT INTO ap_tombstones (url, actor_url) VALUES (:id, :actor) ON CONFLICT DO NOTHING', {
      replacements: { id, actor: author.url },
    });
    await this.deliver(video, author, {
      type: 'Delete',
      id: `${id}/delete`,
      actor: author.url,
      object: id,
      to: [AS_PUBLIC],
      cc: [author.followersUrl],
    });
  }
}
