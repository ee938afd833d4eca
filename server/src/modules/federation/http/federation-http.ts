import type { AppContext } from '../../../platform/context';
import type { ActorModel } from '../../actors';
import type { LocalActors } from '../actors/local-actors';
import { AP_ACCEPT, AP_MEDIA_TYPE } from '../context';
import { isSameOrigin } from '../origin';
import { signRequest } from '../signatures/http-signature';
import { FederationFetchError, safeRequest } from './safe-request';

/** PeerTube's limits (spec §9.1): 7 s per request, 3000 kB per answer. */
export const FETCH_TIMEOUT_MS = 7000;
export const FETCH_MAX_BYTES = 3000 * 1024;
const MAX_REDIRECTS = 3;

/** Signed, SSRF-checked HTTP for federation: GETs of AP documents and POSTs to inboxes. */
export class FederationHttp {
  private readonly userAgent: string;

  constructor(
    private readonly ctx: AppContext,
    private readonly actors: LocalActors,
  ) {
    this.userAgent = `Shoal/0.1 (+${ctx.publicUrl})`;
  }

  private async signerFor(actor: ActorModel) {
    const { privateKey } = await this.actors.keysOf(actor);
    return { keyId: `${actor.url}#main-key`, privateKey };
  }

  /** GET of a JSON document; signed as the instance actor unless `federation.sign_federated_fetches` is off. */
  async getJson(url: string, opts: { accept?: string; signed?: boolean } = {}): Promise<{ json: unknown; url: string }> {
    const signed = opts.signed ?? this.ctx.config.federation.sign_federated_fetches;
    const signer = signed ? await this.signerFor(await this.actors.getInstanceActor()) : null;
    const res = await safeRequest(url, {
      method: 'GET',
      headers: { accept: opts.accept ?? AP_ACCEPT, 'user-agent': this.userAgent },
      timeoutMs: FETCH_TIMEOUT_MS,
      maxBytes: FETCH_MAX_BYTES,
      maxRedirects: MAX_REDIRECTS,
      preventSsrf: this.ctx.config.federation.prevent_ssrf,
      sign: signer ? (u, headers) => signRequest({ url: u, method: 'GET', headers, ...signer, now: this.ctx.now() }) : undefined,
    });
    if (res.status < 200 || res.status >= 300) throw new FederationFetchError(`GET ${url} answered ${res.status}`, res.status);
    try {
      return { json: JSON.parse(res.body.toString('utf8')) as unknown, url: res.url };
    } catch {
      throw new FederationFetchError(`GET ${url} did not answer JSON`, res.status);
    }
  }

  /**
   * Signed GET of an ActivityPub document. The document's `id`, when it has one, must be on the
   * host of the URL that answered (spec §3.4).
   */
  async signedFetch(url: string): Promise<unknown> {
    const { json, url: finalUrl } = await this.getJson(url);
    const id = (json as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && !(isSameOrigin(id, finalUrl) && isSameOrigin(id, url))) {
      throw new FederationFetchError(`${url} served an object of another host (${id})`);
    }
    return json;
  }

  /** POST of an activity to an inbox, signed as `signer`. Throws on network errors and non-2xx answers. */
  async post(inboxUrl: string, signer: ActorModel, body: string): Promise<number> {
    const key = await this.signerFor(signer);
    const res = await safeRequest(inboxUrl, {
      method: 'POST',
      headers: { 'content-type': AP_MEDIA_TYPE, accept: AP_ACCEPT, 'user-agent': this.userAgent },
      body,
      timeoutMs: FETCH_TIMEOUT_MS,
      maxBytes: 64 * 1024,
      maxRedirects: 0,
      preventSsrf: this.ctx.config.federation.prevent_ssrf,
      sign: (u, headers) => signRequest({ url: u, method: 'POST', headers, body, ...key, now: this.ctx.now() }),
    });
    if (res.status < 200 || res.status >= 300) throw new FederationFetchError(`POST ${inboxUrl} answered ${res.status}`, res.status);
    return res.status;
  }
}
