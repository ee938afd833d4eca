import assert from 'node:assert/strict';
import type { VideoCaptionList } from '@shoal/models';
import { createUser, fileForm, type TestUser } from '../../api/api-fixtures';
import { makeClip } from '../../shared/media';
import { startServers, type TestServer } from '../../shared/server-process';
import { waitFor } from '../../shared/wait-for';
import { uploadAndWait } from '../../videos/published';
import { FEDERATION_TEST_CONFIG, apGet, channelIdOf, remoteVideo, followInstance } from './objects-fixtures';

const VTT = (text: string) => `WEBVTT\n\n00:00.000 --> 00:01.000\n${text}\n`;

/** A's instance is followed by B's: captions added, replaced and removed on A show on B as links to A's files. */
describe('federation objects: captions', function () {
  this.timeout(300_000);
  let a: TestServer, b: TestServer;
  let alice: TestUser;
  let uuid: string;

  const putCaption = (lang: string, text: string) =>
    alice.client.expect(204, 'PUT', `/api/v1/videos/${uuid}/captions/${lang}`, {
      body: fileForm('captionfile', VTT(text), `${lang}.vtt`, 'text/vtt'),
    });
  const languagesOn = async (server: TestServer) => {
    const res = await server.anonymous().api<VideoCaptionList>('GET', `/videos/${uuid}/captions`);
    return res.status === 200 ? res.body.data.map((c) => c.language.id).join(',') : null;
  };

  before(async () => {
    [a, b] = await startServers(2, { configYaml: FEDERATION_TEST_CONFIG });
    alice = await createUser(a);
    await followInstance(b, a);
    const clip = await makeClip({ seconds: 2, width: 320, height: 240 });
    uuid = (await uploadAndWait(alice.client, clip, { channelId: await channelIdOf(alice), name: 'Subtitled clip', privacy: 1 })).uuid;
    await remoteVideo(b, uuid);
  });

  after(async () => {
    await Promise.all([a, b].filter(Boolean).map((s) => s.destroy()));
  });

  it('sends captions in the Video object as subtitleLanguage', async () => {
    await putCaption('fr', 'Bonjour');
    const object = (await (await apGet(a, `/videos/watch/${uuid}`)).json()) as { subtitleLanguage: unknown[] };
    const local = (await alice.client.api<VideoCaptionList>('GET', `/videos/${uuid}/captions`)).body.data[0];
    assert.deepEqual(object.subtitleLanguage, [
      {
        identifier: 'fr',
        name: 'French',
        automaticallyGenerated: false,
        url: [{ type: 'Link', mediaType: 'text/vtt', href: local.fileUrl }],
      },
    ]);
  });

  it('lists a remote video’s captions with their origin URL', async () => {
    await waitFor(async () => (await languagesOn(b)) === 'fr', { timeout: 60_000, what: 'caption on B' });
    const [caption] = (await b.anonymous().api<VideoCaptionList>('GET', `/videos/${uuid}/captions`)).body.data;
    assert.deepEqual(caption.language, { id: 'fr', label: 'French' });
    assert.ok(caption.fileUrl.startsWith(`${a.url}/lazy-static/video-captions/`), caption.fileUrl);
    const file = await fetch(caption.fileUrl);
    assert.equal(file.status, 200);
    assert.equal(await file.text(), VTT('Bonjour'));
    // Nothing was downloaded: B only keeps the link.
    const [row] = await b.sql<{ filename: string | null; file_url: string }>('SELECT filename, file_url FROM video_captions');
    assert.deepEqual(row, { filename: null, file_url: caption.fileUrl });
  });

  it('follows additions, replacements and removals made on the origin', async () => {
    await putCaption('en', 'Hello');
    await putCaption('fr', 'Salut');
    await alice.client.expect(204, 'DELETE', `/api/v1/videos/${uuid}/captions/en`);
    await putCaption('de', 'Hallo');
    await waitFor(async () => (await languagesOn(b)) === 'de,fr', { timeout: 60_000, what: 'de,fr on B' });
    const fr = (await b.anonymous().api<VideoCaptionList>('GET', `/videos/${uuid}/captions`)).body.data.find(
      (c) => c.language.id === 'fr',
    )!;
    assert.equal(await (await fetch(fr.fileUrl)).text(), VTT('Salut'));
  });

  it('forgets the captions with the video', async () => {
    await alice.client.expect(204, 'DELETE', `/api/v1/videos/${uuid}`);
    await waitFor(async () => (await b.sql('SELECT id FROM video_captions')).length === 0, { timeout: 60_000, what: 'captions gone on B' });
  });
});
