import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { VideoDetails } from '@shoal/models';
import { createUser } from '../../api/api-fixtures';
import { TestServer } from '../../shared/server-process';
import { waitFor } from '../../shared/wait-for';
import { FixtureInstance, peertubeVideo, PUBLIC } from './fixture-instance';
import { FEDERATION_TEST_CONFIG, remoteVideo } from './objects-fixtures';

/**
 * A fixture "remote instance" (signing HTTP server in this process) posts PeerTube-shaped video
 * activities and a Mastodon-shaped reply to a real server's inbox.
 */
describe('federation objects: PeerTube and Mastodon fixtures', function () {
  this.timeout(180_000);
  let server: TestServer;
  let remote: FixtureInstance;
  let ana: string, cooking: string, mallory: string;

  before(async () => {
    [server, remote] = await Promise.all([new TestServer({ configYaml: FEDERATION_TEST_CONFIG }).start(), new FixtureInstance().start()]);
    ana = remote.addActor('Person', 'ana');
    cooking = remote.addActor('Group', 'cooking', ana);
    mallory = remote.addActor('Person', 'mallory');
  });

  after(async () => {
    await remote?.stop();
    await server?.destroy();
  });

  const inbox = () => `${server.url}/inbox`;

  /** Inbox processing is asynchronous: waiting for a later activity to be applied gives earlier ones time to be handled. */
  async function createBarrier(): Promise<void> {
    const marker = randomUUID();
    const ok = peertubeVideo(remote, marker, 'Barrier video', ana, cooking);
    remote.documents.set(ok.id, ok);
    await remote.post(inbox(), ana, { type: 'Create', id: `${ok.id}/activity`, actor: ana, object: ok, to: ok.to, cc: ok.cc });
    await remoteVideo(server, marker);
  }

  it('stores a PeerTube Create(Video) as a remote video playing from its origin, then updates and deletes it', async () => {
    const uuid = randomUUID();
    const video = peertubeVideo(remote, uuid, 'Sourdough in 10 minutes', ana, cooking);
    remote.documents.set(video.id, video);
    const create = {
      '@context': video['@context'],
      type: 'Create',
      id: `${video.id}/activity`,
      actor: ana,
      object: video,
      to: video.to,
      cc: video.cc,
    };
    assert.ok([200, 202, 204].includes(await remote.post(inbox(), ana, create)));

    const stored = await remoteVideo(server, uuid);
    assert.equal(stored.isLocal, false);
    assert.equal(stored.name, 'Sourdough in 10 minutes');
    assert.equal(stored.duration, 42);
    assert.equal(stored.category.id, 18);
    assert.deepEqual(stored.tags, ['bread'], 'a 1-character hashtag is dropped');
    assert.equal(stored.channel.host, remote.host);
    assert.equal(stored.streamingPlaylists[0].playlistUrl, `${remote.url}/static/streaming-playlists/hls/${uuid}/master.m3u8`);
    assert.equal(stored.streamingPlaylists[0].files[0].resolution.id, 720);
    assert.ok(stored.thumbnailPath, 'the thumbnail was copied');

    const renamed = { ...video, name: 'Sourdough, revised', updated: new Date().toISOString(), to: [], cc: [PUBLIC] };
    remote.documents.set(video.id, renamed);
    await remote.post(inbox(), ana, { type: 'Update', id: `${video.id}/updates/1`, actor: ana, object: renamed, to: [], cc: [PUBLIC] });
    const updated = await waitFor(
      async () => {
        const v = (await server.anonymous().api<VideoDetails>('GET', `/videos/${uuid}`)).body;
        return v.name === 'Sourdough, revised' ? v : null;
      },
      { what: 'update applied' },
    );
    assert.equal(updated.privacy.id, 2, 'PUBLIC only in cc means unlisted');

    // Someone else cannot delete it (checked once a later activity, the barrier, went through); its owner can.
    await remote.post(inbox(), mallory, { type: 'Delete', id: `${mallory}/delete/1`, actor: mallory, object: video.id });
    await createBarrier();
    assert.equal((await server.anonymous().api('GET', `/videos/${uuid}`)).status, 200);
    await remote.post(inbox(), ana, { type: 'Delete', id: `${video.id}/delete`, actor: ana, object: video.id });
    await waitFor(async () => (await server.anonymous().api('GET', `/videos/${uuid}`)).status === 404, { what: 'video deleted' });
  });

  it('turns a Mastodon reply (Create Note with inReplyTo the video) into a comment, and its Delete removes it', async () => {
    const uuid = randomUUID();
    const video = peertubeVideo(remote, uuid, 'Video with replies', ana, cooking);
    remote.documents.set(video.id, video);
    await remote.post(inbox(), ana, { type: 'Create', id: `${video.id}/activity`, actor: ana, object: video, to: video.to, cc: video.cc });
    await remoteVideo(server, uuid);

    const noteId = `${mallory}/statuses/1`;
    const note = {
      id: noteId,
      type: 'Note',
      summary: null,
      inReplyTo: video.id,
      published: new Date().toISOString(),
      url: `${remote.url}/@mallory/1`,
      attributedTo: mallory,
      to: [PUBLIC],
      cc: [`${mallory}/followers`, ana],
      sensitive: false,
      content: '<p><span class="h-card"><a href="https://x">@ana</a></span> Lovely crust!</p>',
      tag: [{ type: 'Mention', href: ana, name: '@ana' }],
    };
    remote.documents.set(noteId, note);
    const create = {
      '@context': ['https://www.w3.org/ns/activitystreams'],
      id: `${noteId}/activity`,
      type: 'Create',
      actor: mallory,
      published: note.published,
      to: note.to,
      cc: note.cc,
      object: note,
    };
    await remote.post(inbox(), mallory, create);
    await waitFor(
      async () => {
        const res = await server.anonymous().api<{ data: Array<{ text: string }> }>('GET', `/videos/${uuid}/comment-threads`);
        return res.body.data?.some((c) => c.text.includes('Lovely crust'));
      },
      { what: 'Mastodon reply as a comment' },
    );

    // A followers-only reply is not a comment.
    const privateNote = { ...note, id: `${mallory}/statuses/2`, content: 'psst', to: [`${mallory}/followers`], cc: [] };
    await remote.post(inbox(), mallory, { ...create, id: `${privateNote.id}/activity`, object: privateNote, to: privateNote.to, cc: [] });

    await remote.post(inbox(), mallory, {
      id: `${noteId}#delete`,
      type: 'Delete',
      actor: mallory,
      object: { id: noteId, type: 'Tombstone' },
      to: [PUBLIC],
    });
    await waitFor(
      async () => {
        const rows = await server.sql(`SELECT id FROM video_comments WHERE url = $1`, [noteId]);
        return rows.length === 0;
      },
      { what: 'reply deleted' },
    );
    const leftovers = await server.sql(`SELECT id FROM video_comments WHERE url = $1`, [privateNote.id]);
    assert.equal(leftovers.length, 0, 'followers-only note ignored');
  });

  it('imports a remote video searched by URL for a logged-in user, not for an anonymous visitor', async () => {
    const uuid = randomUUID();
    const video = peertubeVideo(remote, uuid, 'Found by URL', ana, cooking);
    remote.documents.set(video.id, video);
    const anonymous = await server.anonymous().api<{ total: number }>('GET', '/search/videos', { query: { search: video.id } });
    assert.equal(anonymous.body.total, 0);
    assert.equal((await server.sql(`SELECT id FROM videos WHERE uuid = $1`, [uuid])).length, 0);
    const user = await createUser(server);
    const found = await user.client.api<{ total: number; data: Array<{ uuid: string; isLocal: boolean }> }>('GET', '/search/videos', {
      query: { search: video.id },
    });
    assert.equal(found.body.total, 1);
    assert.equal(found.body.data[0].uuid, uuid);
    assert.equal(found.body.data[0].isLocal, false);
    const channels = await user.client.api<{ total: number; data: Array<{ name: string; host: string }> }>(
      'GET',
      '/search/video-channels',
      {
        query: { search: `cooking@${remote.host}` },
      },
    );
    assert.equal(channels.body.total, 1);
    assert.equal(channels.body.data[0].host, remote.host);
  });

  it('refuses a video whose channel is on another host', async () => {
    const uuid = randomUUID();
    const video = peertubeVideo(remote, uuid, 'Borrowed channel', ana, 'https://elsewhere.example/video-channels/x');
    remote.documents.set(video.id, video);
    await remote.post(inbox(), ana, { type: 'Create', id: `${video.id}/activity`, actor: ana, object: video, to: video.to, cc: video.cc });
    await createBarrier();
    assert.equal((await server.anonymous().api('GET', `/videos/${uuid}`)).status, 404);
  });
});
