import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { uploadLegacy, type ShoalClient } from '@shoal/api-client';
import { UserRole, VIDEO_CAPTION_CONSTRAINTS, type VideoCaptionList } from '@shoal/models';
import { assertInvalid, createUser, fileForm } from '../api/api-fixtures';
import { makeClip } from '../shared/media';
import { assertProblem } from '../shared/problem';
import { TestServer } from '../shared/server-process';
import { waitFor } from '../shared/wait-for';

const PASSWORD = 'caption-pass';
const PW = { 'x-peertube-video-password': PASSWORD };
const UNKNOWN = '3f1c2b9e-0000-4000-8000-000000000000';
const VTT = 'WEBVTT\n\n00:00.000 --> 00:01.000\nBonjour\n';
const SRT = '1\r\n00:00:00,000 --> 00:00:01,5\r\nHello <font color="red">there</font>\r\n\r\n2\r\n00:00:01,500 --> 00:00:02,000\r\nBye\r\n';

describe('Video captions API', function () {
  this.timeout(120_000);
  let server: TestServer;
  let owner: ShoalClient;
  let other: ShoalClient;
  let channelId: number;
  let clip: string;
  let pub: string;
  let priv: string;
  let prot: string;

  const upload = async (privacy: number, extra = {}) => {
    const res = await uploadLegacy(owner, clip, { channelId, name: 'Captioned video', privacy, ...extra });
    assert.equal(res.status, 200, res.text);
    const uuid = res.body.video.uuid as string;
    await waitFor(async () => (await owner.expect<{ state: { id: number } }>(200, 'GET', `/api/v1/videos/${uuid}`)).state.id === 1, {
      timeout: 60_000,
      what: 'video published',
    });
    return uuid;
  };

  before(async () => {
    server = await new TestServer({ configYaml: 'transcoding:\n  concurrency: 2\n' }).start();
    [owner, other] = await Promise.all(
      ['cap_owner', 'cap_other'].map(async (name) => (await createUser(server, UserRole.USER, name)).client),
    );
    channelId = (await owner.me()).videoChannels[0].id;
    clip = await makeClip({ seconds: 2 });
    [pub, priv, prot] = await Promise.all([upload(1), upload(3), upload(5, { videoPasswords: [PASSWORD] })]);
  });
  after(() => server?.destroy());

  const list = (client: ShoalClient, id: string, headers?: Record<string, string>) =>
    client.api<VideoCaptionList>('GET', `/videos/${id}/captions`, { headers });
  const put = (client: ShoalClient, id: string, lang: string, content: string | Buffer = VTT, filename = 'subs.vtt', type = 'text/vtt') =>
    client.api('PUT', `/videos/${id}/captions/${lang}`, { body: fileForm('captionfile', content, filename, type) });
  const del = (client: ShoalClient, id: string, lang: string) => client.api('DELETE', `/videos/${id}/captions/${lang}`);
  const fetchFile = (url: string, headers: Record<string, string> = {}) => fetch(url, { headers });
  const bearer = (client: ShoalClient) => ({ authorization: `Bearer ${client.token}` });
  const captionFiles = () => readdirSync(join(server.storageDir, 'captions'));

  it('announces the caption upload limits in GET /config', async () => {
    const config = await server.anonymous().expect<{ videoCaption: unknown }>(200, 'GET', '/api/v1/config');
    assert.deepEqual(config.videoCaption, { file: { size: { max: 20 * 1024 * 1024 }, extensions: ['.vtt', '.srt'] } });
  });

  describe('upload and list', () => {
    it('lists no caption for a new video', async () => {
      const res = await list(server.anonymous(), pub);
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, { total: 0, data: [] });
    });

    it('stores a WebVTT file and lists it in PeerTube shape', async () => {
      assert.equal((await put(owner, pub, 'fr')).status, 204);
      const res = await list(server.anonymous(), pub);
      assert.equal(res.body.total, 1);
      const [caption] = res.body.data;
      assert.deepEqual(caption.language, { id: 'fr', label: 'French' });
      assert.match(caption.captionPath, /^\/lazy-static\/video-captions\/[0-9a-f-]{36}-fr\.vtt$/);
      assert.equal(caption.fileUrl, `${server.url}${caption.captionPath}`);
      assert.equal(caption.automaticallyGenerated, false);
      assert.ok(!Number.isNaN(Date.parse(caption.updatedAt)));
      assert.doesNotMatch(res.headers.get('cache-control') ?? '', /private/);

      const file = await fetchFile(caption.fileUrl);
      assert.equal(file.status, 200);
      assert.equal(file.headers.get('content-type'), 'text/vtt; charset=utf-8');
      assert.equal(file.headers.get('access-control-allow-origin'), '*');
      assert.match(file.headers.get('cache-control') ?? '', /public/);
      assert.equal(await file.text(), VTT);
    });

    it('converts SubRip to WebVTT on upload', async () => {
      assert.equal((await put(owner, pub, 'en', SRT, 'subs.srt', 'application/x-subrip')).status, 204);
      const en = (await list(owner, pub)).body.data.find((c) => c.language.id === 'en')!;
      const text = await (await fetchFile(en.fileUrl)).text();
      assert.equal(text, 'WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.005\nHello there\n\n2\n00:00:01.500 --> 00:00:02.000\nBye\n');
    });

    it('replaces the caption of a language with a new file under a new name', async () => {
      const before = (await list(owner, pub)).body.data.find((c) => c.language.id === 'fr')!;
      const next = 'WEBVTT\n\n00:00.500 --> 00:01.500\nBonsoir\n';
      assert.equal((await put(owner, pub, 'fr', next)).status, 204);
      const after = (await list(owner, pub)).body;
      assert.equal(after.total, 2);
      const fr = after.data.find((c) => c.language.id === 'fr')!;
      assert.notEqual(fr.fileUrl, before.fileUrl);
      assert.ok(Date.parse(fr.updatedAt) >= Date.parse(before.updatedAt));
      assert.equal(await (await fetchFile(fr.fileUrl)).text(), next);
      assert.equal((await fetchFile(before.fileUrl)).status, 404);
    });

    it('lets a moderator (UPDATE_ANY_VIDEO) add one', async () => {
      assert.equal((await put(server.admin, pub, 'de')).status, 204);
      assert.ok((await list(owner, pub)).body.data.some((c) => c.language.id === 'de'));
    });
  });

  describe('PUT refusals', () => {
    it('refuses a missing file, an unknown language and a malformed id with 400', async () => {
      const empty = await owner.api('PUT', `/videos/${pub}/captions/it`, { body: new FormData() });
      assertInvalid(empty, 'captionfile');
      assertInvalid(await put(owner, pub, 'xx'), 'captionLanguage');
      assertInvalid(await put(owner, pub, 'FR'), 'captionLanguage');
      assertProblem(await put(owner, 'not an id', 'it'), 400);
    });

    it('refuses files that are not captions with 400, never 500', async () => {
      const bad: Array<[string | Buffer, string]> = [
        ['WEBVTT\n\n00:00 --> soon\nBroken timing', 'bad.vtt'],
        ['Just some text', 'plain.vtt'],
        ['Just some text', 'plain.srt'],
        ['1\n00:00:01,000 --> 00:00:00,000\nBackwards', 'back.srt'],
        [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00]), 'image.vtt'],
        [VTT, 'subs.txt'],
        [VTT, 'noextension'],
      ];
      for (const [content, filename] of bad) assertProblem(await put(owner, pub, 'it', content, filename), 400, 'validation_error');
      assert.ok(!(await list(owner, pub)).body.data.some((c) => c.language.id === 'it'));
    });

    it('refuses a file over the size limit', async () => {
      const big = `WEBVTT\n\n00:00.000 --> 00:01.000\n${'x'.repeat(VIDEO_CAPTION_CONSTRAINTS.maxBytes)}\n`;
      assertProblem(await put(owner, pub, 'it', big), 413, 'max_file_size_reached');
    });

    it('refuses anonymous (401), other users (403), unknown videos (404)', async () => {
      assertProblem(await put(server.anonymous(), pub, 'it'), 401);
      assertProblem(await put(other, pub, 'it'), 403);
      assertProblem(await put(other, priv, 'it'), 403);
      assertProblem(await put(owner, UNKNOWN, 'it'), 404);
      assert.ok(!(await list(owner, pub)).body.data.some((c) => c.language.id === 'it'));
    });
  });

  describe('DELETE /videos/:id/captions/:captionLanguage', () => {
    it('removes the caption and its file', async () => {
      const en = (await list(owner, pub)).body.data.find((c) => c.language.id === 'en')!;
      assertProblem(await del(server.anonymous(), pub, 'en'), 401);
      assertProblem(await del(other, pub, 'en'), 403);
      assert.equal((await del(owner, pub, 'en')).status, 204);
      assert.ok(!(await list(owner, pub)).body.data.some((c) => c.language.id === 'en'));
      assert.equal((await fetchFile(en.fileUrl)).status, 404);
      assert.ok(!captionFiles().includes(en.captionPath.split('/').pop()!));
    });

    it('answers 404 for a language without caption or an unknown video, 400 for an unknown language', async () => {
      assertProblem(await del(owner, pub, 'en'), 404);
      assertProblem(await del(owner, UNKNOWN, 'fr'), 404);
      assertProblem(await del(owner, pub, 'xx'), 400);
    });
  });

  describe('visibility', () => {
    let privUrl: string;
    let protUrl: string;

    before(async () => {
      await put(owner, priv, 'fr');
      await put(owner, prot, 'fr');
      privUrl = (await list(owner, priv)).body.data[0].fileUrl;
      protUrl = (await list(owner, prot)).body.data[0].fileUrl;
    });

    it('lists captions of a private video to its owner and moderators only, uncached', async () => {
      assertProblem(await list(server.anonymous(), priv), 401);
      assertProblem(await list(other, priv), 403);
      const mine = await list(owner, priv);
      assert.equal(mine.status, 200);
      assert.equal(mine.headers.get('cache-control'), 'private, no-store');
      assert.equal((await list(server.admin, priv)).status, 200);
    });

    it('honours the password header of a password-protected video', async () => {
      assertProblem(await list(server.anonymous(), prot), 401, 'video_requires_password');
      assertProblem(await list(server.anonymous(), prot, { 'x-peertube-video-password': 'wrong' }), 403, 'incorrect_video_password');
      const ok = await list(server.anonymous(), prot, PW);
      assert.equal(ok.status, 200);
      assert.equal(ok.body.total, 1);
      assert.equal(ok.headers.get('cache-control'), 'private, no-store');
    });

    it('answers 404 for an unknown video and 400 for a malformed id', async () => {
      assertProblem(await list(server.anonymous(), UNKNOWN), 404);
      assertProblem(await list(server.anonymous(), 'not an id'), 400);
    });

    it('serves a private caption file only with the credentials of the video files', async () => {
      assert.match(privUrl, /\/lazy-static\/video-captions\/[0-9a-f-]{36}-fr\.vtt$/);
      assert.equal((await fetchFile(privUrl)).status, 401);
      assert.equal((await fetchFile(privUrl, bearer(other))).status, 403);
      const mine = await fetchFile(privUrl, bearer(owner));
      assert.equal(mine.status, 200);
      assert.equal(mine.headers.get('cache-control'), 'private, no-store');
      const { files } = await owner.expect<{ files: { token: string } }>(200, 'POST', `/api/v1/videos/${priv}/token`);
      assert.equal((await fetchFile(`${privUrl}?videoFileToken=${encodeURIComponent(files.token)}`)).status, 200);
      assert.equal((await fetchFile(`${privUrl}?videoFileToken=forged.token.value.x`)).status, 403);
    });

    it('serves a password-protected caption file with the password header', async () => {
      assert.equal((await fetchFile(protUrl)).status, 401);
      assert.equal((await fetchFile(protUrl, PW)).status, 200);
    });

    it('protects the file of a public video once the video turns private', async () => {
      const video = await upload(1);
      await put(owner, video, 'es');
      const url = (await list(owner, video)).body.data[0].fileUrl;
      assert.equal((await fetchFile(url)).status, 200);
      await owner.expect(204, 'PUT', `/api/v1/videos/${video}`, { json: { privacy: 3 } });
      assert.equal((await fetchFile(url)).status, 401);
    });

    it('answers 404 for unknown or malformed file names', async () => {
      const base = `${server.url}/lazy-static/video-captions/`;
      for (const name of ['3f1c2b9e-0000-4000-8000-000000000000-fr.vtt', '..%2Fsecret.vtt', 'x.srt', '.hidden.vtt']) {
        assert.equal((await fetchFile(base + name)).status, 404, name);
      }
    });
  });

  it('removes caption rows and files with their video', async () => {
    const video = await upload(1);
    await put(owner, video, 'fr');
    await put(owner, video, 'en', SRT, 'subs.srt');
    const names = (await list(owner, video)).body.data.map((c) => c.captionPath.split('/').pop()!);
    assert.ok(names.every((n) => captionFiles().includes(n)));
    await owner.expect(204, 'DELETE', `/api/v1/videos/${video}`);
    assert.ok(names.every((n) => !captionFiles().includes(n)));
    assert.ok(!existsSync(join(server.storageDir, 'captions', names[0])));
    const rows = await server.sql('SELECT c.id FROM video_captions c LEFT JOIN videos v ON v.id = c.video_id WHERE v.id IS NULL');
    assert.equal(rows.length, 0);
  });
});
