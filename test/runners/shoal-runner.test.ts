import assert from 'node:assert/strict';
import { uploadResumable, type ShoalClient } from '@shoal/api-client';
import { makeClip } from '../shared/media';
import { TestServer } from '../shared/server-process';
import { waitFor } from '../shared/wait-for';
import { waitForState } from '../videos/published';
import { RunnerProcess } from './runner-process';
import { RUNNERS_CONFIG, type AdminJob } from './runner-config';

interface Details {
  state: { id: number };
  streamingPlaylists: Array<{ playlistUrl: string; files: Array<{ resolution: { id: number }; height: number }> }>;
}

describe('shoal-runner end to end', function () {
  this.timeout(120_000);
  let server: TestServer;
  let owner: ShoalClient;
  let channelId: number;
  const runners: RunnerProcess[] = [];

  const upload = async (path: string, name: string) => {
    const res = await uploadResumable(owner, path, { channelId, name, privacy: 1 });
    assert.equal(res.status, 200, res.text);
    return res.body.video.uuid;
  };
  const jobsOf = async (videoUUID: string) => {
    const video = await owner.api<{ id: number }>('GET', `/videos/${videoUUID}`);
    const list = await server.admin.api<{ data: AdminJob[] }>('GET', '/runners/jobs', { query: { count: 100 } });
    return list.body.data.filter((j) => j.privatePayload.videoId === video.body.id);
  };

  before(async () => {
    server = await new TestServer({ configYaml: RUNNERS_CONFIG }).start();
    await server.admin.createUser({ username: 'creator', password: 'creator-password', email: 'c@example.com', role: 2, videoQuota: -1 });
    owner = await server.anonymous().as('creator', 'creator-password');
    channelId = (await owner.me()).videoChannels[0].id;
  });
  afterEach(async () => {
    for (const r of runners.splice(0)) await r.cleanup();
  });
  after(async () => {
    await server?.destroy();
  });

  it('publishes an upload with HLS made by a running shoal-runner (one-pass ladder)', async () => {
    const runner = new RunnerProcess();
    runners.push(runner);
    runner.writeConfig();
    await runner.register(server, 'ladder-runner');
    await runner.start();
    const uuid = await upload(await makeClip(), 'by runner');
    const video = (await waitForState(owner, uuid, [1], 60_000)) as unknown as Details;
    const heights = video.streamingPlaylists[0]!.files.map((f) => f.height).sort((a, b) => a - b);
    assert.deepEqual(heights, [144, 240]);
    const jobs = await jobsOf(uuid);
    assert.deepEqual(
      jobs.map((j) => [j.type, j.state.id, j.runner?.name]),
      [['vod-hls-ladder-transcoding', 3, 'ladder-runner']],
    );
    const master = await fetch(video.streamingPlaylists[0]!.playlistUrl);
    assert.equal(master.status, 200);
    assert.match(await master.text(), /#EXT-X-STREAM-INF/);
  });

  it('gives the job of a runner killed mid-job to another runner after the stall timeout', async () => {
    const slow = new RunnerProcess('slow');
    runners.push(slow);
    // veryslow keeps the job running long enough to be killed in the middle.
    slow.writeConfig({ preset: 'veryslow' });
    await slow.register(server, 'doomed-runner');
    await slow.start({ detached: true });
    const uuid = await upload(await makeClip({ seconds: 12, width: 640, height: 480 }), 'runner dies');
    await waitFor(async () => (await jobsOf(uuid)).find((j) => j.state.id === 2), { timeout: 30_000, what: 'job processing' });
    await slow.killGroup();
    const pending = await waitFor(async () => (await jobsOf(uuid)).find((j) => j.state.id === 1), {
      timeout: 20_000,
      what: 'job back to pending',
    });
    assert.equal(pending.failures, 0);

    const rescuer = new RunnerProcess('rescuer');
    runners.push(rescuer);
    rescuer.writeConfig();
    await rescuer.register(server, 'rescuer-runner');
    await rescuer.start();
    await waitForState(owner, uuid, [1], 90_000);
    const [job] = await jobsOf(uuid);
    assert.equal(job!.state.id, 3);
    assert.equal(job!.runner?.name, 'rescuer-runner');
  });
});
