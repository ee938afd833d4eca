import { uploadLegacy } from '@shoal/api-client';
import { TestServer } from '../../test/shared/server-process';
import { waitFor } from '../../test/shared/wait-for';
import { RunnerProcess } from '../../test/runners/runner-process';
import type { Measure } from './transcode-report';

/**
 * (d) Upload → published through ONE local shoal-runner (one-pass ladder job), with the same
 * ladder and preset as the server run. CPU is not measured: it is spent in two processes.
 */
export async function throughRunner(clip: string, serverYaml: string, preset: string): Promise<Measure> {
  const server = await new TestServer({ configYaml: `${serverYaml}\n  remote_runners:\n    enabled: true\n` }).start();
  const runner = new RunnerProcess('bench');
  try {
    // Same niceness and threads as the server's own VOD transcoding.
    runner.writeConfig({ preset, threads: 0, nice: 15 });
    await runner.register(server, 'bench-runner');
    await runner.start();
    const channelId = (await server.admin.me()).videoChannels[0]!.id;
    const res = await uploadLegacy(server.admin, clip, { channelId, name: 'bench clip' });
    if (res.status !== 200) throw new Error(`upload failed: ${res.status} ${res.text}`);
    const start = process.hrtime.bigint();
    await waitFor(
      async () => {
        const video = await server.admin.expect<{ state: { id: number } }>(200, 'GET', `/api/v1/videos/${res.body.video.id}`);
        if (video.state.id === 7) throw new Error('transcoding failed');
        return video.state.id === 1;
      },
      { timeout: 3_600_000, interval: 250, what: 'publication through the runner' },
    );
    return { wall: Number(process.hrtime.bigint() - start) / 1e9, cpu: 0 };
  } finally {
    await runner.cleanup();
    await server.destroy();
  }
}
