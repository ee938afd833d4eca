import assert from 'node:assert/strict';
import { AS_PUBLIC, videoObjectSchema, VideoPrivacy } from '@shoal/models';
import type { AppContext } from '../../../platform/context';
import { isFederable } from './video-audience';
import { buildVideoObject, type VideoForAp } from './video.builder';
import { parseVideoObject } from './video.parser';

const ctx = { publicUrl: 'https://a.example' } as AppContext;
const uuid = '3f2c1b9e-8d4a-4c1f-9b7e-2a6d5c4e1f00';

function localVideo(privacy: number): VideoForAp {
  const file = (id: number, resolution: number, hasVideo = true) => ({
    id,
    resolution,
    width: hasVideo ? Math.round((resolution * 16) / 9) : 0,
    height: hasVideo ? resolution : 0,
    size: 1000 * resolution,
    fps: hasVideo ? 25 : 0,
    filename: `${uuid}-${resolution}-fragmented.mp4`,
    playlistFilename: `${resolution}.m3u8`,
    hasAudio: true,
    hasVideo,
    streamingPlaylistId: 1,
  });
  const actor = (path: string) => ({ url: `https://a.example/${path}`, followersUrl: `https://a.example/${path}/followers` });
  return {
    id: 7,
    uuid,
    url: `https://a.example/videos/watch/${uuid}`,
    name: 'Sourdough in 10 minutes',
    category: 18,
    licence: 2,
    language: 'en',
    privacy,
    nsfw: false,
    description: 'Starter, flour, **patience**.',
    support: null,
    tags: ['bread', 'food'],
    duration: 612.4,
    aspectRatio: 1.7778,
    views: 42,
    state: 1,
    waitTranscoding: true,
    commentsPolicy: 1,
    downloadEnabled: true,
    isLive: false,
    remote: false,
    thumbnailFilename: 'ab12.jpg',
    previewFilename: 'cd34.jpg',
    publishedAt: new Date('2025-02-01T12:00:00.000Z'),
    updatedAt: new Date('2025-02-02T08:30:00.000Z'),
    originallyPublishedAt: null,
    inputFileUpdatedAt: null,
    files: [],
    streamingPlaylist: {
      playlistFilename: 'master.m3u8',
      segmentsSha256Filename: 'segments-sha256.json',
      files: [file(1, 144), file(2, 240), file(3, 0, false)],
    },
    channel: { actor: actor('video-channels/cooking'), account: { actor: actor('accounts/ana') } },
  } as unknown as VideoForAp;
}

