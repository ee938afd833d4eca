import type { Request } from 'express';
import { apActivityBase, ServerErrorCode, type ApActivity } from '@shoal/models';
import type { AppContext } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import { ActorModel } from '../../actors';
import type { RemoteActors } from '../actors/remote-actors';
import { FederationFetchError } from '../http/safe-request';
import { urlHost } from '../origin';
import { checkRequestSignature } from '../signatures/http-signature';
import { checkForwardedLd } from '../signatures/ld-forward-check';
import { rememberSignature } from '../signatures/replay-guard';
import { isActorBlocked, isHostBlocked } from './blocked';
import { originViolation } from './origin-checks';

/**
 * A verified inbox POST. `signer` is whose key vouches for `activity`: the HTTP signer, or for a
 * forwarded activity with a valid RsaSignature2017 (`ldSigned`) its author.
 */
export interface VerifiedActivity {
  activity: ApActivity;
  signer: ActorModel;
  forwarded: boolean;
  ldSigned: boolean;
}

const unauthorized = (why: string) => new AppError(401, ServerErrorCode.UNAUTHORIZED, `Invalid HTTP signature: ${why}`);
const forbidden = (why: string) => new AppError(403, ServerErrorCode.FORBIDDEN, why);

/**
 * Everything an inbox POST goes through before it is queued, in this order: signature shape, Date
 * window and Digest; the signer's key (fetched and cached in `actors`, refetched once on a failure to
 * follow key rotation); replay; JSON shape; origin rules; blocklists. Any failure is a 4xx problem
 * and nothing is stored except the signer's actor row.
 */
export class InboxReceiver {
  constructor(
    private readonly ctx: AppContext,
    private readonly remote: RemoteActors,
  ) {}

  /** `null`: an actor that no longer exists announcing its own deletion; nothing to do (PeerTube answers 204 too). */
  async verify(req: Request): Promise<VerifiedActivity | null> {
    const rawBody = Buffer.isBuffer(req.body) ? req.body : undefined;
    const check = checkRequestSignature({ method: req.method, url: req.originalUrl, headers: req.headers, rawBody, now: this.ctx.now() });
    if (!check.ok) throw unauthorized(check.reason);
    const host = urlHost(check.actorUrl);
    if (!host) throw unauthorized('keyId is not a URL');
    if (host === this.ctx.publicHost.toLowerCase()) throw AppError.conflict('Activities signed by a local actor are not accepted');
    if (await isHostBlocked(host)) throw forbidden('This server is blocked');

    let signer: ActorModel;
    try {
      signer = await this.verifiedSigner(check.actorUrl, (pem) => check.signature.verify(pem));
    } catch (err) {
      if (err instanceof GoneActor && isSelfDelete(rawBody, check.actorUrl)) return null;
      throw err;
    }
    if (!(await rememberSignature(this.ctx.redis, this.ctx.config.redis.prefix, check.header))) {
      throw unauthorized('this signed request was already received (replay)');
    }

    let json: unknown;
    try {
      json = JSON.parse(rawBody!.toString('utf8'));
    } catch {
      throw new AppError(400, ServerErrorCode.MALFORMED_BODY, 'The body is not JSON');
    }
    const parsed = apActivityBase.safeParse(json);
    if (!parsed.success) throw AppError.badRequest('The body is not a valid activity');
    const activity = parsed.data;
    const forwarded = activity.actor !== signer.url;
    if (!forwarded) {
      const violation = originViolation(activity);
      if (violation) throw forbidden(violation);
    }
    if (await isActorBlocked(signer)) throw forbidden('This account is blocked');
    if (forwarded) return this.verifyForwarded(json as Record<string, unknown>, activity, signer);
    return { activity, signer, forwarded, ldSigned: false };
  }

