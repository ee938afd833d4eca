import assert from 'node:assert/strict';
import sharp from 'sharp';
import type { ShoalClient } from '@shoal/api-client';
import type { ResultList, Video, VideoDetails } from '@shoal/models';
import { makeClip } from '../shared/media';
import { assertProblem } from '../shared/problem';
import { TestServer } from '../shared/server-process';
import { waitFor } from '../shared/wait-for';
import { uploadAndWait } from './published';

describe('Videos API', function () {
  let server: TestServer;
  let alice: ShoalClient;
  let bob: ShoalClient;
  let aliceChannel: number;
  let cats: { id: number; uuid: string; shortUUID: string };
  let dogs: { id: number; uuid: string; shortUUID: string };

  before(async () => {
    server = await new TestServer().start();
    for (const name of ['alice', 'bob']) {
      await server.admin.createUser({ username: name, password: `${name}-password`, email: `${name}@example.com`, role: 2 });
    }
    alice = await server.anonymous().as('alice', 'alice-password');
    bob = await server.anonymous().as('bob', 'bob-password');
    aliceChannel = (await alice.me()).videoChannels[0].id;
    const clip = await makeClip({ seconds: 2 });
    cats = await uploadAndWait(alice, clip, {
      channelId: aliceChannel,
      name: 'Funny cats compilation',
      category: 15,
      language: 'en',
      tags: ['cats', 'funny'],
      description: 'Cats doing things',
    });
    dogs = await uploadAndWait(alice, clip, { channelId: aliceChannel, name: 'Serious dogs', category: 16, tags: ['dogs'], nsfw: true });
  });
  after(() => server.destroy());

  const list = (client: ShoalClient, path: string, query: Record<string, string | number | string[]> = {}) =>
    client.expect<ResultList<Video>>(200, 'GET', `/api/v1${path}`, { query });
  const names = (r: ResultList<Video>) => r.data.map((v) => v.name).sort();

  it('reads a video by id, UUID and short UUID', async () => {
    for (const id of [cats.uuid, cats.shortUUID]) {
      const v = await server.anonymous().expect<VideoDetails>(200, 'GET', `/api/v1/videos/${id}`);
      assert.equal(v.uuid, cats.uuid);
      assert.equal(v.name, 'Funny cats compilation');
      assert.deepEqual(v.category, { id: 15, label: 'Science & Technology' });
      assert.equal(v.language.label, 'English');
      assert.equal(v.privacy.id, 1);
      assert.equal(v.state.id, 1);
      assert.equal(v.duration, 2);
      assert.equal(v.account.name, 'alice');
      assert.equal(v.channel.id, aliceChannel);
      assert.equal(v.streamingPlaylists.length, 1);
      assert.ok(v.thumbnailPath && v.previewPath);
      assert.equal(v.embedPath, `/videos/embed/${cats.uuid}`);
      assert.equal(v.commentsEnabled, true);
      assert.equal('transcodingError' in v, false, 'only owners see transcodingError');
    }
    assert.equal((await server.anonymous().api('GET', `/videos/${cats.id}`)).status, 200);
  });

  it('answers 400 to a malformed id and 404 to an unknown one', async () => {
    assertProblem(await server.anonymous().api('GET', '/videos/not-an-id!'), 400);
    assertProblem(await server.anonymous().api('GET', '/videos/99999999'), 404);
    assertProblem(await server.anonymous().api('GET', '/videos/3f1c5d7e-0000-4000-8000-000000000000'), 404);
  });

  it('lists with the default sort and filters', async () => {
    assert.deepEqual(names(await list(server.anonymous(), '/videos')), ['Funny cats compilation', 'Serious dogs']);
    assert.deepEqual(names(await list(server.anonymous(), '/videos', { categoryOneOf: 16 })), ['Serious dogs']);
    assert.deepEqual(names(await list(server.anonymous(), '/videos', { tagsOneOf: ['cats', 'nothing'] })), ['Funny cats compilation']);
    assert.deepEqual(names(await list(server.anonymous(), '/videos', { nsfw: 'false' })), ['Funny cats compilation']);
    assert.deepEqual(names(await list(server.anonymous(), '/videos', { isLocal: 'true', languageOneOf: 'en' })), [
      'Funny cats compilation',
    ]);
    const sorted = await list(server.anonymous(), '/videos', { sort: 'name', count: 1 });
    assert.equal(sorted.total, 2);
    assert.deepEqual(
      sorted.data.map((v) => v.name),
      ['Funny cats compilation'],
    );
    for (const sort of ['-views', '-trending', '-likes', '-publishedAt', '-hot']) await list(server.anonymous(), '/videos', { sort });
  });

  it('refuses bad list parameters', async () => {
    assertProblem(await server.anonymous().api('GET', '/videos', { query: { sort: 'password' } }), 400);
    assertProblem(await server.anonymous().api('GET', '/videos', { query: { count: 101 } }), 400);
    assertProblem(await server.anonymous().api('GET', '/videos', { query: { start: -1 } }), 400);
    assertProblem(await server.anonymous().api('GET', '/videos', { query: { privacyOneOf: 3 } }), 401);
    assertProblem(await bob.api('GET', '/videos', { query: { privacyOneOf: 3 } }), 403);
  });

  it('lists by account and channel, and the owner sees all their videos', async () => {
    assert.equal((await list(server.anonymous(), '/accounts/alice/videos')).total, 2);
    const channel = (await alice.me()).videoChannels[0].name;
    assert.equal((await list(server.anonymous(), `/video-channels/${channel}/videos`)).total, 2);
    assertProblem(await server.anonymous().api('GET', '/accounts/nobody/videos'), 404);
    const mine = await list(alice, '/users/me/videos');
    assert.equal(mine.total, 2);
    assert.equal(mine.data[0].state?.id, 1);
    assert.equal((await list(bob, '/users/me/videos')).total, 0);
    assertProblem(await server.anonymous().api('GET', '/users/me/videos'), 401);
  });

  it('searches by words and by approximate name', async () => {
    assert.deepEqual(names(await list(server.anonymous(), '/search/videos', { search: 'cats' })), ['Funny cats compilation']);
    assert.deepEqual(names(await list(server.anonymous(), '/search/videos', { search: 'dogs' })), ['Serious dogs']);
    assert.deepEqual(names(await list(server.anonymous(), '/search/videos', { search: 'funy cat' })), ['Funny cats compilation']);
    assert.equal((await list(server.anonymous(), '/search/videos', { search: 'zebra' })).total, 0);
    assertProblem(await server.anonymous().api('GET', '/search/videos'), 400);
  });

  it('updates metadata as JSON, checks rights and fields', async () => {
    assert.equal(
      (
        await alice.api('PUT', `/videos/${dogs.uuid}`, {
          json: { name: 'Calm dogs', tags: ['dogs', 'calm'], nsfw: false, commentsPolicy: 2 },
        })
      ).status,
      204,
    );
    const v = await server.anonymous().expect<VideoDetails>(200, 'GET', `/api/v1/videos/${dogs.uuid}`);
    assert.equal(v.name, 'Calm dogs');
    assert.deepEqual(v.tags, ['dogs', 'calm']);
    assert.equal(v.commentsPolicy.id, 2);
    assert.equal(v.commentsEnabled, false);
    assertProblem(await bob.api('PUT', `/videos/${dogs.uuid}`, { json: { name: 'Mine now' } }), 403);
    assertProblem(await server.anonymous().api('PUT', `/videos/${dogs.uuid}`, { json: { name: 'Anon' } }), 401);
    assertProblem(await alice.api('PUT', `/videos/${dogs.uuid}`, { json: { name: 'x' } }), 400, 'validation_error');
    assertProblem(await alice.api('PUT', `/videos/${dogs.uuid}`, { json: { tags: ['a', 'b', 'c', 'd', 'e', 'f'] } }), 400);
    assertProblem(await alice.api('PUT', `/videos/${dogs.uuid}`, { json: { category: 999 } }), 400);
    assertProblem(await alice.api('PUT', `/videos/${dogs.uuid}`, { json: { unknownField: 1 } }), 400);
    assertProblem(await alice.api('PUT', `/videos/${dogs.uuid}`, { json: { privacy: 5 } }), 400);
    assertProblem(await alice.api('PUT', '/videos/99999999', { json: { name: 'Ghost' } }), 404);
    // Moderators may update any video.
    assert.equal((await server.admin.api('PUT', `/videos/${dogs.uuid}`, { json: { support: 'Support the dogs' } })).status, 204);
  });

  it('takes chapters from a new description unless they were set by hand', async () => {
    const description = 'Timeline:\n00:00 Intro\n00:01 The cats\nThanks!';
    assert.equal((await alice.api('PUT', `/videos/${cats.uuid}`, { json: { description } })).status, 204);
    const { chapters } = await server.anonymous().expect<{ chapters: unknown[] }>(200, 'GET', `/api/v1/videos/${cats.uuid}/chapters`);
    assert.deepEqual(chapters, [
      { timecode: 0, title: 'Intro' },
      { timecode: 1, title: 'The cats' },
    ]);
    assert.equal(
      (await alice.api('PUT', `/videos/${cats.uuid}/chapters`, { json: { chapters: [{ timecode: 1, title: 'Hand made' }] } })).status,
      204,
    );
    assert.equal((await alice.api('PUT', `/videos/${cats.uuid}`, { json: { description: '00:00 Other\n00:01 Words' } })).status, 204);
    const after = await server.anonymous().expect<{ chapters: unknown[] }>(200, 'GET', `/api/v1/videos/${cats.uuid}/chapters`);
    assert.deepEqual(after.chapters, [{ timecode: 1, title: 'Hand made' }]);
  });

  it('updates as multipart with a new thumbnail', async () => {
    const png = await sharp({ create: { width: 640, height: 360, channels: 3, background: 'red' } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.append('name', 'Funny cats, new cover');
    form.append('thumbnailfile', new Blob([png]), 'cover.png');
    const before = await server.anonymous().expect<VideoDetails>(200, 'GET', `/api/v1/videos/${cats.uuid}`);
    assert.equal((await alice.api('PUT', `/videos/${cats.uuid}`, { body: form })).status, 204);
    const after = await server.anonymous().expect<VideoDetails>(200, 'GET', `/api/v1/videos/${cats.uuid}`);
    assert.equal(after.name, 'Funny cats, new cover');
    assert.notEqual(after.thumbnailPath, before.thumbnailPath);
    const bad = new FormData();
    bad.append('thumbnailfile', new Blob(['not an image']), 'cover.png');
    assertProblem(await alice.api('PUT', `/videos/${cats.uuid}`, { body: bad }), 400);
  });

  it('rates a video and keeps the counters right', async () => {
    assert.equal((await bob.api('PUT', `/videos/${cats.uuid}/rate`, { json: { rating: 'like' } })).status, 204);
    assert.equal((await alice.api('PUT', `/videos/${cats.uuid}/rate`, { json: { rating: 'dislike' } })).status, 204);
    let v = await server.anonymous().expect<VideoDetails>(200, 'GET', `/api/v1/videos/${cats.uuid}`);
    assert.deepEqual([v.likes, v.dislikes], [1, 1]);
    assert.equal((await bob.api('PUT', `/videos/${cats.uuid}/rate`, { json: { rating: 'dislike' } })).status, 204);
    assert.equal((await alice.api('PUT', `/videos/${cats.uuid}/rate`, { json: { rating: 'none' } })).status, 204);
    v = await server.anonymous().expect<VideoDetails>(200, 'GET', `/api/v1/videos/${cats.uuid}`);
    assert.deepEqual([v.likes, v.dislikes], [0, 1]);
    assert.deepEqual(await bob.expect(200, 'GET', `/api/v1/users/me/videos/${cats.uuid}/rating`), { videoId: cats.id, rating: 'dislike' });
    assertProblem(await bob.api('PUT', `/videos/${cats.uuid}/rate`, { json: { rating: 'love' } }), 400);
    assertProblem(await server.anonymous().api('PUT', `/videos/${cats.uuid}/rate`, { json: { rating: 'like' } }), 401);
  });

  it('counts one view per viewer per window', async () => {
    for (let i = 0; i < 3; i++) {
      assert.equal(
        (await server.anonymous().api('POST', `/videos/${cats.uuid}/views`, { json: { currentTime: 1, sessionId: 'viewer-a' } })).status,
        204,
      );
    }
    await bob.api('POST', `/videos/${cats.uuid}/views`, { json: { currentTime: 0 } });
    await waitFor(async () => (await server.anonymous().expect<VideoDetails>(200, 'GET', `/api/v1/videos/${cats.uuid}`)).views === 2, {
      timeout: 20_000,
      what: 'views flushed',
    });
    assertProblem(await server.anonymous().api('POST', `/videos/${cats.uuid}/views`, { json: { currentTime: 500 } }), 400);
    assertProblem(await server.anonymous().api('POST', `/videos/${cats.uuid}/views`, { json: {} }), 400);
  });

  it('serves the constant lists as objects keyed by id', async () => {
    const cats = await server.anonymous().expect<Record<string, string>>(200, 'GET', '/api/v1/videos/categories');
    assert.equal(cats['1'], 'Music');
    assert.equal(
      (await server.anonymous().expect<Record<string, string>>(200, 'GET', '/api/v1/videos/licences'))['7'],
      'Public Domain Dedication',
    );
    assert.equal((await server.anonymous().expect<Record<string, string>>(200, 'GET', '/api/v1/videos/languages')).en, 'English');
    assert.equal(
      (await server.anonymous().expect<Record<string, string>>(200, 'GET', '/api/v1/videos/privacies'))['5'],
      'Password protected',
    );
  });

  it('deletes a video with its files, only for its owner or a moderator', async () => {
    assertProblem(await bob.api('DELETE', `/videos/${dogs.uuid}`), 403);
    assert.equal((await alice.api('DELETE', `/videos/${dogs.uuid}`)).status, 204);
    assertProblem(await server.anonymous().api('GET', `/videos/${dogs.uuid}`), 404);
    const rows = await server.sql('SELECT count(*)::int AS n FROM video_files WHERE video_id = $1', [dogs.id]);
    assert.equal(rows[0].n, 0);
  });
});
