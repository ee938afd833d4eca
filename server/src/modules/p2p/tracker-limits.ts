/** Announces counted per IP over this window. */
export const ANNOUNCE_WINDOW_MS = 5 * 60_000;
/** Past this many announces from one IP in a window, the IP is logged as abnormal. */
export const ABNORMAL_ANNOUNCES_PER_IP = 30;
/** Past this many announces from one IP for one info-hash in a window, announces may be refused. */
export const MAX_ANNOUNCES_PER_IP_AND_HASH = 15;

export type AnnounceVerdict = 'ok' | 'abnormal' | 'too-many';

/**
 * Fixed-window counters of announces. A player re-announces every couple of minutes per
 * rendition, so these limits only catch loops and scripted floods. In memory: each web
 * process limits what it sees.
 */
export class AnnounceLimiter {
  private windowStart = 0;
  private perIp = new Map<string, number>();
  private perIpAndHash = new Map<string, number>();

  constructor(
    private readonly rejectTooMany: boolean,
    private readonly now: () => number = Date.now,
  ) {}

  check(ip: string, infoHash: string): AnnounceVerdict {
    const now = this.now();
    if (now - this.windowStart >= ANNOUNCE_WINDOW_MS) {
      this.windowStart = now;
      this.perIp = new Map();
      this.perIpAndHash = new Map();
    }
    const ipCount = (this.perIp.get(ip) ?? 0) + 1;
    this.perIp.set(ip, ipCount);
    const key = `${ip} ${infoHash}`;
    const hashCount = (this.perIpAndHash.get(key) ?? 0) + 1;
    this.perIpAndHash.set(key, hashCount);
    if (this.rejectTooMany && hashCount > MAX_ANNOUNCES_PER_IP_AND_HASH) return 'too-many';
    // Logged once per window and IP, not on every announce past the mark.
    return ipCount === ABNORMAL_ANNOUNCES_PER_IP + 1 ? 'abnormal' : 'ok';
  }
}