  /**
   * Spec §3.2.4 / §3.3: a forwarded activity (actor ≠ HTTP signer) is trusted on its author's
   * RsaSignature2017. A signature that the author's key does not verify is refused (403). Without a
   * usable one (none, unknown context, not readable as signed) it is queued as forwarded and the
   * job re-fetches it from its origin instead.
   */
  private async verifyForwarded(
    raw: Record<string, unknown>,
    received: ApActivity,
    forwarder: ActorModel,
  ): Promise<VerifiedActivity | null> {
    const ld = await checkForwardedLd(raw);
    if (ld.kind === 'unusable') {
      this.ctx.logger.debug({ activity: received.id, reason: ld.reason }, 'forwarded activity without a usable LD signature');
      return { activity: received, signer: forwarder, forwarded: true, ldSigned: false };
    }
    const host = urlHost(ld.actorUrl);
    // Our own activity coming back through a forwarder: nothing to learn from it.
    if (!host || host === this.ctx.publicHost.toLowerCase()) return null;
    if (await isHostBlocked(host)) throw forbidden('This server is blocked');
    let author: ActorModel;
    try {
      author = await this.verifiedSigner(ld.actorUrl, ld.verify);
    } catch (err) {
      throw forbidden(`Invalid linked-data signature: ${(err as Error).message.replace(/^Invalid HTTP signature: /, '')}`);
    }
    const parsed = apActivityBase.safeParse(ld.activity);
    if (!parsed.success) throw AppError.badRequest('The body is not a valid activity');
    const violation = originViolation(parsed.data);
    if (violation) throw forbidden(violation);
    if (await isActorBlocked(author)) throw forbidden('This account is blocked');
    return { activity: parsed.data, signer: author, forwarded: true, ldSigned: true };
  }

  /** The signer's stored actor whose key verifies the request; one refetch when the cached key fails. */
  private async verifiedSigner(actorUrl: string, verify: (pem: string) => boolean): Promise<ActorModel> {
    const safeVerify = (pem: string | null) => {
      try {
        return !!pem && verify(pem);
      } catch {
        return false;
      }
    };
    // GoToSocial-style key ids (`{actor}/main-key`, no fragment) name a key document owned by the actor.
    const ownerUrl = actorUrl.replace(/\/main-key$/, '');
    const cached = await ActorModel.findOne({ where: { url: [actorUrl, ownerUrl] } });
    if (cached && safeVerify(cached.publicKey)) return cached;
    // A key rotation is looked for at most once a minute per actor: bad signatures must not make us a fetch relay.
    const throttle = `${this.ctx.config.redis.prefix}:fed:refetch:${actorUrl}`;
    if (cached && (await this.ctx.redis.set(throttle, '1', 'EX', 60, 'NX')) !== 'OK') {
      throw unauthorized('signature does not match the key');
    }
    let fresh: ActorModel;
    try {
      fresh = await this.remote.resolve(actorUrl, { refresh: true });
    } catch (err) {
      const status = err instanceof FederationFetchError ? err.status : (err as { status?: number }).status;
      if (!cached && (status === 404 || status === 410)) throw new GoneActor(`the actor ${actorUrl} is gone`);
      throw unauthorized(`cannot fetch the key of ${actorUrl}: ${(err as Error).message}`);
    }
    if ((fresh.url !== actorUrl && fresh.url !== ownerUrl) || !safeVerify(fresh.publicKey))
      throw unauthorized('signature does not match the key');
    return fresh;
  }
}

/** The signer's actor answered 404/410 and we never knew it. */
class GoneActor extends AppError {
  constructor(message: string) {
    super(401, ServerErrorCode.UNAUTHORIZED, `Invalid HTTP signature: ${message}`);
  }
}

function isSelfDelete(rawBody: Buffer | undefined, actorUrl: string): boolean {
  try {
    const body = JSON.parse(rawBody?.toString('utf8') ?? '') as { type?: unknown; actor?: unknown; object?: unknown };
    return body.type === 'Delete' && body.actor === actorUrl && body.object === actorUrl;
  } catch {
    return false;
  }
}
