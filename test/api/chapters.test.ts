import assert from 'node:assert/strict';
import { uploadLegacy, type ShoalClient } from '@shoal/api-client';
import { UserRole, type VideoChapter } from '@shoal/models';
import { makeClip } from '../shared/media';
import { assertProblem } from '../shared/problem';
import { TestServer } from '../shared/server-process';
import { createUser } from './api-fixtures';
import { waitFor } from '../shared/wait-for';

const PASSWORD = 'chapter-pass';
const UNKNOWN = '3f1c2b9e-0000-4000-8000-000000000000';

describe('Video chapters API', function () {
  this.timeout(90_000);
  let server: TestServer;
  let owner: ShoalClient;
  let other: ShoalClient;
  let pub: string;
  let priv: string;
  let prot: string;

  before(async () => {
    server = await new TestServer({ configYaml: 'transcoding:\n  concurrency: 2\n' }).start();
    [owner, other] = await Promise.all(
      ['ch_owner', 'ch_other'].map(async (name) => (await createUser(server, UserRole.USER, name)).client),
    );
    const channelId = (await owner.me()).videoChannels[0].id;
    const clip = await makeClip({ seconds: 2 });
    const upload = async (privacy: number, extra = {}) => {
      const res = await uploadLegacy(owner, clip, { channelId, name: 'Chaptered video', privacy, ...extra });
      assert.equal(res.status, 200, res.text);
      return res.body.video.uuid;
    };
    const description = 'A short clip.\n\n00:01 Second part\n0:00 Opening\n\nThanks for watching!';
    [pub, priv, prot] = await Promise.all([upload(1, { description }), upload(3), upload(5, { videoPasswords: [PASSWORD] })]);
    for (const uuid of [pub, priv, prot]) {
      await waitFor(async () => (await owner.expect<{ state: { id: number } }>(200, 'GET', `/api/v1/videos/${uuid}`)).state.id === 1, {
        timeout: 60_000,
        what: 'video published',
      });
    }
  });
  after(() => server?.destroy());

  const get = (client: ShoalClient, id: string, headers?: Record<string, string>) =>
    client.api<{ chapters: VideoChapter[] }>('GET', `/videos/${id}/chapters`, { headers });
  const put = (client: ShoalClient, id: string, json: unknown) => client.api('PUT', `/videos/${id}/chapters`, { json });

  describe('GET /videos/:id/chapters', () => {
    it('returns the chapters written in the description at upload, sorted', async () => {
      const res = await get(server.anonymous(), pub);
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, {
        chapters: [
          { timecode: 0, title: 'Opening' },
          { timecode: 1, title: 'Second part' },
        ],
      });
      assert.doesNotMatch(res.headers.get('cache-control') ?? '', /private/);
    });

    it('has the visibility of its private video', async () => {
      assertProblem(await get(server.anonymous(), priv), 401);
      assertProblem(await get(other, priv), 403);
      const mine = await get(owner, priv);
      assert.equal(mine.status, 200);
      assert.equal(mine.headers.get('cache-control'), 'private, no-store');
      assert.equal((await get(server.admin, priv)).status, 200);
    });

    it('honours the password header of a password-protected video', async () => {
      assertProblem(await get(server.anonymous(), prot), 401, 'video_requires_password');
      assertProblem(await get(other, prot), 403, 'video_requires_password');
      assertProblem(await get(server.anonymous(), prot, { 'x-peertube-video-password': 'wrong-one' }), 403, 'incorrect_video_password');
      assert.equal((await get(server.anonymous(), prot, { 'x-peertube-video-password': PASSWORD })).status, 200);
      assert.equal((await get(owner, prot)).status, 200);
    });

    it('answers 404 for an unknown video and 400 for a malformed id', async () => {
      assertProblem(await get(server.anonymous(), UNKNOWN), 404);
      assertProblem(await get(server.anonymous(), 'not an id'), 400);
    });
  });

  describe('PUT /videos/:id/chapters', () => {
    it('replaces every chapter and returns them sorted by timecode', async () => {
      const chapters = [
        { timecode: 2, title: 'Credits' },
        { timecode: 0, title: 'Start' },
        { timecode: 1, title: 'Middle' },
      ];
      assert.equal((await put(owner, priv, { chapters })).status, 204);
      assert.deepEqual(
        (await get(owner, priv)).body.chapters,
        [...chapters].sort((a, b) => a.timecode - b.timecode),
      );
    });

    it('clears the chapters with an empty list', async () => {
      await put(owner, priv, { chapters: [{ timecode: 0, title: 'Soon gone' }] });
      assert.equal((await put(owner, priv, { chapters: [] })).status, 204);
      assert.deepEqual((await get(owner, priv)).body.chapters, []);
    });

    it('lets a moderator (UPDATE_ANY_VIDEO) edit them', async () => {
      assert.equal((await put(server.admin, priv, { chapters: [{ timecode: 0, title: 'By admin' }] })).status, 204);
      assert.deepEqual((await get(owner, priv)).body.chapters, [{ timecode: 0, title: 'By admin' }]);
    });

    it('refuses bad bodies with 400 and keeps the chapters', async () => {
      await put(owner, pub, { chapters: [{ timecode: 0, title: 'Kept' }] });
      const bodies: unknown[] = [
        {},
        { chapters: 'nope' },
        { chapters: [{ timecode: 0, title: '' }] },
        { chapters: [{ timecode: 0, title: 'x'.repeat(101) }] },
        { chapters: [{ timecode: -1, title: 'Negative' }] },
        { chapters: [{ timecode: 1.5, title: 'Fraction' }] },
        { chapters: [{ timecode: '1', title: 'String' }] },
        { chapters: [{ title: 'No timecode' }] },
        {
          chapters: [
            { timecode: 1, title: 'Twice' },
            { timecode: 1, title: 'Again' },
          ],
        },
        { chapters: [{ timecode: 0, title: 'Extra', color: 'red' }] },
      ];
      for (const body of bodies) assertProblem(await put(owner, pub, body), 400, 'validation_error');
      assert.deepEqual((await get(owner, pub)).body.chapters, [{ timecode: 0, title: 'Kept' }]);
    });

    it('refuses timecodes beyond the video duration', async () => {
      assertProblem(await put(owner, pub, { chapters: [{ timecode: 60, title: 'Too late' }] }), 400);
    });

    it('accepts 100-character titles', async () => {
      const title = 't'.repeat(100);
      assert.equal((await put(owner, pub, { chapters: [{ timecode: 0, title }] })).status, 204);
      assert.deepEqual((await get(owner, pub)).body.chapters, [{ timecode: 0, title }]);
    });

    it('refuses anonymous (401), other users (403), unknown videos (404), malformed ids (400)', async () => {
      const body = { chapters: [{ timecode: 0, title: 'Intruder' }] };
      assertProblem(await put(server.anonymous(), pub, body), 401);
      assertProblem(await put(other, pub, body), 403);
      assertProblem(await put(owner, UNKNOWN, body), 404);
      assertProblem(await put(owner, 'not an id', body), 400);
      assert.notDeepEqual((await get(owner, pub)).body.chapters, body.chapters);
    });
  });

  describe('chapters from description edits', () => {
    const describeAs = (id: string, description: string) => owner.expect(204, 'PUT', `/api/v1/videos/${id}`, { json: { description } });

    it('follows the description while the chapters are the ones it gave', async () => {
      await describeAs(priv, 'No plan yet');
      await put(owner, priv, { chapters: [] });
      await describeAs(priv, 'Plan:\n0:00 Start\n0:01 End');
      assert.deepEqual((await get(owner, priv)).body.chapters, [
        { timecode: 0, title: 'Start' },
        { timecode: 1, title: 'End' },
      ]);
      await describeAs(priv, 'Plan:\n0:00 Begin\n0:02 Finish');
      assert.deepEqual((await get(owner, priv)).body.chapters, [
        { timecode: 0, title: 'Begin' },
        { timecode: 2, title: 'Finish' },
      ]);
    });

    it('never overwrites chapters set by hand', async () => {
      const manual = [{ timecode: 1, title: 'Hand made' }];
      await put(owner, priv, { chapters: manual });
      await describeAs(priv, 'New plan:\n0:00 One\n0:01 Two');
      assert.deepEqual((await get(owner, priv)).body.chapters, manual);
    });
  });
});
