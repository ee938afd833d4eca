import assert from 'node:assert/strict';
import { uploadLegacy, type ShoalClient } from '@shoal/api-client';
import { UserRole, type VideoDetails, type VideoSource } from '@shoal/models';
import { makeClip } from '../shared/media';
import { TestServer } from '../shared/server-process';
import { createUser } from './api-fixtures';
import { waitFor } from '../shared/wait-for';

/**
 * Every privacy × every kind of viewer × every place a video shows up: nothing leaks and
 * nobody entitled is refused. The expected answers below are written from the rules in
 * the spec, independently of the server's code.
 */
const PRIVACIES = { public: 1, unlisted: 2, private: 3, internal: 4, password: 5 } as const;
type Privacy = keyof typeof PRIVACIES;
const PASSWORD = 'matrix-pass';

interface Viewer {
  name: string;
  who: 'anon' | 'other' | 'owner' | 'admin';
  password?: string;
  /** A file token in the query: issued to the owner, or to an anonymous password holder. */
  fileToken?: 'owner' | 'password';
}

const VIEWERS: Viewer[] = [
  { name: 'anonymous', who: 'anon' },
  { name: 'anonymous with the password', who: 'anon', password: PASSWORD },
  { name: 'anonymous with a wrong password', who: 'anon', password: 'wrong-pass' },
  { name: 'other user', who: 'other' },
  { name: 'other user with the password', who: 'other', password: PASSWORD },
  { name: 'owner', who: 'owner' },
  { name: 'admin', who: 'admin' },
  { name: 'anonymous with the owner file token', who: 'anon', fileToken: 'owner' },
  // Issued for the password video: on any other video it must be worthless.
  { name: 'anonymous with a password file token', who: 'anon', fileToken: 'password' },
];

const privileged = (v: Viewer) => v.who === 'owner' || v.who === 'admin';
const hasPrivateFiles = (p: Privacy) => p === 'private' || p === 'internal' || p === 'password';

/** The spec's rule for the API (details): bearer and password header only. */
function seesVideo(p: Privacy, v: Viewer): boolean {
  if (privileged(v)) return true;
  if (p === 'public' || p === 'unlisted') return true;
  if (p === 'internal') return v.who !== 'anon';
  if (p === 'password') return v.password === PASSWORD;
  return false;
}

/** Files: public trees are open; private ones take the API rule or a file token of that video. */
function getsFiles(p: Privacy, v: Viewer): boolean {
  if (!hasPrivateFiles(p) || seesVideo(p, v)) return true;
  if (v.fileToken === 'owner') return true;
  return v.fileToken === 'password' && p === 'password';
}

const RULES: Record<string, (p: Privacy, v: Viewer) => boolean> = {
  details: seesVideo,
  'video list': (p, v) => p === 'public' || (p === 'internal' && v.who !== 'anon'),
  'master playlist': getsFiles,
  'segment byte range': getsFiles,
  'sha256 json': getsFiles,
  thumbnail: getsFiles,
  'HLS download': getsFiles,
  original: (_p, v) => privileged(v) || v.fileToken === 'owner',
};
const LISTS = ['/videos', '/search/videos', '/accounts/:account/videos', '/video-channels/:channel/videos'];

interface Fixture {
  uuid: string;
  name: string;
  master: string;
  sha: string;
  fragmented: string;
  thumbnail: string;
  download: string;
  original: string;
  ownerToken: string;
}

