import assert from 'node:assert/strict';
import { AS_PUBLIC, isPublicAudience, noteObjectSchema, viewActivitySchema } from '@shoal/models';
import type { VideoCommentModel } from '../../comments';
import { buildNote, localCommentIdOf } from './comment.builder';

const ctx = { publicUrl: 'https://a.example' };
const uuid = '3f2c1b9e-8d4a-4c1f-9b7e-2a6d5c4e1f00';
const video = { uuid, url: `https://a.example/videos/watch/${uuid}` };
const comment = (id: number, url: string | null = null) =>
  ({ id, url, text: 'Nice *bread*', createdAt: new Date('2025-01-01'), updatedAt: new Date('2025-01-01') }) as VideoCommentModel;

describe('federation objects: comments as Notes', () => {
  it('builds a thread root replying to the video and a reply to its parent, in markdown', () => {
    const author = { url: 'https://a.example/accounts/ana', followersUrl: 'https://a.example/accounts/ana/followers' };
    const root = buildNote(ctx, { comment: comment(5), video, parent: null, author, mentions: [] });
    assert.equal(root.id, `${video.url}/comments/5`);
    assert.equal(root.inReplyTo, video.url);
    assert.equal(root.mediaType, 'text/markdown');
    assert.deepEqual(root.to, [AS_PUBLIC]);
    const reply = buildNote(ctx, {
      comment: comment(6),
      video,
      parent: comment(9, 'https://b.example/videos/watch/x/comments/1'),
      author,
      mentions: [{ url: 'https://b.example/accounts/bob', handle: 'bob@b.example' }],
    });
    assert.equal(reply.inReplyTo, 'https://b.example/videos/watch/x/comments/1', 'a remote parent keeps its own id');
    assert.deepEqual(reply.tag, [{ type: 'Mention', href: 'https://b.example/accounts/bob', name: '@bob@b.example' }]);
    assert.equal(noteObjectSchema.safeParse(JSON.parse(JSON.stringify(reply))).success, true);
  });

  it('recognises our own comment URLs and nothing else', () => {
    assert.equal(localCommentIdOf(ctx, `${video.url}/comments/12`), 12);
    assert.equal(localCommentIdOf(ctx, `https://b.example/videos/watch/${uuid}/comments/12`), null);
    assert.equal(localCommentIdOf(ctx, `${video.url}/comments/12/activity`), null);
  });

  it('reads a Mastodon reply and tells public from followers-only', () => {
    const note = noteObjectSchema.parse({
      id: 'https://m.example/users/mal/statuses/1',
      type: 'Note',
      inReplyTo: video.url,
      published: '2025-01-01T00:00:00Z',
      attributedTo: 'https://m.example/users/mal',
      to: [AS_PUBLIC],
      cc: ['https://m.example/users/mal/followers'],
      content: '<p>Lovely</p>',
    });
    assert.equal(isPublicAudience([...note.to, ...note.cc]), true);
    assert.equal(isPublicAudience(['https://m.example/users/mal/followers']), false);
    assert.equal(isPublicAudience(['as:Public']), true);
  });

  it('reads a batched View counter and refuses absurd counts', () => {
    const base = {
      type: 'View',
      id: 'https://b.example/accounts/peertube/views/1',
      actor: 'https://b.example/accounts/peertube',
      object: video.url,
    };
    const batched = viewActivitySchema.parse({
      ...base,
      result: { type: 'InteractionCounter', interactionType: 'WatchAction', userInteractionCount: 17 },
    });
    assert.equal(batched.result?.userInteractionCount, 17);
    const absurd = viewActivitySchema.parse({
      ...base,
      result: { type: 'InteractionCounter', interactionType: 'WatchAction', userInteractionCount: 1e9 },
    });
    assert.equal(absurd.result, undefined, 'an invalid counter is dropped, the View counts as one');
  });
});