describe('federation objects: Video builder and parser', () => {
  it('builds a public video PeerTube’s validator accepts, with PUBLIC and the channel in to', () => {
    const built = buildVideoObject(ctx, localVideo(VideoPrivacy.PUBLIC));
    assert.equal(built.duration, 'PT612S');
    assert.deepEqual(built.to, [AS_PUBLIC, 'https://a.example/video-channels/cooking']);
    assert.deepEqual(built.cc, ['https://a.example/accounts/ana/followers']);
    assert.deepEqual(built.attributedTo, ['https://a.example/accounts/ana', 'https://a.example/video-channels/cooking']);
    const first = built.url[0] as { mediaType: string; href: string };
    assert.equal(first.mediaType, 'text/html');
    assert.match(first.href, /^https:\/\/a\.example\/w\//);
    const hls = built.url.find((u) => (u as { mediaType?: string }).mediaType === 'application/x-mpegURL') as {
      href: string;
      tag: Array<{ name?: string; mediaType: string; height?: number; fps?: number }>;
    };
    assert.equal(hls.href, `https://a.example/static/streaming-playlists/hls/${uuid}/master.m3u8`);
    assert.ok(hls.tag.some((t) => t.name === 'sha256'));
    const mp4 = hls.tag.filter((t) => t.mediaType === 'video/mp4');
    assert.deepEqual(
      mp4.map((t) => [t.height, t.fps]),
      [
        [240, 25],
        [144, 25],
      ],
    );
    assert.ok(hls.tag.some((t) => t.mediaType === 'audio/mp4'));
    assert.equal(videoObjectSchema.safeParse(JSON.parse(JSON.stringify(built))).success, true);
  });

  it('puts PUBLIC only in cc for an unlisted video', () => {
    const built = buildVideoObject(ctx, localVideo(VideoPrivacy.UNLISTED));
    assert.deepEqual(built.to, []);
    assert.deepEqual(built.cc, [AS_PUBLIC]);
  });

  it('never federates private, internal or password-protected videos', () => {
    for (const privacy of [VideoPrivacy.PRIVATE, VideoPrivacy.INTERNAL, VideoPrivacy.PASSWORD_PROTECTED]) {
      assert.equal(isFederable({ privacy, state: 1, remote: false }), false, `privacy ${privacy}`);
    }
    assert.equal(isFederable({ privacy: VideoPrivacy.PUBLIC, state: 2, remote: false }), false, 'not yet transcoded');
    assert.equal(isFederable({ privacy: VideoPrivacy.PUBLIC, state: 1, remote: true }), false, 'remote copy');
    assert.equal(isFederable({ privacy: VideoPrivacy.PUBLIC, state: 1, remote: false, unfederated: true }), false);
    assert.equal(isFederable({ privacy: VideoPrivacy.UNLISTED, state: 1, remote: false }), true);
  });

  it('round-trips what it builds through the receiver', () => {
    const parsed = parseVideoObject(videoObjectSchema.parse(JSON.parse(JSON.stringify(buildVideoObject(ctx, localVideo(1))))));
    assert.equal(parsed.uuid, uuid);
    assert.equal(parsed.privacy, VideoPrivacy.PUBLIC);
    assert.equal(parsed.category, 18);
    assert.equal(parsed.language, 'en');
    assert.deepEqual(parsed.tags, ['bread', 'food']);
    assert.equal(parsed.channelUrl, 'https://a.example/video-channels/cooking');
    assert.equal(parsed.accountUrl, 'https://a.example/accounts/ana');
    assert.equal(parsed.hls?.playlistUrl, `https://a.example/static/streaming-playlists/hls/${uuid}/master.m3u8`);
    assert.deepEqual(parsed.hls?.files.map((f) => [f.resolution, f.hasVideo]).sort(), [
      [0, false],
      [144, true],
      [240, true],
    ]);
    const unlisted = parseVideoObject(videoObjectSchema.parse(JSON.parse(JSON.stringify(buildVideoObject(ctx, localVideo(2))))));
    assert.equal(unlisted.privacy, VideoPrivacy.UNLISTED);
  });

  it('reads PeerTube’s legacy shapes: {type,id} attributedTo, commentsEnabled, SPDX licence, junk url entries', () => {
    const o = videoObjectSchema.parse({
      type: 'Video',
      id: `https://p.example/videos/watch/${uuid}`,
      uuid,
      name: 'Legacy',
      duration: 'PT5S',
      views: 0,
      published: '2021-01-01T00:00:00.000Z',
      updated: '2021-01-01T00:00:00.000Z',
      licence: { identifier: 'CC-BY-SA-4.0', name: 'x' },
      commentsEnabled: false,
      content: 'ab',
      icon: [{ type: 'Image', url: 'https://p.example/t.jpg', mediaType: 'image/jpeg', width: 280, height: 157 }, { bogus: true }],
      url: ['not-an-object', { type: 'Link', mediaType: 'text/html', href: `https://p.example/videos/watch/${uuid}` }],
      attributedTo: [
        { type: 'Person', id: 'https://p.example/accounts/bob' },
        { type: 'Group', id: 'https://p.example/video-channels/bob_channel' },
      ],
      to: ['as:Public'],
    });
    const parsed = parseVideoObject(o);
    assert.equal(parsed.channelUrl, 'https://p.example/video-channels/bob_channel');
    assert.equal(parsed.accountUrl, 'https://p.example/accounts/bob');
    assert.equal(parsed.commentsPolicy, 2);
    assert.equal(parsed.licence, null);
    assert.equal(parsed.description, null, 'a 2-character description is dropped');
    assert.equal(parsed.privacy, VideoPrivacy.PUBLIC);
    assert.equal(parsed.hls, null);
  });

  it('refuses a video without a v4 uuid, with a PT1H duration or without any icon', () => {
    const base = JSON.parse(JSON.stringify(buildVideoObject(ctx, localVideo(1))));
    assert.equal(videoObjectSchema.safeParse({ ...base, uuid: '3f2c1b9e-8d4a-1c1f-9b7e-2a6d5c4e1f00' }).success, false);
    assert.equal(videoObjectSchema.safeParse({ ...base, duration: 'PT1H' }).success, false);
    assert.equal(videoObjectSchema.safeParse({ ...base, icon: [] }).success, false);
  });
});