describe('Video access matrix', function () {
  this.timeout(180_000);
  let server: TestServer;
  let owner: ShoalClient;
  let other: ShoalClient;
  let account: string;
  let channel: string;
  let passwordToken: string;
  const videos = {} as Record<Privacy, Fixture>;

  before(async () => {
    server = await new TestServer({ configYaml: 'transcoding:\n  concurrency: 2\n' }).start();
    [owner, other] = await Promise.all(
      ['matrix_owner', 'matrix_other'].map(async (name) => (await createUser(server, UserRole.USER, name)).client),
    );
    const me = await owner.me();
    account = me.username;
    channel = me.videoChannels[0].name;
    const clip = await makeClip({ seconds: 2 });
    const uploaded = await Promise.all(
      (Object.keys(PRIVACIES) as Privacy[]).map(async (privacy) => {
        const name = `Matrix ${privacy} clip`;
        const fields = { channelId: me.videoChannels[0].id, name, privacy: PRIVACIES[privacy], ...passwordsFor(privacy) };
        const res = await uploadLegacy(owner, clip, fields);
        assert.equal(res.status, 200, res.text);
        return { privacy, name, uuid: res.body.video.uuid };
      }),
    );
    for (const { privacy, name, uuid } of uploaded) videos[privacy] = await fixture(name, uuid);
    passwordToken = await fileToken(server.anonymous(), videos.password.uuid, PASSWORD);
  });
  after(() => server?.destroy());

  const passwordsFor = (privacy: Privacy) => (privacy === 'password' ? { videoPasswords: [PASSWORD] } : {});

  async function fixture(name: string, uuid: string): Promise<Fixture> {
    const details = await waitFor(
      async () => {
        const d = await owner.expect<VideoDetails>(200, 'GET', `/api/v1/videos/${uuid}`);
        if (d.state.id === 7) throw new Error(`transcoding failed: ${server.output.slice(-2000)}`);
        return d.state.id === 1 && d.streamingPlaylists.length ? d : null;
      },
      { timeout: 120_000, interval: 250, what: `${name} published` },
    );
    const playlist = details.streamingPlaylists[0];
    const source = await owner.expect<VideoSource>(200, 'GET', `/api/v1/videos/${uuid}/source`);
    return {
      uuid,
      name,
      master: playlist.playlistUrl,
      sha: playlist.segmentsSha256Url,
      fragmented: playlist.files[0].fileUrl,
      download: playlist.files[0].fileDownloadUrl,
      thumbnail: server.url + details.thumbnailPath,
      original: source.fileDownloadUrl!,
      ownerToken: await fileToken(owner, uuid),
    };
  }

  async function fileToken(client: ShoalClient, uuid: string, password?: string): Promise<string> {
    const headers = password ? { 'x-peertube-video-password': password } : undefined;
    const body = await client.expect<{ files: { token: string } }>(200, 'POST', `/api/v1/videos/${uuid}/token`, { headers });
    return body.files.token;
  }

  function headersOf(v: Viewer): Record<string, string> {
    const token = { anon: null, other: other.token, owner: owner.token, admin: server.admin.token }[v.who];
    return {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(v.password ? { 'x-peertube-video-password': v.password } : {}),
    };
  }

  function withToken(url: string, video: Fixture, v: Viewer): string {
    if (!v.fileToken) return url;
    return `${url}?videoFileToken=${encodeURIComponent(v.fileToken === 'owner' ? video.ownerToken : passwordToken)}`;
  }

  /** Fetches a media URL as `v`; returns whether it was served (and checks refusals are refusals). */
  async function served(url: string, video: Fixture, v: Viewer, extra: Record<string, string> = {}): Promise<boolean> {
    const res = await fetch(withToken(url, video, v), { headers: { ...headersOf(v), ...extra } });
    const body = Buffer.from(await res.arrayBuffer());
    if (res.status === 200 || res.status === 206) {
      assert.ok(body.length > 0, `${url}: empty body`);
      return true;
    }
    assert.ok([401, 403].includes(res.status), `${url} as ${v.name}: unexpected ${res.status} ${body.toString().slice(0, 200)}`);
    return false;
  }

  async function listed(path: string, video: Fixture, v: Viewer): Promise<boolean> {
    const url = path.replace(':account', account).replace(':channel', channel);
    const query = { count: 100, ...(url.startsWith('/search') ? { search: video.name } : {}) };
    const res = await server.anonymous().api<{ data: Array<{ uuid: string }> }>('GET', url, { query, headers: headersOf(v) });
    assert.equal(res.status, 200, `${url} as ${v.name}: ${res.text.slice(0, 200)}`);
    return res.body.data.some((d) => d.uuid === video.uuid);
  }

  const probes: Record<string, (video: Fixture, v: Viewer) => Promise<boolean>> = {
    details: async (video, v) => {
      const res = await server.anonymous().api('GET', `/videos/${video.uuid}`, { headers: headersOf(v) });
      assert.ok([200, 401, 403].includes(res.status), `details as ${v.name}: ${res.status}`);
      return res.status === 200;
    },
    'video list': async (video, v) => {
      const seen = await Promise.all(LISTS.map((path) => listed(path, video, v)));
      // Every list must agree: one that shows more than the others is a leak.
      assert.ok(
        seen.every((s) => s === seen[0]),
        `lists disagree for ${v.name}: ${LISTS.map((l, i) => `${l}=${seen[i]}`).join(' ')}`,
      );
      return seen[0];
    },
    'master playlist': (video, v) => served(video.master, video, v),
    'segment byte range': (video, v) => served(video.fragmented, video, v, { range: 'bytes=0-99' }),
    'sha256 json': (video, v) => served(video.sha, video, v),
    thumbnail: (video, v) => served(video.thumbnail, video, v),
    'HLS download': (video, v) => served(video.download, video, v),
    original: (video, v) => served(video.original, video, v),
  };

  for (const privacy of Object.keys(PRIVACIES) as Privacy[]) {
    describe(`a ${privacy} video`, () => {
      for (const [resource, rule] of Object.entries(RULES)) {
        it(`serves its ${resource} exactly to the viewers entitled to it`, async () => {
          const mismatches: string[] = [];
          await Promise.all(
            VIEWERS.map(async (v) => {
              const got = await probes[resource](videos[privacy], v);
              if (got !== rule(privacy, v)) mismatches.push(`${v.name}: expected ${rule(privacy, v) ? 'access' : 'refusal'}`);
            }),
          );
          assert.deepEqual(mismatches.sort(), []);
        });
      }

      if (hasPrivateFiles(privacy)) {
        it('never serves its files from the public folders, even to the owner', async () => {
          const master = videos[privacy].master;
          assert.match(master, /\/static\/streaming-playlists\/hls\/private\//);
          const res = await fetch(master.replace('/hls/private/', '/hls/'), { headers: headersOf(VIEWERS[5]) });
          assert.equal(res.status, 404);
        });

        it('marks every private answer as not storable by shared caches', async () => {
          const res = await fetch(videos[privacy].master, { headers: headersOf(VIEWERS[5]) });
          assert.equal(res.status, 200);
          assert.equal(res.headers.get('cache-control'), 'private, no-store');
        });
      } else {
        it('serves its files publicly with a 2 hour cache and CORS', async () => {
          const res = await fetch(videos[privacy].fragmented, { headers: { range: 'bytes=0-99', origin: 'https://elsewhere.example' } });
          assert.equal(res.status, 206);
          assert.equal(res.headers.get('cache-control'), 'public, max-age=7200');
          assert.equal(res.headers.get('access-control-allow-origin'), '*');
          assert.equal((await res.arrayBuffer()).byteLength, 100);
        });
      }
    });
  }
});
