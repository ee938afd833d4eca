import { createHash, createSign, createVerify, generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { freePort } from '../../shared/server-process';

/**
 * A tiny remote "instance" for federation tests: serves hand-written Mastodon- and PeerTube-shaped
 * actor documents and WebFinger, records what is POSTed to its inboxes, and signs requests with its
 * own RSA keys (draft-cavage, written here independently of the server's code).
 */
export interface ReceivedPost {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  json: Record<string, unknown>;
}

export function rsaKeys() {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

export class FixtureActorServer {
  port = 0;
  private server?: Server;
  readonly received: ReceivedPost[] = [];
  /** Every request path seen (to prove an SSRF-refused fetch never arrived). */
  readonly hits: string[] = [];
  /** Key pair per actor name; replace one to simulate a key rotation. */
  readonly keys = new Map<string, { publicKey: string; privateKey: string }>();

  get host(): string {
    return `127.0.0.1:${this.port}`;
  }
  get origin(): string {
    return `http://${this.host}`;
  }
  url(path: string): string {
    return `${this.origin}${path}`;
  }
  /** Mastodon puts Persons under /users/{name}. */
  personUrl(name: string): string {
    return this.url(`/users/${name}`);
  }
  groupUrl(name: string): string {
    return this.url(`/video-channels/${name}`);
  }

  keyOf(name: string) {
    let k = this.keys.get(name);
    if (!k) {
      k = rsaKeys();
      this.keys.set(name, k);
    }
    return k;
  }

  /** Mastodon-shaped Person (fields from spec §10 / Mastodon docs). */
  person(name: string): object {
    const id = this.personUrl(name);
    return {
      '@context': [
        'https://www.w3.org/ns/activitystreams',
        'https://w3id.org/security/v1',
        {
          manuallyApprovesFollowers: 'as:manuallyApprovesFollowers',
          toot: 'http://joinmastodon.org/ns#',
          discoverable: 'toot:discoverable',
        },
      ],
      id,
      type: 'Person',
      following: `${id}/following`,
      followers: `${id}/followers`,
      inbox: `${id}/inbox`,
      outbox: `${id}/outbox`,
      featured: `${id}/collections/featured`,
      preferredUsername: name,
      name: `${name} (Mastodon)`,
      summary: '<p>Toots about bread.</p>',
      url: this.url(`/@${name}`),
      manuallyApprovesFollowers: false,
      discoverable: true,
      published: '2024-01-01T00:00:00Z',
      publicKey: { id: `${id}#main-key`, owner: id, publicKeyPem: this.keyOf(name).publicKey },
      tag: [],
      attachment: [],
      endpoints: { sharedInbox: this.url('/inbox') },
      icon: { type: 'Image', mediaType: 'image/png', url: this.url('/avatar.png') },
    };
  }

  /** PeerTube-shaped Group (spec §1.2 example) owned by the Person `owner`. */
  group(name: string, owner: string): object {
    const id = this.groupUrl(name);
    return {
      '@context': [
        'https://www.w3.org/ns/activitystreams',
        'https://w3id.org/security/v1',
        { RsaSignature2017: 'https://w3id.org/security#RsaSignature2017' },
      ],
      type: 'Group',
      id,
      preferredUsername: name,
      name: `Channel ${name}`,
      summary: 'Weekly recipes.',
      url: [
        { type: 'Link', mediaType: 'text/html', href: this.url(`/c/${name}/videos`) },
        { type: 'Link', mediaType: 'text/html', href: id },
      ],
      inbox: `${id}/inbox`,
      outbox: `${id}/outbox`,
      followers: `${id}/followers`,
      following: `${id}/following`,
      playlists: `${id}/playlists`,
      endpoints: { sharedInbox: this.url('/inbox') },
      publicKey: { id: `${id}#main-key`, owner: id, publicKeyPem: this.keyOf(name).publicKey },
      published: '2024-03-01T10:00:00.000Z',
      support: 'Tip jar',
      postingRestrictedToMods: true,
      attributedTo: [this.personUrl(owner)],
    };
  }

  /** Served documents by path (actors are registered by the tests). */
  readonly documents = new Map<string, object>();
  readonly webfinger = new Map<string, string>();

  addPerson(name: string): string {
    const doc = this.person(name);
    this.documents.set(`/users/${name}`, doc);
    this.webfinger.set(name, this.personUrl(name));
    return this.personUrl(name);
  }

  addGroup(name: string, owner: string): string {
    this.addPerson(owner);
    this.documents.set(`/video-channels/${name}`, this.group(name, owner));
    this.webfinger.set(name, this.groupUrl(name));
    return this.groupUrl(name);
  }

  /** Re-renders a served actor after its key changed. */
  refresh(name: string): void {
    for (const [path, doc] of this.documents) {
      const d = doc as { preferredUsername?: string; type?: string; attributedTo?: string[] };
      if (d.preferredUsername !== name) continue;
      this.documents.set(path, d.type === 'Group' ? this.group(name, d.attributedTo![0].split('/').pop()!) : this.person(name));
    }
  }

  async start(): Promise<this> {
    this.port = await freePort();
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = (req.url ?? '/').split('?')[0];
        this.hits.push(path);
        if (req.method === 'POST') {
          const body = Buffer.concat(chunks).toString('utf8');
          let json: Record<string, unknown> = {};
          try {
            json = JSON.parse(body) as Record<string, unknown>;
          } catch {
            // recorded as is
          }
          this.received.push({ path, headers: req.headers, body, json });
          res.writeHead(202).end();
          return;
        }
        if (path === '/.well-known/webfinger') {
          const resource = new URL(req.url!, this.origin).searchParams.get('resource') ?? '';
          const name = /^acct:([^@]+)@/.exec(resource)?.[1] ?? '';
          const href = this.webfinger.get(name);
          if (!href) return void res.writeHead(404).end();
          res.writeHead(200, { 'content-type': 'application/jrd+json' });
          res.end(JSON.stringify({ subject: resource, links: [{ rel: 'self', type: 'application/activity+json', href }] }));
          return;
        }
        const doc = this.documents.get(path);
        if (!doc) return void res.writeHead(404).end();
        res.writeHead(200, { 'content-type': 'application/activity+json' });
        res.end(JSON.stringify(doc));
      });
    });
    await new Promise<void>((ok) => this.server!.listen(this.port, '127.0.0.1', ok));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise((r) => this.server?.close(r));
  }

  /**
   * Signs a POST as `name` the way Mastodon does. `tamper` lets tests break one part on purpose.
   */
  signedPost(
    inboxUrl: string,
    name: string,
    activity: object,
    tamper: { date?: Date; digest?: string; privateKey?: string; keyId?: string } = {},
  ): { headers: Record<string, string>; body: string } {
    const body = JSON.stringify(activity);
    const url = new URL(inboxUrl);
    const date = (tamper.date ?? new Date()).toUTCString();
    const digest = tamper.digest ?? `SHA-256=${createHash('sha256').update(body).digest('base64')}`;
    const signed = `(request-target): post ${url.pathname}\nhost: ${url.host}\ndate: ${date}\ndigest: ${digest}`;
    const signer = createSign('sha256');
    signer.update(signed);
    const signature = signer.sign(tamper.privateKey ?? this.keyOf(name).privateKey, 'base64');
    const actorUrl = this.documents.has(`/video-channels/${name}`) ? this.groupUrl(name) : this.personUrl(name);
    const keyId = tamper.keyId ?? `${actorUrl}#main-key`;
    return {
      body,
      headers: {
        'content-type': 'application/activity+json',
        date,
        digest,
        signature: `keyId="${keyId}",algorithm="rsa-sha256",headers="(request-target) host date digest",signature="${signature}"`,
      },
    };
  }

  async post(inboxUrl: string, name: string, activity: object, tamper: Parameters<FixtureActorServer['signedPost']>[3] = {}) {
    const { headers, body } = this.signedPost(inboxUrl, name, activity, tamper);
    return this.send(inboxUrl, headers, body);
  }

  async send(inboxUrl: string, headers: Record<string, string>, body: string) {
    const res = await fetch(inboxUrl, { method: 'POST', headers, body });
    const text = await res.text();
    return { status: res.status, text, type: res.headers.get('content-type') ?? '' };
  }
}

/**
 * Checks a request the server sent us: draft-cavage over (request-target) host date digest,
 * the digest of the body, and the signature against `publicKeyPem`.
 */
export function verifyReceived(post: ReceivedPost, publicKeyPem: string): boolean {
  const sig = String(post.headers.signature ?? '');
  const field = (k: string) => new RegExp(`${k}="([^"]*)"`).exec(sig)?.[1] ?? '';
  const names = field('headers').split(' ');
  if (!['(request-target)', 'host', 'date', 'digest'].every((h) => names.includes(h))) return false;
  const digest = `SHA-256=${createHash('sha256').update(post.body).digest('base64')}`;
  if (post.headers.digest !== digest) return false;
  const lines = names.map((h) => (h === '(request-target)' ? `${h}: post ${post.path}` : `${h}: ${String(post.headers[h])}`));
  const verifier = createVerify('sha256');
  verifier.update(lines.join('\n'));
  return verifier.verify(publicKeyPem, field('signature'), 'base64');
}
