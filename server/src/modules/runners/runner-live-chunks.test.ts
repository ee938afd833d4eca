import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyLiveUpdate, type LiveJobPrivatePayload } from './runner-live-chunks';

describe('live runner chunks', () => {
  let out: string;
  let uploads: string;
  const job = (sequenceOffset: number): LiveJobPrivatePayload => ({
    videoId: 1,
    videoUUID: 'x',
    outputDir: out,
    sequenceOffset,
    renditions: 2,
  });
  const file = async (name: string, text: string) => {
    const path = join(uploads, name);
    await writeFile(path, text);
    return path;
  };

  beforeEach(async () => {
    out = await mkdtemp(join(tmpdir(), 'live-out-'));
    uploads = await mkdtemp(join(tmpdir(), 'live-up-'));
  });
  afterEach(async () => {
    await rm(out, { recursive: true, force: true });
    await rm(uploads, { recursive: true, force: true });
  });

  it('shifts segment numbers and the media sequence after a restart, so names never repeat', async () => {
    const files = new Map([
      ['payload[videoChunkFile]', await file('a', 'chunk')],
      ['payload[resolutionPlaylistFile]', await file('b', '#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:1.0,\n1-000000.ts\n')],
    ]);
    await applyLiveUpdate(job(42), { type: 'add-chunk', videoChunkFilename: '1-000000.ts', resolutionPlaylistFilename: '1.m3u8' }, files);
    assert.deepEqual((await readdir(out)).sort(), ['1-000042.ts', '1.m3u8']);
    assert.equal(await readFile(join(out, '1.m3u8'), 'utf8'), '#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:42\n#EXTINF:1.0,\n1-000042.ts\n');
    await applyLiveUpdate(job(42), { type: 'remove-chunk', videoChunkFilename: '1-000000.ts' }, new Map());
    assert.deepEqual(await readdir(out), ['1.m3u8']);
  });

  it('refuses names and playlist lines that are not the live layout, before writing anything', async () => {
    const chunk = new Map([['payload[videoChunkFile]', await file('c', 'chunk')]]);
    const refused = async (payload: Record<string, unknown>, files: Map<string, string>) => {
      await assert.rejects(applyLiveUpdate(job(0), payload, files), (e: Error & { status?: number }) => e.status === 400);
    };
    await refused({ type: 'add-chunk', videoChunkFilename: '../0-000000.ts' }, chunk);
    await refused({ type: 'add-chunk', videoChunkFilename: '0-000000.mp4' }, chunk);
    await refused({ type: 'add-chunk', videoChunkFilename: '2-000000.ts' }, chunk);
    await refused({ type: 'remove-chunk', videoChunkFilename: '.hidden.ts' }, new Map());
    const withPlaylist = async (name: string, text: string) =>
      new Map([...chunk, ['payload[resolutionPlaylistFile]', await file(`playlist-${name}`, text)]]);
    await refused(
      { type: 'add-chunk', videoChunkFilename: '0-000000.ts', resolutionPlaylistFilename: 'master.m3u8' },
      await withPlaylist('m', '#EXTM3U\n'),
    );
    await refused(
      { type: 'add-chunk', videoChunkFilename: '0-000000.ts', resolutionPlaylistFilename: '0.m3u8' },
      await withPlaylist('p', '#EXTM3U\n#EXTINF:1.0,\n/etc/passwd\n'),
    );
    const master = new Map([
      ...chunk,
      ['payload[masterPlaylistFile]', await file('m', '#EXTM3U\n#EXT-X-MEDIA:TYPE=AUDIO,URI="http://x/a.m3u8"\n')],
    ]);
    await refused({ type: 'add-chunk', videoChunkFilename: '0-000000.ts' }, master);
    assert.deepEqual(await readdir(out), []);
  });
});
