import { createHmac, timingSafeEqual } from 'node:crypto';
import { VIDEO_FILE_TOKEN_PATTERN } from '@shoal/models';

/** PeerTube's token lifetime. */
export const VIDEO_FILE_TOKEN_TTL_MS = 8 * 3600 * 1000;

/** What a token remembers of the credentials it was issued against. */
export interface VideoFileTokenClaims {
  /** Unix seconds. */
  expiresAt: number;
  /** The user who asked, so their rights are checked again on every use; 0 = anonymous. */
  userId: number;
  /** Keyed fingerprint of the password that was sent, never the password itself; '' = none. */
  passwordTag: string;
}

const b64 = (buf: Buffer) => buf.toString('base64url');

/**
 * Stateless video file tokens: `<expiresAt>.<userId>.<passwordTag>.<mac>`, an HMAC-SHA256
 * over those fields and the video UUID. Any process holding the instance secret can check
 * them, and they survive restarts. A token is not a grant by itself: it is turned back into
 * the viewer it was issued to, and the video's current privacy rule decides again, so a
 * removed password, a demoted user or a privacy change revoke it at once.
 */
export class VideoFileTokenSigner {
  constructor(private readonly secret: Buffer) {}

  sign(videoUuid: string, claims: VideoFileTokenClaims): string {
    const fields = `${claims.expiresAt}.${claims.userId}.${claims.passwordTag}`;
    return `${fields}.${this.mac(videoUuid, fields)}`;
  }

  /** Claims of a token issued for this video and not expired; null otherwise. */
  verify(videoUuid: string, token: string, now: Date): VideoFileTokenClaims | null {
    if (!VIDEO_FILE_TOKEN_PATTERN.test(token)) return null;
    const cut = token.lastIndexOf('.');
    const fields = token.slice(0, cut);
    const given = Buffer.from(token.slice(cut + 1), 'base64url');
    const expected = Buffer.from(this.mac(videoUuid, fields), 'base64url');
    // Length first: timingSafeEqual throws on different lengths, and length is not secret.
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const [expiresAt, userId, passwordTag] = fields.split('.');
    const claims = { expiresAt: Number(expiresAt), userId: Number(userId), passwordTag };
    if (!Number.isSafeInteger(claims.expiresAt) || !Number.isSafeInteger(claims.userId)) return null;
    return claims.expiresAt * 1000 > now.getTime() ? claims : null;
  }

  /** Fingerprint of a video password, bound to the video so tags cannot be compared across videos. */
  passwordTag(videoUuid: string, password: string): string {
    return b64(this.hmac(`password\n${videoUuid.toLowerCase()}\n${password}`).subarray(0, 16));
  }

  private mac(videoUuid: string, fields: string): string {
    return b64(this.hmac(`video-file-token-v1\n${videoUuid.toLowerCase()}\n${fields}`));
  }

  private hmac(data: string): Buffer {
    return createHmac('sha256', this.secret).update(data).digest();
  }
}
