import { isPublicAudience, noteObjectSchema, VideoCommentPolicy, type NoteObjectIn } from '@shoal/models';
import type { AppContext } from '../../../platform/context';
import { VideoCommentModel } from '../../comments';
import { VideoModel } from '../../videos';
import { localCommentIdOf } from './comment.builder';
import { ok, skipped, type FederationApi, type InboxActivity, type InboxCtx, type InboxOutcome } from './federation-port';
import type { RemoteVideoResolver } from './remote-video.resolver';
import { involvedActorIds } from './video.inbox';

const MAX_THREAD_DEPTH = 20;

interface ThreadPosition {
  video: VideoModel;
  parent: VideoCommentModel | null;
}

/** Comments arriving as `Create Note` (PeerTube comments, Mastodon replies) become video comments. */
export class CommentInbox {
  constructor(
    private readonly ctx: AppContext,
    private readonly fed: FederationApi,
    private readonly videos: RemoteVideoResolver,
  ) {}

  async createNote(activity: InboxActivity, inbox: InboxCtx): Promise<InboxOutcome> {
    // Unsigned copies (outbox backfill) are replaced by the author's own.
    const object = inbox.crawled ? await this.fed.signedFetch(String((activity.object as { id?: unknown })?.id ?? '')) : activity.object;
    const parsed = noteObjectSchema.safeParse(object);
    if (!parsed.success) return skipped('invalid Note');
    const note = parsed.data;
    // Followers-only and direct notes are not comments (spec §5.1).
    if (!isPublicAudience([...note.to, ...note.cc])) return skipped('note is not public');
    if (note.attributedTo !== activity.actor) return skipped('note author is not the activity actor');
    const created = await this.store(note, 0);
    if (created === 'exists') return skipped('already known');
    if (!created) return skipped('thread not found or comments disabled');
    if (!created.video.remote) {
      // The origin re-broadcasts: Mastodon does not address the video's followers itself.
      await this.fed.forward(activity, await involvedActorIds(this.fed, created.video), [inbox.signer.id]);
    }
    await this.ctx.events.emit('comment-created', { commentId: created.comment.id });
    return ok;
  }

  /** Creates the comment (fetching unknown ancestors first); null when its thread is unknown. */
  private async store(note: NoteObjectIn, depth: number): Promise<{ comment: VideoCommentModel; video: VideoModel } | 'exists' | null> {
    const existing = await VideoCommentModel.findOne({ where: { url: note.id } });
    if (existing) return 'exists';
    const position = await this.positionOf(note.inReplyTo, depth);
    if (!position || position.video.commentsPolicy === VideoCommentPolicy.DISABLED) return null;
    const author = await this.fed.resolveRemoteActor(note.attributedTo);
    const accountId = await this.fed.getAccountIdOfActor(author.id);
    if (!accountId) return null;
    const { video, parent } = position;
    const [comment, created] = await VideoCommentModel.findOrCreate({
      where: { url: note.id },
      defaults: {
        url: note.id,
        text: note.content.slice(0, 10_000),
        videoId: video.id,
        accountId,
        originCommentId: parent ? parent.threadId : null,
        inReplyToCommentId: parent?.id ?? null,
        heldForReview: !video.remote && video.commentsPolicy === VideoCommentPolicy.REQUIRES_APPROVAL,
        createdAt: new Date(note.published),
      },
    });
    return created ? { comment, video } : 'exists';
  }

  /** Walks `inReplyTo` up to a known comment or video, fetching what is missing. */
  private async positionOf(inReplyTo: string, depth: number): Promise<ThreadPosition | null> {
    if (depth > MAX_THREAD_DEPTH) return null;
    const localId = localCommentIdOf(this.ctx, inReplyTo);
    const parent = localId ? await VideoCommentModel.findByPk(localId) : await VideoCommentModel.findOne({ where: { url: inReplyTo } });
    if (parent) {
      const video = await VideoModel.findByPk(parent.videoId);
      return video && !parent.deletedAt ? { video, parent } : null;
    }
    const video = await VideoModel.findOne({ where: { url: inReplyTo } });
    if (video) return { video, parent: null };
    if (localId || inReplyTo.startsWith(`${this.ctx.publicUrl}/`)) return null;
    const fetched = await this.fed.signedFetch(inReplyTo);
    const type = (fetched as { type?: unknown } | null)?.type;
    if (type === 'Video') return { video: await this.videos.fetchAndStore(inReplyTo), parent: null };
    const parentNote = noteObjectSchema.safeParse(fetched);
    if (!parentNote.success || new URL(parentNote.data.id).host !== new URL(inReplyTo).host) return null;
    const stored = await this.store(parentNote.data, depth + 1);
    if (stored === null) return null;
    const again = await VideoCommentModel.findOne({ where: { url: parentNote.data.id } });
    const parentVideo = again ? await VideoModel.findByPk(again.videoId) : null;
    return again && parentVideo ? { video: parentVideo, parent: again } : null;
  }
}
