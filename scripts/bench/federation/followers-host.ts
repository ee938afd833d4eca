/**
 * A separate Node process for the federation benchmark: N Person actors with personal inboxes
 * (no shared inbox, so every follower costs the sender one delivery), each verifying the HTTP
 * signature of what it receives against the sender's published key. It also serves one Video
 * whose origin it is, to count the View activities a Shoal instance sends for it.
 *
 *   node --import tsx followers-host.ts <count>     prints its origin on stdout, then serves
 *   GET /stats                                         delivery counts and timestamps
 *   POST /control/follow {target, inbox}               every actor sends Follow to target
 *   POST /control/reset                                zeroes the counters
 */
import { createHash, createSign, createVerify, generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

const count = Number(process.argv[2] ?? 50);
const keyCache = new Map<string, string>();
const stats = {
  deliveries: 0,
  verified: 0,
  rejected: 0,
  byType: {} as Record<string, number>,
  firstAt: 0,
  lastAt: 0,
  viewRequests: 0,
  viewsCarried: 0,
};
let origin = '';
const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const videoUuid = randomUUID();

const actorUrl = (i: number) => `${origin}/accounts/f${i}`;
const channelUrl = () => `${origin}/video-channels/origin_channel`;
const videoUrl = () => `${origin}/videos/watch/${videoUuid}`;

function actorDoc(name: string, type: 'Person' | 'Group') {
  const id = `${origin}/${type === 'Group' ? 'video-channels' : 'accounts'}/${name}`;
  return {
    '@context': ['https://www.w3.org/ns/activitystreams', 'https://w3id.org/security/v1'],
    type,
    id,
    preferredUsername: name,
    inbox: `${id}/inbox`,
    outbox: `${id}/outbox`,
    followers: `${id}/followers`,
    following: `${id}/following`,
    publicKey: { id: `${id}#main-key`, owner: id, publicKeyPem },
    ...(type === 'Group' ? { attributedTo: [actorUrl(0)] } : {}),
  };
}

function videoDoc() {
  const hls = `${origin}/static/streaming-playlists/hls/${videoUuid}`;
  const to = ['https://www.w3.org/ns/activitystreams#Public', channelUrl()];
  return {
    type: 'Video',
    id: videoUrl(),
    uuid: videoUuid,
    name: 'Origin video for the view benchmark',
    duration: 'PT10S',
    views: 0,
    published: new Date().toISOString(),
    updated: new Date().toISOString(),
    commentsPolicy: 1,
    icon: [{ type: 'Image', url: `${origin}/thumb.jpg`, mediaType: 'image/jpeg', width: 280, height: 157 }],
    url: [{ type: 'Link', mediaType: 'application/x-mpegURL', href: `${hls}/master.m3u8`, tag: [] }],
    attributedTo: [actorUrl(0), channelUrl()],
    to,
    cc: [],
  };
}

async function senderKey(keyId: string): Promise<string> {
  const cached = keyCache.get(keyId);
  if (cached) return cached;
  const res = await fetch(keyId.split('#')[0], { headers: { accept: 'application/activity+json' } });
  const doc = (await res.json()) as { publicKey: { publicKeyPem: string } };
  keyCache.set(keyId, doc.publicKey.publicKeyPem);
  return doc.publicKey.publicKeyPem;
}

/** draft-cavage verification of a POST: digest, then the signature over the listed headers. */
async function verify(req: IncomingMessage, body: Buffer): Promise<boolean> {
  const header = String(req.headers.signature ?? '');
  const params = Object.fromEntries([...header.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  if (!params.keyId || !params.signature || !params.headers) return false;
  const digest = `SHA-256=${createHash('sha256').update(body).digest('base64')}`;
  if (req.headers.digest !== digest) return false;
  const lines = params.headers
    .split(' ')
    .map((h) =>
      h === '(request-target)' ? `(request-target): ${req.method!.toLowerCase()} ${req.url}` : `${h}: ${String(req.headers[h] ?? '')}`,
    );
  return createVerify('sha256')
    .update(lines.join('\n'))
    .verify(await senderKey(params.keyId), params.signature, 'base64');
}

async function sign(inbox: string, actor: string, activity: object): Promise<number> {
  const body = JSON.stringify(activity);
  const target = new URL(inbox);
  const date = new Date().toUTCString();
  const digest = `SHA-256=${createHash('sha256').update(body).digest('base64')}`;
  const signature = createSign('sha256')
    .update(`(request-target): post ${target.pathname}\nhost: ${target.host}\ndate: ${date}\ndigest: ${digest}`)
    .sign(privateKeyPem, 'base64');
  const res = await fetch(inbox, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/activity+json',
      date,
      digest,
      signature: `keyId="${actor}#main-key",algorithm="rsa-sha256",headers="(request-target) host date digest",signature="${signature}"`,
    },
  });
  return res.status;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((ok) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => ok(Buffer.concat(chunks)));
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/activity+json' }).end(JSON.stringify(body));
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', origin).pathname;
  if (req.method === 'GET') {
    if (path === '/stats') return json(res, 200, stats);
    if (path === '/.well-known/webfinger') {
      const name = (new URL(req.url!, origin).searchParams.get('resource') ?? '').replace(/^acct:/, '').split('@')[0];
      const href = name === 'origin_channel' ? channelUrl() : `${origin}/accounts/${name}`;
      return json(res, 200, { subject: `acct:${name}`, links: [{ rel: 'self', type: 'application/activity+json', href }] });
    }
    const person = /^\/accounts\/(f\d+)$/.exec(path);
    if (person) return json(res, 200, actorDoc(person[1], 'Person'));
    if (path === '/video-channels/origin_channel') return json(res, 200, actorDoc('origin_channel', 'Group'));
    if (path === `/videos/watch/${videoUuid}`) return json(res, 200, videoDoc());
    return json(res, 404, {});
  }
  const body = await readBody(req);
  if (path === '/control/reset') {
    Object.assign(stats, { deliveries: 0, verified: 0, rejected: 0, byType: {}, firstAt: 0, lastAt: 0, viewRequests: 0, viewsCarried: 0 });
    return json(res, 200, stats);
  }
  if (path === '/control/follow') {
    const { target, inbox } = JSON.parse(body.toString()) as { target: string; inbox: string };
    const statuses = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        sign(inbox, actorUrl(i), { type: 'Follow', id: `${actorUrl(i)}/follows/${randomUUID()}`, actor: actorUrl(i), object: target }),
      ),
    );
    return json(res, 200, { statuses, video: videoUrl() });
  }
  stats.deliveries++;
  const now = Date.now();
  stats.firstAt ||= now;
  stats.lastAt = now;
  const ok = await verify(req, body).catch(() => false);
  if (!ok) {
    stats.rejected++;
    return json(res, 401, {});
  }
  stats.verified++;
  const activity = JSON.parse(body.toString()) as { type: string; result?: { userInteractionCount?: number } };
  stats.byType[activity.type] = (stats.byType[activity.type] ?? 0) + 1;
  if (activity.type === 'View') {
    stats.viewRequests++;
    stats.viewsCarried += activity.result?.userInteractionCount ?? 1;
  }
  res.writeHead(204).end();
  return undefined;
}

const server = createServer((req, res) => {
  handle(req, res).catch((err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    if (!res.headersSent) res.writeHead(500).end();
  });
});
server.listen(0, '127.0.0.1', () => {
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  process.stdout.write(`${origin}\n`);
});
