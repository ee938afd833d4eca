/** A segment's bytes inside its file, both ends inclusive (as p2p-media-loader and the sha JSON count). */
export interface SegmentByteRange {
  start: number;
  end: number;
}

/**
 * The segment hash JSON of a streaming playlist: for VOD, per fMP4 file name a map of
 * `"<start>-<end>"` byte ranges to SHA-256 hex; for lives, a flat map of segment file names
 * to the hash of the whole file.
 */
export type SegmentHashes = Record<string, string | Record<string, string>>;

/** The file name a hash entry is keyed by: last path segment, without query or fragment. */
export function segmentFileName(url: string): string {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** The expected hash of one segment, or undefined when the JSON does not (yet) list it. */
export function expectedSegmentHash(hashes: SegmentHashes, url: string, range: SegmentByteRange | undefined): string | undefined {
  const entry = hashes[segmentFileName(url)];
  if (entry === undefined) return undefined;
  if (typeof entry === 'string') return range ? undefined : entry;
  return range ? entry[`${range.start}-${range.end}`] : undefined;
}

export async function sha256Hex(data: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** True only when the data's SHA-256 is the listed one: unknown segments fail too. */
export async function segmentMatches(
  hashes: SegmentHashes,
  url: string,
  range: SegmentByteRange | undefined,
  data: ArrayBuffer,
): Promise<boolean | 'unknown'> {
  const expected = expectedSegmentHash(hashes, url, range);
  if (!expected) return 'unknown';
  return (await sha256Hex(data)) === expected.toLowerCase();
}

export interface SegmentValidatorOptions {
  /** Fetches the hash JSON (with the viewer's credentials when needed). */
  load: () => Promise<SegmentHashes>;
  /** A live's JSON grows: a segment it does not list yet is looked up again a few times. */
  isLive: boolean;
  retries?: number;
  retryDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Checks segments received from peers against the hash JSON, loaded once (VOD) or again
 * when a segment is not listed yet (lives). Any doubt rejects the segment: the player then
 * fetches it over HTTP from the origin.
 */
export function createSegmentValidator(options: SegmentValidatorOptions) {
  const retries = options.retries ?? (options.isLive ? 10 : 1);
  const delay = options.retryDelayMs ?? 500;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let current: Promise<SegmentHashes> | null = null;
  const reload = () => (current = options.load().catch(() => ({}) as SegmentHashes));

  return async (url: string, range: SegmentByteRange | undefined, data: ArrayBuffer): Promise<boolean> => {
    let hashes = await (current ?? reload());
    for (let attempt = 0; ; attempt++) {
      const verdict = await segmentMatches(hashes, url, range, data);
      if (verdict !== 'unknown') return verdict;
      if (attempt >= retries) return false;
      if (attempt > 0 || options.isLive) await sleep(delay);
      hashes = await reload();
    }
  };
}
