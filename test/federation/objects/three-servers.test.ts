import assert from 'node:assert/strict';
import type { VideoDetails } from '@shoal/models';
import { createUser, type TestUser } from '../../api/api-fixtures';
import { makeClip } from '../../shared/media';
import { startServers, type TestServer } from '../../shared/server-process';
import { waitFor } from '../../shared/wait-for';
import { uploadAndWait } from '../../videos/published';
import { FEDERATION_TEST_CONFIG, apGet, channelIdOf, remoteVideo } from './objects-fixtures';

/**
 * Three real servers: B's user subscribes to a channel on A, C's instance follows A's instance.
 * Videos, comments, likes, views, updates and deletes made on one side must show on the others,
 * and a private video must never leave A.
 */
describe('federation objects: three servers', function () {
  this.timeout(600_000);
  let a: TestServer, b: TestServer, c: TestServer;
  let alice: TestUser, bob: TestUser;
  let clip: string;
  let publicUuid: string, privateUuid: string;
  let bobCommentId: number;

  before(async () => {
    [a, b, c] = await startServers(3, { configYaml: FEDERATION_TEST_CONFIG });
    [alice, bob] = await Promise.all([createUser(a), createUser(b)]);
    clip = await makeClip({ seconds: 2, width: 320, height: 240 });
    // B's user subscribes to Alice's channel; C's instance follows A's instance.
    await bob.client.expect(204, 'POST', '/api/v1/users/me/subscriptions', { json: { uri: `${alice.username}_channel@${a.host}` } });
    await c.admin.expect(204, 'POST', '/api/v1/server/following', { json: { hosts: [a.host] } });
    await waitFor(
      async () => {
        const [row] = await a.sql<{ n: number }>(`SELECT count(*)::int AS n FROM actor_follows WHERE state = 'accepted'`);
        return row.n >= 2;
      },
      { timeout: 60_000, what: 'both follows accepted on A' },
    );
    const channelId = await channelIdOf(alice);
    const pub = await uploadAndWait(alice.client, clip, { channelId, name: 'Federated clip', privacy: 1 });
    const priv = await uploadAndWait(alice.client, clip, { channelId, name: 'Private clip', privacy: 3 });
    publicUuid = pub.uuid;
    privateUuid = priv.uuid;
  });

  after(async () => {
    await Promise.all([a, b, c].filter(Boolean).map((s) => s.destroy()));
  });

  it('shows a video published on A on B and C, playing from A’s HLS', async () => {
    for (const server of [b, c]) {
      const video = await remoteVideo(server, publicUuid);
      assert.equal(video.isLocal, false);
      assert.equal(video.name, 'Federated clip');
      assert.equal(video.channel.host, a.host);
      assert.equal(video.account.host, a.host);
      const playlistUrl = video.streamingPlaylists[0].playlistUrl;
      assert.ok(playlistUrl.startsWith(`${a.url}/static/streaming-playlists/hls/`), playlistUrl);
      const master = await fetch(playlistUrl);
      assert.equal(master.status, 200);
      assert.match(await master.text(), /^#EXTM3U/);
    }
  });

  it('lists the video in the subscriber’s feed on B', async () => {
    const feed = await bob.client.api<{ total: number; data: Array<{ uuid: string; isLocal: boolean }> }>(
      'GET',
      '/users/me/subscriptions/videos',
    );
    assert.equal(feed.status, 200);
    assert.deepEqual(
      feed.body.data.map((v) => [v.uuid, v.isLocal]),
      [[publicUuid, false]],
    );
  });

  it('never lets a private video leave A', async () => {
    assert.equal((await apGet(a, `/videos/watch/${privateUuid}`)).status, 404);
    const search = await bob.client.api<{ total: number }>('GET', '/search/videos', {
      query: { search: `${a.url}/videos/watch/${privateUuid}` },
    });
    assert.equal(search.body.total, 0);
    for (const server of [b, c]) {
      assert.equal((await server.sql(`SELECT id FROM videos WHERE uuid = $1`, [privateUuid])).length, 0);
    }
    const outbox = (await (await apGet(a, `/accounts/${alice.username}/outbox?page=1`)).json()) as {
      orderedItems: Array<{ type: string; object: { uuid?: string } }>;
    };
    assert.ok(outbox.orderedItems.some((i) => i.type === 'Create' && i.object.uuid === publicUuid));
    assert.ok(!JSON.stringify(outbox).includes(privateUuid), 'the private video is not in the outbox');
    const [sent] = await a.sql<{ n: number }>(`SELECT count(*)::int AS n FROM federated_videos WHERE url LIKE $1`, [`%${privateUuid}`]);
    assert.equal(sent.n, 0);
  });

  it('federates a private video once made public, and retracts it when made private again', async () => {
    await alice.client.expect(204, 'PUT', `/api/v1/videos/${privateUuid}`, { json: { privacy: 1 } });
    assert.equal((await remoteVideo(b, privateUuid)).name, 'Private clip');
    await alice.client.expect(204, 'PUT', `/api/v1/videos/${privateUuid}`, { json: { privacy: 3 } });
    await waitFor(async () => (await b.anonymous().api('GET', `/videos/${privateUuid}`)).status === 404, {
      timeout: 60_000,
      what: 'retraction on B',
    });
    assert.equal((await apGet(a, `/videos/watch/${privateUuid}`)).status, 404);
  });

  it('gets a comment made on B to A and, through A, to C', async () => {
    const res = await bob.client.api<{ comment: { id: number } }>('POST', `/videos/${publicUuid}/comment-threads`, {
      json: { text: 'Hello from B' },
    });
    assert.equal(res.status, 200, res.text);
    bobCommentId = res.body.comment.id;
    for (const server of [a, c]) {
      await waitFor(
        async () => {
          const threads = await server
            .anonymous()
            .api<{ data: Array<{ text: string; account: { host: string } }> }>('GET', `/videos/${publicUuid}/comment-threads`);
          return threads.body.data?.find((t) => t.text.includes('Hello from B') && t.account.host === b.host);
        },
        { timeout: 60_000, what: `comment on ${server === a ? 'A' : 'C'}` },
      );
    }
  });

  it('adds likes and views made on B to the video on A', async () => {
    await bob.client.expect(204, 'PUT', `/api/v1/videos/${publicUuid}/rate`, { json: { rating: 'like' } });
    for (let i = 0; i < 3; i++) {
      await b.anonymous().expect(204, 'POST', `/api/v1/videos/${publicUuid}/views`, { json: { currentTime: 1, sessionId: `s${i}` } });
    }
    const onA = await waitFor(
      async () => {
        const video = (await a.anonymous().api<VideoDetails>('GET', `/videos/${publicUuid}`)).body;
        return video.likes === 1 && video.views >= 3 ? video : null;
      },
      { timeout: 60_000, what: 'like and views on A' },
    );
    assert.equal(onA.views, 3);
    // A re-sends the video with its new counters; C (which rated and viewed nothing) shows them.
    await waitFor(
      async () => {
        const video = (await c.anonymous().api<VideoDetails>('GET', `/videos/${publicUuid}`)).body;
        return video.likes === 1 && video.views === 3;
      },
      { timeout: 60_000, what: 'counters on C' },
    );
    const [rate] = await a.sql<{ url: string }>(`SELECT url FROM video_rates WHERE url IS NOT NULL`);
    assert.ok(rate.url.startsWith(`${b.url}/accounts/`), 'the like is keyed by its activity id');
  });

  it('serves the video and the comment as ActivityPub JSON, and the web page to browsers', async () => {
    const video = await apGet(a, `/videos/watch/${publicUuid}`);
    assert.equal(video.status, 200);
    assert.match(video.headers.get('content-type') ?? '', /application\/activity\+json/);
    const body = (await video.json()) as { type: string; uuid: string; url: Array<{ mediaType: string }> };
    assert.equal(body.type, 'Video');
    assert.equal(body.uuid, publicUuid);
    assert.ok(body.url.some((u) => u.mediaType === 'application/x-mpegURL'));
    const page = await fetch(`${a.url}/videos/watch/${publicUuid}`, { headers: { accept: 'text/html' } });
    assert.doesNotMatch(page.headers.get('content-type') ?? '', /activity\+json/);
    // B serves its own comment on A's video (A's followers re-fetch it from there).
    const note = await apGet(b, `/videos/watch/${publicUuid}/comments/${bobCommentId}`);
    assert.equal(note.status, 200);
    const noteBody = (await note.json()) as { type: string; inReplyTo: string; content: string };
    assert.equal(noteBody.type, 'Note');
    assert.equal(noteBody.inReplyTo, `${a.url}/videos/watch/${publicUuid}`);
    assert.equal(noteBody.content, 'Hello from B');
  });

  it('sends a report of A’s video made on B to A, and a dislike then an undo', async () => {
    const video = await remoteVideo(b, publicUuid);
    await bob.client.expect(200, 'POST', '/api/v1/abuses', { json: { reason: 'Flagged from B for the test', video: { id: video.id } } });
    await waitFor(
      async () => {
        const res = await a.admin.api<{ data: Array<{ reason: string; reporterAccount: { host: string } | null }> }>('GET', '/abuses');
        return res.body.data?.some((r) => r.reason === 'Flagged from B for the test');
      },
      { timeout: 60_000, what: 'report on A' },
    );
    await bob.client.expect(204, 'PUT', `/api/v1/videos/${publicUuid}/rate`, { json: { rating: 'dislike' } });
    await waitFor(
      async () => {
        const v = (await a.anonymous().api<VideoDetails>('GET', `/videos/${publicUuid}`)).body;
        return v.likes === 0 && v.dislikes === 1;
      },
      { timeout: 60_000, what: 'dislike replacing the like on A' },
    );
    await bob.client.expect(204, 'PUT', `/api/v1/videos/${publicUuid}/rate`, { json: { rating: 'none' } });
    await waitFor(async () => (await a.anonymous().api<VideoDetails>('GET', `/videos/${publicUuid}`)).body.dislikes === 0, {
      timeout: 60_000,
      what: 'undo on A',
    });
  });

  it('removes a comment deleted on B from A and C', async () => {
    await bob.client.expect(204, 'DELETE', `/api/v1/videos/${publicUuid}/comments/${bobCommentId}`);
    for (const server of [a, c]) {
      await waitFor(
        async () => {
          const threads = await server.anonymous().api<{ data: Array<{ text: string }> }>('GET', `/videos/${publicUuid}/comment-threads`);
          return !threads.body.data.some((t) => t.text.includes('Hello from B'));
        },
        { timeout: 60_000, what: `comment gone on ${server === a ? 'A' : 'C'}` },
      );
    }
  });

  it('propagates an update and then a delete from A', async () => {
    await alice.client.expect(204, 'PUT', `/api/v1/videos/${publicUuid}`, { json: { name: 'Renamed on A' } });
    for (const server of [b, c]) {
      await waitFor(async () => (await remoteVideo(server, publicUuid)).name === 'Renamed on A', {
        timeout: 60_000,
        what: 'update on remote',
      });
    }
    await alice.client.expect(204, 'DELETE', `/api/v1/videos/${publicUuid}`);
    for (const server of [b, c]) {
      await waitFor(async () => (await server.anonymous().api('GET', `/videos/${publicUuid}`)).status === 404, {
        timeout: 60_000,
        what: 'delete on remote',
      });
    }
  });
});
