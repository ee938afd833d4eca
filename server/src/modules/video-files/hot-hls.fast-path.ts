import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { isLiveRefreshedFileName } from '@shoal/ffmpeg';
import type { HotFile, HotFileCache } from './hot-file-cache';

/** `/static/streaming-playlists/hls/<uuid>/<name>.ts|.m3u8`: the public folder only, no query string. */
const HOT_HLS_URL =
  /^\/static\/streaming-playlists\/hls\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/([a-z0-9][a-z0-9-]*\.(ts|m3u8))$/i;
const TYPES = { ts: 'video/mp2t', m3u8: 'application/x-mpegurl' } as const;

export interface HotHlsFastPathOptions {
  hotFiles: HotFileCache;
  /** Path of a file in a video's public HLS folder. */
  publicFile: (uuid: string, file: string) => string;
  /** Headers every response of the instance carries (security headers), computed once. */
  commonHeaders: OutgoingHttpHeaders;
  publicCache: string;
}

/**
 * Serves public live HLS files already in memory without going through Express. A thousand
 * viewers of one live make hundreds of these requests a second; through Express each one
 * paid for the router walk, helmet's dozen setHeader calls, the CORS middleware and the
 * `res.type` lookup, several times what sending the bytes costs, and on a busy machine that
 * queue was the live benchmark's p99. Same answer as the media route: same headers, same
 * public folder, same bytes. Everything else (range requests, HEAD, tokens in the query,
 * private folders, files not cached yet) goes to `next`, the Express application.
 */
export function hotHlsFastPath(opts: HotHlsFastPathOptions) {
  const send = (res: ServerResponse, file: string, ext: keyof typeof TYPES, hot: HotFile) => {
    // Live playlists change every segment (same rule as the live module's static route).
    const cacheControl = isLiveRefreshedFileName(file) ? 'no-cache' : opts.publicCache;
    res.writeHead(200, {
      ...opts.commonHeaders,
      'Access-Control-Allow-Origin': '*',
      'Content-Type': TYPES[ext],
      'Content-Length': hot.body.length,
      'Cache-Control': cacheControl,
    });
    res.end(hot.body);
  };

  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const match = req.method === 'GET' && !req.headers.range ? HOT_HLS_URL.exec(req.url ?? '') : null;
    if (!match) return next();
    const uuid = match[1]!.toLowerCase();
    const file = match[2]!;
    const ext = match[3]!.toLowerCase() as keyof typeof TYPES;
    const path = opts.publicFile(uuid, file);
    const trusted = ext === 'ts' ? opts.hotFiles.peek(path) : undefined;
    if (trusted) return send(res, file, ext, trusted);
    opts.hotFiles.get(path, ext === 'ts').then(
      (hot) => (hot ? send(res, file, ext, hot) : next()),
      () => next(),
    );
  };
}
