import assert from 'node:assert/strict';
import { uploadLegacy, type ShoalClient } from '@shoal/api-client';
import { UserRole, type ResultList, type VideoPassword } from '@shoal/models';
import { makeClip } from '../shared/media';
import { assertProblem } from '../shared/problem';
import { TestServer } from '../shared/server-process';
import { createUser } from './api-fixtures';
import { waitFor } from '../shared/wait-for';

describe('Video passwords API', function () {
  this.timeout(60_000);
  let server: TestServer;
  let owner: ShoalClient;
  let other: ShoalClient;
  let channelId: number;
  let clip: string;
  let prot: string;
  let pub: string;
  /** Published, so viewing it really checks the password. */
  let watched: string;

  before(async () => {
    server = await new TestServer().start();
    [owner, other] = await Promise.all(
      ['pw_owner', 'pw_other'].map(async (name) => (await createUser(server, UserRole.USER, name)).client),
    );
    channelId = (await owner.me()).videoChannels[0].id;
    clip = await makeClip({ seconds: 2 });
    pub = await upload(1);
    watched = await upload(5, ['first-pass']);
    await waitFor(async () => (await owner.expect<{ state: { id: number } }>(200, 'GET', `/api/v1/videos/${watched}`)).state.id === 1, {
      timeout: 60_000,
      what: 'password video published',
    });
  });
  after(() => server?.destroy());

  // A fresh protected video per test: the tests change its password list.
  beforeEach(async () => {
    prot = await upload(5, ['first-pass', 'second-pass']);
  });

  async function upload(privacy: number, videoPasswords?: string[]): Promise<string> {
    const res = await uploadLegacy(owner, clip, { channelId, name: 'Password video', privacy, videoPasswords });
    assert.equal(res.status, 200, res.text);
    return res.body.video.uuid;
  }

  const list = (client: ShoalClient, id = prot, query = {}) =>
    client.api<ResultList<VideoPassword>>('GET', `/videos/${id}/passwords`, { query });
  const passwordsOf = async (id = prot) => (await list(owner, id)).body.data.map((p) => p.password);

  describe('GET /videos/:id/passwords', () => {
    it('lists the passwords to the owner, oldest first', async () => {
      const res = await list(owner);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'private, no-store');
      assert.equal(res.body.total, 2);
      const [first] = res.body.data;
      assert.deepEqual(Object.keys(first).sort(), ['id', 'password', 'videoId']);
      assert.deepEqual(
        res.body.data.map((p) => p.password),
        ['first-pass', 'second-pass'],
      );
    });

    it('lists them to a moderator (SEE_ALL_VIDEOS)', async () => {
      assert.equal((await list(server.admin)).status, 200);
    });

    it('pages and sorts', async () => {
      const page = await list(owner, prot, { start: 1, count: 1, sort: '-createdAt' });
      assert.equal(page.body.total, 2);
      assert.equal(page.body.data.length, 1);
      assertProblem(await list(owner, prot, { sort: 'password' }), 400);
      assertProblem(await list(owner, prot, { count: 101 }), 400);
    });

    it('refuses anonymous (401), other users (403), unknown videos (404), malformed ids (400)', async () => {
      assertProblem(await list(server.anonymous()), 401);
      assertProblem(await list(other), 403);
      assertProblem(await list(owner, '3f1c2b9e-0000-4000-8000-000000000000'), 404);
      assertProblem(await list(owner, 'bad id'), 400);
    });

    it('answers 400 for a video that is not password-protected', async () => {
      assertProblem(await list(owner, pub), 400);
    });
  });

  describe('PUT /videos/:id/passwords', () => {
    const put = (client: ShoalClient, json: unknown, id = prot) => client.api('PUT', `/videos/${id}/passwords`, { json });

    it('replaces the whole list; old passwords stop working at once', async () => {
      assert.equal((await put(owner, { passwords: ['new-one', 'new-two'] }, watched)).status, 204);
      assert.deepEqual((await passwordsOf(watched)).sort(), ['new-one', 'new-two']);
      const as = (password: string) =>
        server.anonymous().api('GET', `/videos/${watched}`, { headers: { 'x-peertube-video-password': password } });
      assertProblem(await as('first-pass'), 403, 'incorrect_video_password');
      assert.equal((await as('new-two')).status, 200);
    });

    it('lets a moderator (UPDATE_ANY_VIDEO) replace them', async () => {
      assert.equal((await put(server.admin, { passwords: ['by-admin'] })).status, 204);
      assert.deepEqual(await passwordsOf(), ['by-admin']);
    });

    it('refuses bad bodies with 400', async () => {
      const bodies: unknown[] = [
        {},
        { passwords: [] },
        { passwords: 'single' },
        { passwords: ['a'] },
        { passwords: ['x'.repeat(100)] },
        { passwords: ['same-one', 'same-one'] },
        { passwords: [12] },
        { passwords: ['fine-one'], extra: true },
      ];
      for (const body of bodies) assertProblem(await put(owner, body), 400, 'validation_error');
      assert.deepEqual(await passwordsOf(), ['first-pass', 'second-pass']);
    });

    it('never echoes passwords back in validation errors', async () => {
      const res = await put(owner, { passwords: ['p'] });
      assert.doesNotMatch(res.text, /"p"/);
    });

    it('refuses anonymous (401), other users (403), unknown videos (404), unprotected videos (400)', async () => {
      assertProblem(await put(server.anonymous(), { passwords: ['nice-try'] }), 401);
      assertProblem(await put(other, { passwords: ['nice-try'] }), 403);
      assertProblem(await put(owner, { passwords: ['nice-try'] }, '3f1c2b9e-0000-4000-8000-000000000000'), 404);
      assertProblem(await put(owner, { passwords: ['nice-try'] }, pub), 400);
      assert.deepEqual(await passwordsOf(), ['first-pass', 'second-pass']);
    });
  });

  describe('DELETE /videos/:id/passwords/:passwordId', () => {
    const del = (client: ShoalClient, passwordId: number | string, id = prot) =>
      client.api('DELETE', `/videos/${id}/passwords/${passwordId}`);
    const ids = async () => (await list(owner)).body.data.map((p) => p.id);

    it('deletes one password, but never the last one (403)', async () => {
      const [first, second] = await ids();
      assert.equal((await del(owner, first)).status, 204);
      assert.deepEqual(await passwordsOf(), ['second-pass']);
      assertProblem(await del(owner, second), 403);
      assert.deepEqual(await passwordsOf(), ['second-pass']);
    });

    it('answers 404 for a password of another video and 400 for a malformed id', async () => {
      const otherVideo = await upload(5, ['elsewhere']);
      const [foreign] = (await list(owner, otherVideo)).body.data;
      assertProblem(await del(owner, foreign.id), 404);
      assertProblem(await del(owner, 999999), 404);
      assertProblem(await del(owner, 'abc'), 400);
      assertProblem(await del(owner, 0), 400);
    });

    it('refuses anonymous (401) and other users (403)', async () => {
      const [first] = await ids();
      assertProblem(await del(server.anonymous(), first), 401);
      assertProblem(await del(other, first), 403);
      assert.equal((await ids()).length, 2);
    });
  });
});
