import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { openResumable, sendChunk, uploadLegacy, uploadResumable, type ShoalClient } from '@shoal/api-client';
import { makeClip } from '../shared/media';
import { assertProblem } from '../shared/problem';
import { TestServer } from '../shared/server-process';
import { waitFor } from '../shared/wait-for';

/** Files an upload may leave behind: none after a refusal. */
function leftovers(server: TestServer): string[] {
  const dirs = ['tmp/uploads', 'tmp/resumable-uploads', 'original-video-files'];
  return dirs.flatMap((d) => {
    try {
      return readdirSync(join(server.storageDir, d)).map((f) => `${d}/${f}`);
    } catch {
      return [];
    }
  });
}

describe('Video uploads', function () {
  let server: TestServer;
  let user: ShoalClient;
  let channelId: number;
  let clip: string;
  const scratch = mkdtempSync(join(tmpdir(), 'shoal-upload-'));

  before(async () => {
    server = await new TestServer({ configYaml: 'uploads:\n  max_file_size: 2MB\n' }).start();
    await server.admin.createUser({
      username: 'uploader',
      password: 'uploader-password',
      email: 'up@example.com',
      role: 2,
      videoQuota: 1_500_000,
    });
    user = await server.anonymous().as('uploader', 'uploader-password');
    channelId = (await user.me()).videoChannels[0].id;
    clip = await makeClip({ seconds: 2 });
  });
  after(() => server.destroy());

  const file = (name: string, content: Buffer | string) => {
    const p = join(scratch, name);
    writeFileSync(p, content);
    return p;
  };

  it('accepts a legacy multipart upload', async () => {
    const res = await uploadLegacy(user, clip, { channelId, name: 'legacy upload', privacy: 1, tags: ['one', 'two'] });
    assert.equal(res.status, 200, res.text);
    assert.equal(typeof res.body.video.id, 'number');
    assert.match(res.body.video.uuid, /^[0-9a-f-]{36}$/);
    const details = await user.expect<{ name: string; tags: string[]; state: { id: number } }>(
      200,
      'GET',
      `/api/v1/videos/${res.body.video.shortUUID}`,
    );
    assert.equal(details.name, 'legacy upload');
    assert.deepEqual(details.tags, ['one', 'two']);
  });

  it('accepts a chunked resumable upload with 308 and Range until the last chunk', async () => {
    const data = readFileSync(clip);
    const opened = await openResumable(user, '/videos/upload-resumable', data.length, {
      filename: 'clip.mp4',
      channelId,
      name: 'resumable',
    });
    assert.equal(opened.status, 201);
    assert.match(opened.headers.get('location') ?? '', /^\/\/.+\/api\/v1\/videos\/upload-resumable\?upload_id=[0-9a-f]{32}$/);
    const first = await sendChunk(user, '/videos/upload-resumable', opened.uploadId!, data, 0, 9999);
    assert.equal(first.status, 308);
    assert.equal(first.headers.get('range'), 'bytes=0-9999');
    const last = await sendChunk(user, '/videos/upload-resumable', opened.uploadId!, data, 10000, data.length - 1);
    assert.equal(last.status, 200, last.text);
    assert.ok((last.body as { video: { id: number } }).video.id);
    // A repeated final chunk gets the same answer (clients retry on network errors).
    const again = await sendChunk(user, '/videos/upload-resumable', opened.uploadId!, data, 10000, data.length - 1);
    assert.deepEqual(again.body, last.body);
  });

  it('resumes after a dropped connection from the bytes that arrived', async () => {
    const data = readFileSync(clip);
    const opened = await openResumable(user, '/videos/upload-resumable', data.length, { filename: 'drop.mp4', channelId, name: 'dropped' });
    await dropMidChunk(server, user.token!, opened.uploadId!, data, 20000);
    // The server notices the cut on its own time: poll until it releases the session.
    const status = await waitFor(async () => {
      const res = await user.api('PUT', '/videos/upload-resumable', {
        query: { upload_id: opened.uploadId! },
        headers: { 'content-range': `bytes */${data.length}` },
      });
      return res.status === 308 ? res : null;
    });
    const received = Number(/bytes=0-(\d+)/.exec(status.headers.get('range') ?? 'bytes=0--1')?.[1] ?? -1) + 1;
    assert.ok(received > 0 && received < 20000, `received ${received}`);
    const done = await sendChunk(user, '/videos/upload-resumable', opened.uploadId!, data, received, data.length - 1);
    assert.equal(done.status, 200, done.text);
  });

  it('resumes after a server restart', async () => {
    const data = readFileSync(clip);
    const opened = await openResumable(user, '/videos/upload-resumable', data.length, {
      filename: 'restart.mp4',
      channelId,
      name: 'restarted',
    });
    assert.equal((await sendChunk(user, '/videos/upload-resumable', opened.uploadId!, data, 0, 29999)).status, 308);
    await server.restart();
    const done = await sendChunk(user, '/videos/upload-resumable', opened.uploadId!, data, 30000, data.length - 1);
    assert.equal(done.status, 200, done.text);
  });

  it('refuses a chunk that does not start where the upload stands', async () => {
    const data = readFileSync(clip);
    const opened = await openResumable(user, '/videos/upload-resumable', data.length, { filename: 'gap.mp4', channelId, name: 'gap' });
    assertProblem(await sendChunk(user, '/videos/upload-resumable', opened.uploadId!, data, 100, 199), 409);
    assert.equal((await user.api('DELETE', '/videos/upload-resumable', { query: { upload_id: opened.uploadId! } })).status, 204);
    assertProblem(await sendChunk(user, '/videos/upload-resumable', opened.uploadId!, data, 0, 99), 404);
  });

  it("does not let another user write into someone's upload", async () => {
    const data = readFileSync(clip);
    const opened = await openResumable(user, '/videos/upload-resumable', data.length, { filename: 'mine.mp4', channelId, name: 'mine' });
    assertProblem(await sendChunk(server.admin, '/videos/upload-resumable', opened.uploadId!, data, 0, 99), 404);
  });

  it('counts uploaded originals in the quota', async () => {
    const used = await user.expect<{ videoQuotaUsed: number; videoQuotaUsedDaily: number }>(
      200,
      'GET',
      '/api/v1/users/me/video-quota-used',
    );
    const size = readFileSync(clip).length;
    assert.ok(used.videoQuotaUsed >= 4 * size, `used ${used.videoQuotaUsed}`);
    assert.equal(used.videoQuotaUsedDaily, used.videoQuotaUsed);
  });

  it('accepts an audio-only upload', async () => {
    const audio = await makeClip({ audioOnly: true, seconds: 2 });
    const res = await uploadResumable(user, audio, { channelId, name: 'audio only' }, { mime: 'audio/mp4' });
    assert.equal(res.status, 200, res.text);
  });

  describe('refused inputs leave nothing behind', () => {
    let before: string[];
    beforeEach(() => {
      before = leftovers(server);
    });
    afterEach(() => assert.deepEqual(leftovers(server), before));

    const both = async (path: string, filename: string, status: number, code?: string) => {
      assertProblem(await uploadLegacy(user, path, { channelId, name: 'refused' }, filename), status, code);
      assertProblem(await uploadResumable(user, path, { channelId, name: 'refused' }, { filename }), status, code);
    };

    it('a 0-byte file', async () => {
      assertProblem(await uploadLegacy(user, file('empty.mp4', ''), { channelId, name: 'refused' }), 422, 'invalid_media');
    });
    it('random bytes named .mp4', async () => {
      await both(
        file('random.mp4', Buffer.from(Array.from({ length: 50_000 }, () => Math.floor(Math.random() * 256)))),
        'random.mp4',
        422,
        'invalid_media',
      );
    });
    it('a truncated MP4', async () => {
      const data = readFileSync(clip);
      await both(file('truncated.mp4', data.subarray(0, 3000)), 'truncated.mp4', 422, 'invalid_media');
    });
    it('a text file', async () => {
      await both(file('notes.txt', 'just some text\n'.repeat(100)), 'notes.txt', 415, 'unsupported_media_type');
      await both(file('notes.mp4', 'just some text\n'.repeat(100)), 'notes.mp4', 422, 'invalid_media');
    });
    it('an image', async () => {
      const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: 'blue' } })
        .png()
        .toBuffer();
      await both(file('picture.png', png), 'picture.png', 415, 'unsupported_media_type');
      await both(file('picture.mp4', png), 'picture.mp4', 422, 'invalid_media');
    });
    it('a file over the size limit', async () => {
      const big = file('big.mp4', Buffer.alloc(2.5 * 1024 * 1024));
      assertProblem(await uploadLegacy(user, big, { channelId, name: 'big' }), 413, 'max_file_size_reached');
      assertProblem(
        await openResumable(user, '/videos/upload-resumable', 3 * 1024 * 1024, { filename: 'big.mp4', channelId, name: 'big' }),
        413,
        'max_file_size_reached',
      );
    });
    it('an upload over the user quota', async () => {
      assertProblem(
        await openResumable(user, '/videos/upload-resumable', 1_900_000, { filename: 'q.mp4', channelId, name: 'quota' }),
        413,
        'quota_reached',
      );
    });
    it('bad metadata', async () => {
      assertProblem(await uploadLegacy(user, clip, { channelId, name: 'x' }), 400, 'validation_error');
      assertProblem(await uploadLegacy(user, clip, { channelId: 999999, name: 'no channel' }), 400);
      assertProblem(await uploadLegacy(user, clip, { channelId, name: 'pw', privacy: 5 }), 400);
      assertProblem(await uploadLegacy(server.anonymous(), clip, { channelId, name: 'anon' }), 401);
      assertProblem(await openResumable(user, '/videos/upload-resumable', 10, { channelId, name: 'no filename' }), 400);
    });
    it("someone else's channel", async () => {
      const rootChannel = (await server.admin.me()).videoChannels[0].id;
      assertProblem(await uploadLegacy(user, clip, { channelId: rootChannel, name: 'not mine' }), 403);
    });
  });
});

/** Sends part of a chunk then cuts the connection, as a flaky network would. */
function dropMidChunk(server: TestServer, token: string, uploadId: string, data: Buffer, chunkEnd: number): Promise<void> {
  return new Promise((resolve) => {
    const req = httpRequest(`${server.url}/api/v1/videos/upload-resumable?upload_id=${uploadId}`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/octet-stream',
        'content-range': `bytes 0-${chunkEnd - 1}/${data.length}`,
        'content-length': String(chunkEnd),
      },
    });
    req.on('error', () => undefined);
    req.write(data.subarray(0, chunkEnd / 2));
    // Cut the connection once the server has stored some of the bytes, as a flaky network would.
    const onDisk = join(server.storageDir, 'tmp/resumable-uploads', uploadId);
    waitFor(() => existsSync(onDisk) && statSync(onDisk).size > 0).then(() => {
      req.destroy();
      resolve();
    });
  });
}
