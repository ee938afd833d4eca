import assert from 'node:assert/strict';
import type { ApiResponse } from '@shoal/api-client';
import type { Account, ResultList, VideoChannel, VideoCommentForAdminOrUser, VideoCommentThreadTree, VideoDetails } from '@shoal/models';
import { assertHarmlessHtml, XSS_CORPUS } from '../shared/xss';
import { postThread, publishedVideo, reply, startCommentWorld, threads, type CommentWorld } from './comment-fixtures';

/** JSON can never be sniffed into HTML by a browser: it is served as JSON and marked nosniff. */
function assertJson(res: ApiResponse): void {
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
}

describe('XSS corpus through the API', function () {
  this.timeout(120_000);
  let w: CommentWorld;
  let video: { id: number; uuid: string };

  before(async () => {
    w = await startCommentWorld();
    video = await publishedVideo(w.owner.client, 'XSS target');
  });
  after(() => w?.server.destroy());

  it('renders every corpus entry posted as a comment or reply into harmless HTML', async () => {
    const root = (await postThread(w.other.client, video.uuid, 'root')).body.comment;
    for (const text of XSS_CORPUS) {
      const created = await postThread(w.other.client, video.uuid, text);
      assert.equal(created.status, 200, created.text);
      assertHarmlessHtml(created.body.comment.text);
      const replied = await reply(w.third.client, video.uuid, root.id, text);
      assertHarmlessHtml(replied.body.comment.text);
    }
    const list = await threads(w.server.anonymous(), video.uuid, { count: 100 });
    assertJson(list);
    assert.equal(list.body.total, XSS_CORPUS.length + 1);
    for (const c of list.body.data) assertHarmlessHtml(c.text);
    const tree = await w.server
      .anonymous()
      .expect<VideoCommentThreadTree>(200, 'GET', `/api/v1/videos/${video.uuid}/comment-threads/${root.id}`);
    assert.equal(tree.children.length, XSS_CORPUS.length);
    for (const child of tree.children) assertHarmlessHtml(child.comment.text);
    const admin = await w.moderator.client.expect<ResultList<VideoCommentForAdminOrUser>>(200, 'GET', '/api/v1/videos/comments', {
      query: { count: 100 },
    });
    for (const c of admin.data) assertHarmlessHtml(c.text);
  });

  it('keeps the words of an escaped comment readable', async () => {
    const { comment } = (await postThread(w.other.client, video.uuid, '<b>bold?</b> & "quotes"')).body;
    assert.equal(comment.text, '<p>&lt;b&gt;bold?&lt;/b&gt; &amp; "quotes"</p>');
  });

  // Names and descriptions are plain text in PeerTube's API: clients must print them as text
  // (the web client does). The API's part is to return them as JSON, unchanged and unrendered.
  it('returns display names and descriptions as JSON text, byte for byte', async () => {
    for (const text of XSS_CORPUS.slice(0, 8)) {
      const name = text.slice(0, 120);
      await w.other.client.expect(204, 'PUT', '/api/v1/users/me', { json: { displayName: name, description: `bio ${text}` } });
      const account = await w.server.anonymous().api<Account>('GET', `/accounts/${w.other.username}`);
      assertJson(account);
      assert.equal(account.body.displayName, name.trim());
      assert.equal(account.body.description, `bio ${text}`);

      const channel = (await w.other.client.me()).videoChannels[0];
      await w.other.client.expect(204, 'PUT', `/api/v1/video-channels/${channel.name}`, {
        json: { displayName: name, description: `about ${text}` },
      });
      const got = await w.server.anonymous().api<VideoChannel>('GET', `/video-channels/${channel.name}`);
      assertJson(got);
      assert.equal(got.body.description, `about ${text}`);

      await w.owner.client.expect(204, 'PUT', `/api/v1/videos/${video.uuid}`, { json: { description: `desc ${text}` } });
      const details = await w.server.anonymous().api<VideoDetails>('GET', `/videos/${video.uuid}`);
      assertJson(details);
      assert.equal(details.body.description, `desc ${text}`);
    }
  });
});
