import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { uploadLegacy, type ShoalClient } from '@shoal/api-client';
import { UserRole, type VideoDetails, type VideoSource } from '@shoal/models';
import { makeClip } from '../shared/media';
import { assertProblem } from '../shared/problem';
import { TestServer } from '../shared/server-process';
import { createUser } from './api-fixtures';
import { waitFor } from '../shared/wait-for';

const PASSWORD = 'files-pass';
const PW = { 'x-peertube-video-password': PASSWORD };

describe('Video files, tokens, downloads and sources', function () {
  this.timeout(120_000);
  let server: TestServer;
  let owner: ShoalClient;
  let other: ShoalClient;
  let clip: string;
  let pub: VideoDetails;
  let priv: VideoDetails;
  let prot: VideoDetails;

  before(async () => {
    server = await new TestServer({ configYaml: 'transcoding:\n  concurrency: 2\n  web_videos:\n    enabled: true\n' }).start();
    [owner, other] = await Promise.all(
      ['files_owner', 'files_other'].map(async (name) => (await createUser(server, UserRole.USER, name)).client),
    );
    const channelId = (await owner.me()).videoChannels[0].id;
    clip = await makeClip({ seconds: 2 });
    const upload = async (name: string, privacy: number, extra = {}) => {
      const res = await uploadLegacy(owner, clip, { channelId, name, privacy, ...extra }, 'my holiday.mp4');
      assert.equal(res.status, 200, res.text);
      return res.body.video.uuid;
    };
    const uuids = await Promise.all([
      upload('Files public', 1),
      upload('Files private', 3),
      upload('Files password', 5, { videoPasswords: [PASSWORD] }),
    ]);
    [pub, priv, prot] = await Promise.all(uuids.map(published));
  });
  after(() => server?.destroy());

  async function published(uuid: string): Promise<VideoDetails> {
    return waitFor(
      async () => {
        const d = await owner.expect<VideoDetails>(200, 'GET', `/api/v1/videos/${uuid}`);
        if (d.state.id === 7) throw new Error(`transcoding failed: ${server.output.slice(-2000)}`);
        return d.state.id === 1 && d.streamingPlaylists.length && d.files.length ? d : null;
      },
      { timeout: 90_000, interval: 250, what: `${uuid} published` },
    );
  }

  const tokenOf = async (client: ShoalClient, video: VideoDetails, headers?: Record<string, string>) =>
    (await client.expect<{ files: { token: string; expires: string } }>(200, 'POST', `/api/v1/videos/${video.uuid}/token`, { headers }))
      .files;
  const get = (url: string, opts: { token?: string | null; headers?: Record<string, string> } = {}) =>
    fetch(url, { headers: { ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...opts.headers } });
  const withToken = (url: string, token: string, extra = '') => `${url}?videoFileToken=${encodeURIComponent(token)}${extra}`;
  const master = (v: VideoDetails) => v.streamingPlaylists[0].playlistUrl;
  const hlsFile = (v: VideoDetails) => v.streamingPlaylists[0].files[0];

  describe('POST /videos/:id/token', () => {
    it('issues an 8 hour token to the owner of a private video', async () => {
      const res = await owner.api<{ files: { token: string; expires: string } }>('POST', `/videos/${priv.uuid}/token`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.match(res.body.files.token, /^[A-Za-z0-9_.-]+$/);
      const hours = (Date.parse(res.body.files.expires) - Date.now()) / 3_600_000;
      assert.ok(hours > 7.9 && hours <= 8, String(hours));
    });

    it('refuses a private video to anonymous (401) and to another user (403)', async () => {
      assertProblem(await server.anonymous().api('POST', `/videos/${priv.uuid}/token`), 401);
      assertProblem(await other.api('POST', `/videos/${priv.uuid}/token`), 403);
    });

    it('asks for the password of a password-protected video', async () => {
      assertProblem(await server.anonymous().api('POST', `/videos/${prot.uuid}/token`), 401, 'video_requires_password');
      assertProblem(await other.api('POST', `/videos/${prot.uuid}/token`), 403, 'video_requires_password');
      const wrong = { 'x-peertube-video-password': 'not-it' };
      assertProblem(
        await server.anonymous().api('POST', `/videos/${prot.uuid}/token`, { headers: wrong }),
        403,
        'incorrect_video_password',
      );
      assert.equal((await server.anonymous().api('POST', `/videos/${prot.uuid}/token`, { headers: PW })).status, 200);
    });

    it('answers 404 for an unknown video and 400 for a malformed id', async () => {
      assertProblem(await owner.api('POST', '/videos/3f1c2b9e-0000-4000-8000-000000000000/token'), 404);
      assertProblem(await owner.api('POST', '/videos/not-an-id!/token'), 400);
    });
  });

  describe('private HLS files', () => {
    it('serves a private master to the owner token holder with the HLS content type', async () => {
      const { token } = await tokenOf(owner, priv);
      const res = await get(withToken(master(priv), token));
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^application\/x-mpegurl/);
      assert.equal(res.headers.get('cache-control'), 'private, no-store');
      assert.match(await res.text(), /^#EXTM3U/);
    });

    it('refuses a token of another video, a tampered token and garbage', async () => {
      const { token } = await tokenOf(owner, pub);
      assert.equal((await get(withToken(master(priv), token))).status, 403);
      const mine = (await tokenOf(owner, priv)).token;
      const tampered = mine.replace(/^(\d+)/, (s) => String(Number(s) + 3600));
      assert.equal((await get(withToken(master(priv), tampered))).status, 403);
      assert.equal((await get(withToken(master(priv), 'garbage'))).status, 403);
      assert.equal((await get(master(priv))).status, 401);
    });

    it('rewrites playlists for players that cannot send headers', async () => {
      const { token } = await tokenOf(owner, priv);
      const reinject = '&reinjectVideoFileToken=true';
      const masterRes = await get(withToken(master(priv), token, reinject));
      assert.equal(masterRes.status, 200);
      assert.match(masterRes.headers.get('content-type') ?? '', /^application\/x-mpegurl/);
      const renditions = (await masterRes.text()).split('\n').filter((l) => l.endsWith(reinject));
      assert.ok(renditions.length > 0, 'no rewritten rendition playlist');
      const rendition = await (await get(new URL(renditions[0], master(priv)).href)).text();
      const segment = rendition.split('\n').find((l) => !l.startsWith('#') && l.includes('-fragmented.mp4?videoFileToken='));
      assert.match(rendition, /#EXT-X-MAP:URI="[^"]+-fragmented\.mp4\?videoFileToken=[^"&]+"/);
      assert.ok(segment, rendition);
      const media = await get(new URL(segment, master(priv)).href, { headers: { range: 'bytes=0-15' } });
      assert.equal(media.status, 206);
      assert.equal(media.headers.get('content-type'), 'video/mp4');
    });

    it('serves byte ranges and answers 416 to an impossible one', async () => {
      const file = hlsFile(priv);
      const res = await get(file.fileUrl, { token: owner.token, headers: { range: 'bytes=0-99' } });
      assert.equal(res.status, 206);
      assert.equal(res.headers.get('content-range'), `bytes 0-99/${file.size}`);
      assert.equal((await res.arrayBuffer()).byteLength, 100);
      const beyond = await get(file.fileUrl, { token: owner.token, headers: { range: `bytes=${file.size + 10}-` } });
      assert.equal(beyond.status, 416);
    });

    it('serves the segment hashes as JSON with the password header', async () => {
      const res = await get(prot.streamingPlaylists[0].segmentsSha256Url, { headers: PW });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      assert.equal(typeof (await res.json()), 'object');
    });

    it('keeps working after a restart, with the same signing secret', async () => {
      const { token } = await tokenOf(owner, priv);
      await server.restart();
      owner = await server.anonymous().as('files_owner', 'files_owner-password');
      other = await server.anonymous().as('files_other', 'files_other-password');
      assert.equal((await get(withToken(master(priv), token))).status, 200);
    });

    it('revokes a password token as soon as its password is removed', async () => {
      const { token } = await tokenOf(server.anonymous(), prot, PW);
      assert.equal((await get(withToken(master(prot), token))).status, 200);
      await owner.expect(204, 'PUT', `/api/v1/videos/${prot.uuid}/passwords`, { json: { passwords: ['another-pass'] } });
      assert.equal((await get(withToken(master(prot), token))).status, 403);
      await owner.expect(204, 'PUT', `/api/v1/videos/${prot.uuid}/passwords`, { json: { passwords: [PASSWORD] } });
      assert.equal((await get(withToken(master(prot), token))).status, 200);
    });

    it('answers 404 to missing files and to path tricks', async () => {
      const base = master(priv).replace(/[^/]+$/, '');
      for (const path of ['nope-master.m3u8', '..%2F..%2F..%2Fetc%2Fpasswd', '.hidden.m3u8', 'x.sh']) {
        const res = await get(base + path, { token: owner.token });
        assert.equal(res.status, 404, path);
      }
      const publicBase = master(pub).replace(/[^/]+$/, '');
      assert.equal((await get(`${publicBase}..%2F..%2Fprivate%2F${priv.uuid}%2Fx.m3u8`)).status, 404);
      assert.equal((await get(`${server.url}/static/streaming-playlists/hls/private%2F${priv.uuid}/x.m3u8`)).status, 404);
    });
  });

  describe('public HLS files', () => {
    // Without a query string a playlist is answered by the fast path in front of Express
    // (served from memory), with one by the Express media route: both must say the same.
    const comparable = (res: Response) =>
      Object.fromEntries(
        [...res.headers].filter(
          ([name]) => !['date', 'x-request-id', 'etag', 'last-modified', 'accept-ranges', 'connection', 'keep-alive'].includes(name),
        ),
      );

    it('answers a playlist the same way on the fast path and through Express', async () => {
      const [first, fast, viaExpress] = [await get(master(pub)), await get(master(pub)), await get(`${master(pub)}?from=express`)];
      for (const res of [first, fast, viaExpress]) assert.equal(res.status, 200);
      const body = await viaExpress.text();
      assert.equal(await fast.text(), body);
      assert.equal(await first.text(), body);
      assert.deepEqual(comparable(fast), comparable(viaExpress));
      assert.equal(fast.headers.get('content-type'), 'application/x-mpegurl');
      assert.equal(fast.headers.get('access-control-allow-origin'), '*');
      assert.equal(fast.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(fast.headers.get('cache-control'), 'public, max-age=7200');
    });

    it('leaves HEAD, ranges, bad names and private videos to the media route', async () => {
      const head = await fetch(master(pub), { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.equal((await get(master(pub), { headers: { range: 'bytes=0-3' } })).status, 206);
      assert.equal((await get(master(pub).replace('master.m3u8', '.hidden.m3u8'))).status, 404);
      assert.equal((await get(master(pub).replace('master.m3u8', 'missing.m3u8'))).status, 404);
      // The private video's files are not in the public folder, whatever the URL says.
      assert.equal((await get(`${server.url}/static/streaming-playlists/hls/${priv.uuid}/master.m3u8`)).status, 404);
    });
  });

  describe('web videos', () => {
    it('serves a private web video only with credentials, never from the public folder', async () => {
      const url = priv.files[0].fileUrl;
      assert.match(url, /\/static\/web-videos\/private\//);
      assert.equal((await get(url)).status, 401);
      assert.equal((await get(url, { token: other.token })).status, 403);
      const res = await get(url, { token: owner.token, headers: { range: 'bytes=0-9' } });
      assert.equal(res.status, 206);
      assert.equal(res.headers.get('content-type'), 'video/mp4');
      assert.equal((await get(url.replace('/private/', '/'))).status, 404);
    });

    it('serves a public web video to anyone', async () => {
      const res = await get(pub.files[0].fileUrl);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'public, max-age=7200');
      assert.equal(Number(res.headers.get('content-length')), pub.files[0].size);
    });
  });

  describe('downloads', () => {
    it('sends HLS and web video files as attachments named after the video', async () => {
      for (const file of [hlsFile(pub), pub.files[0]]) {
        const res = await get(file.fileDownloadUrl);
        assert.equal(res.status, 200, file.fileDownloadUrl);
        assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="Files public-\d+p\.mp4"/);
        assert.equal((await res.arrayBuffer()).byteLength, file.size);
      }
    });

    it('refuses downloads the owner disabled, except to the owner', async () => {
      await owner.expect(204, 'PUT', `/api/v1/videos/${pub.uuid}`, { json: { downloadEnabled: false } });
      try {
        const url = hlsFile(pub).fileDownloadUrl;
        assert.equal((await get(url)).status, 403);
        assert.equal((await get(url, { token: other.token })).status, 403);
        assert.equal((await get(url, { token: owner.token })).status, 200);
        // The file itself stays playable: only the attachment download is disabled.
        assert.equal((await get(hlsFile(pub).fileUrl)).status, 200);
      } finally {
        await owner.expect(204, 'PUT', `/api/v1/videos/${pub.uuid}`, { json: { downloadEnabled: true } });
      }
    });

    it('answers 404 to an unknown resolution or video', async () => {
      assert.equal((await get(`${server.url}/download/web-videos/${pub.uuid}-4320.mp4`)).status, 404);
      assert.equal((await get(`${server.url}/download/web-videos/3f1c2b9e-0000-4000-8000-000000000000-240.mp4`)).status, 404);
      assert.equal((await get(`${server.url}/download/web-videos/whatever.mp4`)).status, 404);
    });
  });

  describe('GET /videos/:id/source and the original file', () => {
    it('describes the original to its owner and to moderators', async () => {
      const source = await owner.expect<VideoSource>(200, 'GET', `/api/v1/videos/${pub.uuid}/source`);
      assert.equal(source.inputFilename, 'my holiday.mp4');
      assert.equal(source.size, readFileSync(clip).length);
      assert.deepEqual(source.resolution, { id: 240, label: '240p' });
      assert.equal(source.width, 320);
      assert.equal(source.height, 240);
      assert.equal(source.fps, 25);
      assert.ok(source.metadata && typeof source.metadata === 'object');
      assert.ok(!Number.isNaN(Date.parse(source.createdAt)));
      assert.match(source.fileDownloadUrl ?? '', /\/download\/original-video-files\/[a-z0-9-]+\.mp4$/);
      assert.equal((await server.admin.api('GET', `/videos/${pub.uuid}/source`)).status, 200);
    });

    it('refuses the source to others', async () => {
      assertProblem(await server.anonymous().api('GET', `/videos/${pub.uuid}/source`), 401);
      assertProblem(await other.api('GET', `/videos/${pub.uuid}/source`), 403);
      assertProblem(await owner.api('GET', '/videos/3f1c2b9e-0000-4000-8000-000000000000/source'), 404);
    });

    it('downloads the original byte for byte with the owner bearer or the owner token only', async () => {
      const { fileDownloadUrl } = await owner.expect<VideoSource>(200, 'GET', `/api/v1/videos/${prot.uuid}/source`);
      const res = await get(fileDownloadUrl!, { token: owner.token });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="my holiday\.mp4"/);
      assert.deepEqual(Buffer.from(await res.arrayBuffer()), readFileSync(clip));
      assert.equal((await get(withToken(fileDownloadUrl!, (await tokenOf(owner, prot)).token))).status, 200);
      assert.equal((await get(withToken(fileDownloadUrl!, (await tokenOf(server.anonymous(), prot, PW)).token))).status, 403);
      assert.equal((await get(fileDownloadUrl!, { headers: PW })).status, 401);
      assert.equal((await get(fileDownloadUrl!, { token: other.token, headers: PW })).status, 403);
    });
  });

  describe('thumbnails and previews', () => {
    it('serves the images of a public video to anyone', async () => {
      for (const path of [pub.thumbnailPath!, pub.previewPath!]) {
        const res = await get(server.url + path);
        assert.equal(res.status, 200, path);
        assert.equal(res.headers.get('content-type'), 'image/jpeg');
        assert.equal(res.headers.get('access-control-allow-origin'), '*');
      }
    });

    it('serves the images of a private video with its credentials only', async () => {
      const url = server.url + priv.previewPath!;
      assert.equal((await get(url)).status, 401);
      assert.equal((await get(url, { token: other.token })).status, 403);
      assert.equal((await get(url, { token: owner.token })).status, 200);
      assert.equal((await get(withToken(url, (await tokenOf(owner, priv)).token))).status, 200);
    });

    it('ignores a stale bearer token on a public image and answers 404 to unknown ones', async () => {
      assert.equal((await get(server.url + pub.thumbnailPath!, { token: 'stale-token' })).status, 200);
      assert.equal((await get(`${server.url}/lazy-static/thumbnails/3f1c2b9e-0000-4000-8000-000000000000.jpg`)).status, 404);
    });
  });
});
