import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { uploadResumable, type ShoalClient } from '@shoal/api-client';
import type { VideoDetails } from '@shoal/models';
import { makeClip } from '../shared/media';
import { assertProblem } from '../shared/problem';
import { TestServer } from '../shared/server-process';
import { waitFor } from '../shared/wait-for';
import { uploadAndWait, waitForState } from './published';

/** Every file name under a folder, recursively. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

describe('New version of a video (source replacement)', function () {
  let server: TestServer;
  let owner: ShoalClient;
  let video: { id: number; uuid: string; shortUUID: string };

  before(async () => {
    server = await new TestServer().start();
    await server.admin.createUser({ username: 'creator', password: 'creator-password', email: 'c@example.com', role: 2 });
    owner = await server.anonymous().as('creator', 'creator-password');
    const channelId = (await owner.me()).videoChannels[0].id;
    video = await uploadAndWait(owner, await makeClip({ seconds: 2 }), { channelId, name: 'First version' });
  });
  after(() => server.destroy());

  it('keeps id, URL, views and ratings, and swaps the files once transcoded', async () => {
    await server.anonymous().api('POST', `/videos/${video.uuid}/views`, { json: { currentTime: 1 } });
    assert.equal((await owner.api('PUT', `/videos/${video.uuid}/rate`, { json: { rating: 'like' } })).status, 204);
    const before = await owner.expect<VideoDetails>(200, 'GET', `/api/v1/videos/${video.uuid}`);
    const oldFiles = filesUnder(join(server.storageDir, 'streaming-playlists'));
    const oldOriginals = filesUnder(join(server.storageDir, 'original-video-files'));
    assert.ok(oldFiles.some((f) => f.endsWith('-master.m3u8')));

    const res = await uploadResumable(
      owner,
      await makeClip({ seconds: 4 }),
      {},
      { initPath: `/videos/${video.id}/source/replace-resumable`, filename: 'v2.mp4' },
    );
    assert.equal(res.status, 204, res.text);
    // The old version stays published while the new one transcodes; the new duration tells it is done.
    const replaced = await waitFor(async () => {
      const v = await waitForState(owner, video.uuid, [1]);
      return v.duration === 4 ? v : null;
    });
    assert.equal(replaced.id, before.id);
    assert.equal(replaced.url, before.url);
    assert.equal(replaced.likes, 1);
    assert.ok(replaced.inputFileUpdatedAt);
    assert.notEqual(replaced.streamingPlaylists[0].playlistUrl, before.streamingPlaylists[0].playlistUrl);

    const newFiles = filesUnder(join(server.storageDir, 'streaming-playlists'));
    for (const old of oldFiles) assert.ok(!newFiles.includes(old), `old file ${old} is gone`);
    const originals = filesUnder(join(server.storageDir, 'original-video-files'));
    assert.equal(originals.length, oldOriginals.length);
    assert.ok(!originals.includes(oldOriginals[0]), 'the previous original is replaced');
  });

  it('refuses others, anonymous callers and bad files', async () => {
    const clip = await makeClip({ seconds: 2 });
    const stranger = await (async () => {
      await server.admin.createUser({ username: 'stranger', password: 'stranger-password', email: 's@example.com', role: 2 });
      return server.anonymous().as('stranger', 'stranger-password');
    })();
    const init = `/videos/${video.id}/source/replace-resumable`;
    assertProblem(await uploadResumable(stranger, clip, {}, { initPath: init }), 403);
    assertProblem(await uploadResumable(server.anonymous(), clip, {}, { initPath: init }), 401);
    assertProblem(await uploadResumable(owner, clip, {}, { initPath: '/videos/99999999/source/replace-resumable' }), 404);
    assertProblem(await uploadResumable(owner, clip, {}, { initPath: init, filename: 'notes.txt' }), 415);
  });
});
