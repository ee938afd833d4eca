import { AS_PUBLIC, type ApNoteObject, type ApTombstoneObject } from '@shoal/models';
import type { AppContext } from '../../../platform/context';
import type { VideoCommentModel } from '../../comments';

type Ctx = Pick<AppContext, 'publicUrl'>;
interface VideoRef {
  uuid: string;
  url: string;
}

/** AP id of a comment: the origin's URL for remote ones, `{video}/comments/{id}` on our host for local ones. */
export function noteUrl(ctx: Ctx, comment: Pick<VideoCommentModel, 'id' | 'url'>, video: Pick<VideoRef, 'uuid'>): string {
  return comment.url ?? `${ctx.publicUrl}/videos/watch/${video.uuid}/comments/${comment.id}`;
}

/** `{publicUrl}/videos/watch/{uuid}/comments/{id}` → id, for inReplyTo pointing at one of our comments. */
export function localCommentIdOf(ctx: Ctx, url: string): number | null {
  const prefix = `${ctx.publicUrl}/videos/watch/`;
  if (!url.startsWith(prefix)) return null;
  const m = /^[0-9a-f-]{36}\/comments\/(\d{1,10})$/i.exec(url.slice(prefix.length));
  return m ? Number(m[1]) : null;
}

export interface NoteInput {
  comment: VideoCommentModel;
  video: VideoRef;
  parent: Pick<VideoCommentModel, 'id' | 'url'> | null;
  author: { url: string; followersUrl: string };
  /** Authors of the ancestors, mentioned so their servers thread and notify. */
  mentions: Array<{ url: string; handle: string }>;
}

/** A comment → `Note` (spec §5.1): markdown content, thread root replies to the video URL. */
export function buildNote(ctx: Ctx, input: NoteInput): ApNoteObject {
  const { comment, video, parent, author } = input;
  const id = noteUrl(ctx, comment, video);
  return {
    type: 'Note',
    id,
    url: id,
    content: comment.text,
    mediaType: 'text/markdown',
    inReplyTo: parent ? noteUrl(ctx, parent, video) : video.url,
    attributedTo: author.url,
    published: comment.createdAt.toISOString(),
    updated: comment.updatedAt.toISOString(),
    tag: input.mentions.map((m) => ({ type: 'Mention' as const, href: m.url, name: `@${m.handle}` })),
    replyApproval: null,
    to: [AS_PUBLIC],
    cc: [author.followersUrl],
  };
}

export function buildTombstone(ctx: Ctx, comment: VideoCommentModel, video: VideoRef, parentUrl: string): ApTombstoneObject {
  return {
    type: 'Tombstone',
    formerType: 'Note',
    id: noteUrl(ctx, comment, video),
    inReplyTo: parentUrl,
    published: comment.createdAt.toISOString(),
    updated: comment.updatedAt.toISOString(),
    deleted: (comment.deletedAt ?? comment.updatedAt).toISOString(),
  };
}
