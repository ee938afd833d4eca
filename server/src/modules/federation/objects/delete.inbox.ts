import { apRef } from '@shoal/models';
import type { AppContext } from '../../../platform/context';
import { AccountModel } from '../../accounts';
import { VideoCommentModel } from '../../comments';
import { VideoModel } from '../../videos';
import { ok, skipped, type FederationApi, type InboxActivity, type InboxCtx, type InboxOutcome } from './federation-port';
import type { RemoteVideoStore } from './remote-video.store';
import { involvedActorIds, videoOwnerActorIds } from './video.inbox';

/**
 * `Delete` of a video (only by its owner account or channel) or of a comment (by its author,
 * or by the owner of the video it is on). A remote actor can never delete a local object.
 */
export function deleteInboxHandler(ctx: AppContext, fed: FederationApi, store: RemoteVideoStore) {
  async function deleteComment(comment: VideoCommentModel, activity: InboxActivity, inbox: InboxCtx): Promise<InboxOutcome> {
    const video = await VideoModel.findByPk(comment.videoId);
    if (!video) return skipped('video gone');
    const author = comment.accountId ? await AccountModel.findByPk(comment.accountId) : null;
    const owners = await videoOwnerActorIds(video);
    if (author?.actorId !== inbox.signer.id && !owners.includes(inbox.signer.id)) return skipped('signer may not delete this comment');
    const children = await VideoCommentModel.count({ where: { inReplyToCommentId: comment.id } });
    if (children > 0) await comment.update({ deletedAt: ctx.now(), text: '', accountId: null, heldForReview: false });
    else await comment.destroy();
    // As origin, tell the instances that follow the video (they got the comment through us).
    if (!video.remote) await fed.forward(activity, await involvedActorIds(fed, video), [inbox.signer.id]);
    return ok;
  }

  return async function deleteObject(activity: InboxActivity, inbox: InboxCtx): Promise<InboxOutcome> {
    const ref = apRef.safeParse(activity.object);
    if (!ref.success) return skipped('invalid object');
    const url = ref.data;
    const video = await VideoModel.findOne({ where: { url } });
    if (video) {
      if (!video.remote) return skipped('cannot delete a local video');
      if (!(await videoOwnerActorIds(video)).includes(inbox.signer.id)) return skipped('signer does not own the video');
      await store.remove(video);
      return ok;
    }
    const comment = await VideoCommentModel.findOne({ where: { url } });
    if (comment) return deleteComment(comment, activity, inbox);
    return skipped('unknown object');
  };
}
