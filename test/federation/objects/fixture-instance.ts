import { createHash, createSign, generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import sharp from 'sharp';

/** The ActivityStreams public collection. */
export const PUBLIC = 'https://www.w3.org/ns/activitystreams#Public';

interface FixtureActor {
  url: string;
  publicKeyPem: string;
  privateKeyPem: string;
}

/**
 * A tiny remote instance for fixture tests: serves actors, objects and WebFinger from a map of
 * documents and signs the activities it POSTs (draft-cavage, rsa-sha256, like PeerTube and Mastodon).
 */
export class FixtureInstance {
  private server?: Server;
  port = 0;
  readonly documents = new Map<string, unknown>();
  private readonly keys = new Map<string, FixtureActor>();
  private jpeg?: Buffer;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get host(): string {
    return `127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.jpeg = await sharp({ create: { width: 280, height: 157, channels: 3, background: { r: 10, g: 120, b: 200 } } })
      .jpeg()
      .toBuffer();
    this.server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', this.url).pathname;
      if (path === '/thumb.jpg') return res.writeHead(200, { 'content-type': 'image/jpeg' }).end(this.jpeg);
      if (path === '/.well-known/webfinger') {
        const resource = new URL(req.url!, this.url).searchParams.get('resource') ?? '';
        const name = resource.replace(/^acct:/, '').split('@')[0];
        const actor = [...this.keys.values()].find((a) => a.url.endsWith(`/${name}`));
        if (!actor) return res.writeHead(404).end();
        return res
          .writeHead(200, { 'content-type': 'application/jrd+json' })
          .end(JSON.stringify({ subject: resource, links: [{ rel: 'self', type: 'application/activity+json', href: actor.url }] }));
      }
      const doc = this.documents.get(`${this.url}${path}`);
      if (!doc) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/activity+json' }).end(JSON.stringify(doc));
    });
    await new Promise<void>((ok) => this.server!.listen(0, '127.0.0.1', ok));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise((r) => this.server?.close(r));
  }

  /** Adds a Person (or Group owned by `owner`) with a fresh RSA key and serves its document. */
  addActor(type: 'Person' | 'Group', name: string, owner?: string): string {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const base = `${this.url}/${type === 'Group' ? 'video-channels' : 'accounts'}/${name}`;
    const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    this.keys.set(base, { url: base, publicKeyPem, privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() });
    this.documents.set(base, {
      '@context': ['https://www.w3.org/ns/activitystreams', 'https://w3id.org/security/v1'],
      type,
      id: base,
      preferredUsername: name,
      name,
      inbox: `${base}/inbox`,
      outbox: `${base}/outbox`,
      followers: `${base}/followers`,
      following: `${base}/following`,
      endpoints: { sharedInbox: `${this.url}/inbox` },
      publicKey: { id: `${base}#main-key`, owner: base, publicKeyPem },
      ...(owner ? { attributedTo: [owner] } : {}),
    });
    return base;
  }

  /** POSTs `activity` to `inbox`, HTTP-signed by `actorUrl`. */
  async post(inbox: string, actorUrl: string, activity: object): Promise<number> {
    const key = this.keys.get(actorUrl);
    if (!key) throw new Error(`no key for ${actorUrl}`);
    const body = JSON.stringify(activity);
    const target = new URL(inbox);
    const date = new Date().toUTCString();
    const digest = `SHA-256=${createHash('sha256').update(body).digest('base64')}`;
    const signed = `(request-target): post ${target.pathname}\nhost: ${target.host}\ndate: ${date}\ndigest: ${digest}`;
    const signature = createSign('sha256').update(signed).sign(key.privateKeyPem, 'base64');
    const res = await fetch(inbox, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/activity+json',
        date,
        digest,
        signature: `keyId="${actorUrl}#main-key",algorithm="rsa-sha256",headers="(request-target) host date digest",signature="${signature}"`,
      },
    });
    return res.status;
  }
}

/** A PeerTube-shaped Video object (spec §4.6), hosted by `fixture`. */
export function peertubeVideo(fixture: FixtureInstance, uuid: string, name: string, accountUrl: string, channelUrl: string) {
  const id = `${fixture.url}/videos/watch/${uuid}`;
  const hls = `${fixture.url}/static/streaming-playlists/hls/${uuid}`;
  return {
    '@context': ['https://www.w3.org/ns/activitystreams', 'https://w3id.org/security/v1', { pt: 'https://joinpeertube.org/ns#' }],
    type: 'Video',
    id,
    uuid,
    name,
    duration: 'PT42S',
    tag: [
      { type: 'Hashtag', name: 'bread' },
      { type: 'Hashtag', name: 'x' },
    ],
    category: { identifier: '18', name: 'Food' },
    licence: { identifier: '2', name: 'Attribution - Share Alike' },
    language: { identifier: 'en', name: 'English' },
    views: 42,
    sensitive: false,
    waitTranscoding: true,
    state: 1,
    commentsPolicy: 1,
    commentsEnabled: true,
    canReply: null,
    downloadEnabled: true,
    published: '2025-02-01T12:00:00.000Z',
    updated: '2025-02-02T08:30:00.000Z',
    originallyPublishedAt: null,
    mediaType: 'text/markdown',
    content: 'Starter, flour, **patience**.',
    support: null,
    subtitleLanguage: [],
    icon: [{ type: 'Image', url: `${fixture.url}/thumb.jpg`, mediaType: 'image/jpeg', width: 280, height: 157 }],
    aspectRatio: 1.7778,
    url: [
      { type: 'Link', mediaType: 'text/html', href: `${fixture.url}/w/8kQ2nV1xYz3pR5tU7wA9bC` },
      { type: 'Link', mediaType: 'text/html', href: id },
      {
        type: 'Link',
        mediaType: 'application/x-mpegURL',
        href: `${hls}/master.m3u8`,
        tag: [
          { type: 'Infohash', name: 'a'.repeat(40) },
          { type: 'Link', name: 'sha256', mediaType: 'application/json', href: `${hls}/segments-sha256.json` },
          {
            type: 'Link',
            mediaType: 'video/mp4',
            href: `${hls}/${uuid}-720-fragmented.mp4`,
            height: 720,
            width: 1280,
            size: 48211234,
            fps: 30,
            attachment: [
              { type: 'PropertyValue', name: 'ffprobe_codec_type', value: 'video' },
              { type: 'PropertyValue', name: 'ffprobe_codec_type', value: 'audio' },
              { type: 'PropertyValue', name: 'peertube_format_flag', value: 'fragmented' },
            ],
          },
          {
            type: 'Link',
            rel: ['metadata', 'video/mp4'],
            mediaType: 'application/json',
            href: `${fixture.url}/api/v1/videos/x/metadata/1`,
            height: 720,
            width: 1280,
            fps: 30,
          },
        ],
      },
      { type: 'Link', name: 'tracker-websocket', rel: ['tracker', 'websocket'], href: `ws://${fixture.host}/tracker/socket` },
    ],
    likes: `${id}/likes`,
    dislikes: `${id}/dislikes`,
    shares: `${id}/announces`,
    comments: `${id}/comments`,
    hasParts: `${id}/chapters`,
    attributedTo: [accountUrl, channelUrl],
    isLiveBroadcast: false,
    liveSaveReplay: null,
    permanentLive: null,
    latencyMode: null,
    to: [PUBLIC, channelUrl],
    cc: [`${accountUrl}/followers`],
  };
}
