import assert from 'node:assert/strict';
import { uploadResumable } from '@shoal/api-client';
import type { VideoDetails } from '@shoal/models';
import { createUser, type TestUser } from '../../api/api-fixtures';
import { makeClip } from '../../shared/media';
import { startServers, type TestServer } from '../../shared/server-process';
import { waitFor } from '../../shared/wait-for';
import { uploadAndWait, waitForState } from '../../videos/published';
import { FEDERATION_TEST_CONFIG, channelIdOf, remoteVideo, followInstance } from './objects-fixtures';

/** A new version of a video on A (its source replaced) reaches B: B's copy plays the new files. */
describe('federation objects: new version of a video', function () {
  this.timeout(300_000);
  let a: TestServer, b: TestServer;
  let alice: TestUser;

  before(async () => {
    [a, b] = await startServers(2, { configYaml: FEDERATION_TEST_CONFIG });
    alice = await createUser(a);
    await followInstance(b, a);
  });

  after(async () => {
    await Promise.all([a, b].filter(Boolean).map((s) => s.destroy()));
  });

  it('sends an Update with the new playlists once the new version is transcoded', async () => {
    const clip = await makeClip({ seconds: 2, width: 320, height: 240 });
    const video = await uploadAndWait(alice.client, clip, { channelId: await channelIdOf(alice), name: 'Two versions', privacy: 1 });
    const first = await remoteVideo(b, video.uuid);
    assert.equal(first.duration, 2);

    const res = await uploadResumable(
      alice.client,
      await makeClip({ seconds: 4, width: 320, height: 240 }),
      {},
      { initPath: `/videos/${video.id}/source/replace-resumable`, filename: 'v2.mp4' },
    );
    assert.equal(res.status, 204, res.text);
    const onA = await waitFor(async () => {
      const v = await waitForState(alice.client, video.uuid, [1]);
      return v.duration === 4 ? v : null;
    });
    const onB = await waitFor(
      async () => {
        const v = await b.anonymous().expect<VideoDetails>(200, 'GET', `/api/v1/videos/${video.uuid}`);
        return v.streamingPlaylists[0]?.playlistUrl === onA.streamingPlaylists[0]!.playlistUrl ? v : null;
      },
      { timeout: 60_000, what: 'the new version on B' },
    );
    assert.equal(onB.duration, 4);
    assert.notEqual(onB.streamingPlaylists[0]!.playlistUrl, first.streamingPlaylists[0]!.playlistUrl);
    assert.equal(onB.streamingPlaylists[0]!.segmentsSha256Url, onA.streamingPlaylists[0]!.segmentsSha256Url);
    // The new master plays from A.
    assert.equal((await fetch(onB.streamingPlaylists[0]!.playlistUrl)).status, 200);
  });
});
