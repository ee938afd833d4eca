/** A parsed `Content-Range` of a resumable upload chunk. */
export type ContentRange = { kind: 'status'; total: number } | { kind: 'chunk'; start: number; end: number; total: number };

/** `bytes 0-99/1000` (inclusive) or `bytes *\/1000`; null when malformed. */
export function parseContentRange(header: string | undefined): ContentRange | null {
  if (!header) return null;
  const status = /^bytes \*\/(\d{1,15})$/.exec(header.trim());
  if (status) return { kind: 'status', total: Number(status[1]) };
  const m = /^bytes (\d{1,15})-(\d{1,15})\/(\d{1,15})$/.exec(header.trim());
  if (!m) return null;
  const [start, end, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (end < start || end >= total) return null;
  return { kind: 'chunk', start, end, total };
}
