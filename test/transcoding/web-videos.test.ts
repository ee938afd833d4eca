import assert from 'node:assert/strict';
import { uploadLegacy } from '@shoal/api-client';
import { makeClip } from '../shared/media';
import { TestServer } from '../shared/server-process';
import { waitFor } from '../shared/wait-for';
import { ffprobeStreams } from './hls-check';

interface WebFile {
  resolution: { id: number };
  width: number;
  height: number;
  fileUrl: string;
}

describe('VOD transcoding with web videos', function () {
  this.timeout(60_000);
  let server: TestServer;

  before(async () => {
    server = await new TestServer({ configYaml: 'transcoding:\n  web_videos:\n    enabled: true\n' }).start();
  });
  after(() => server?.destroy());

  it('publishes a progressive MP4 next to each HLS rendition', async () => {
    const channelId = (await server.admin.me()).videoChannels[0].id;
    const res = await uploadLegacy(server.admin, await makeClip({ seconds: 2, width: 320, height: 240 }), {
      channelId,
      name: 'web videos',
    });
    assert.equal(res.status, 200, res.text);
    const video = await waitFor(
      async () => {
        const d = await server.admin.expect<{ state: { id: number }; files: WebFile[]; streamingPlaylists: unknown[] }>(
          200,
          'GET',
          `/api/v1/videos/${res.body.video.id}`,
        );
        return d.state.id === 1 ? d : null;
      },
      { timeout: 45_000, what: 'publication' },
    );
    assert.equal(video.streamingPlaylists.length, 1);
    assert.deepEqual(
      video.files.map((f) => [f.resolution.id, f.width, f.height]).sort((a, b) => a[0]! - b[0]!),
      [
        [144, 192, 144],
        [240, 320, 240],
      ],
    );
    for (const file of video.files) {
      assert.match(file.fileUrl, /\/static\/web-videos\/[0-9a-f-]{36}-\d+\.mp4$/);
      const streams = await ffprobeStreams(file.fileUrl);
      assert.deepEqual(
        streams.map((s) => s.codec_name),
        ['h264', 'aac'],
      );
      const bytes = Buffer.from(await (await fetch(file.fileUrl)).arrayBuffer());
      assert.ok(bytes.indexOf('moov') < bytes.indexOf('mdat'), 'index first, playable while downloading');
    }
    const config = await server.anonymous().expect<{ transcoding: { web_videos: { enabled: boolean } } }>(200, 'GET', '/api/v1/config');
    assert.equal(config.transcoding.web_videos.enabled, true);
  });
});
