import { Router } from 'express';
import { isLiveRefreshedFileName } from '@shoal/ffmpeg';

/**
 * Live playlists and the hash JSON change every segment: the 2-hour public cache of
 * media files would freeze players. This runs before the media routes and only marks
 * the response; the media routes still decide access and serve the file. Private
 * files are already `private, no-store`, which is left alone. Live files are told by their
 * name, not by this process's sessions: with several web processes, the one serving a
 * playlist is not always the one receiving the stream.
 */
export function liveStaticRoutes(): Router {
  const router = Router();
  router.get(/^\/static\/streaming-playlists\/hls\/[0-9a-f-]{36}\/([^/]+\.(?:m3u8|json))$/i, (req, res, next) => {
    const file = (req.params as Record<string, string>)[0];
    if (file && isLiveRefreshedFileName(file)) {
      const set = res.set.bind(res);
      // The media route sets its own Cache-Control afterwards: keep ours.
      res.set = ((field: string | Record<string, string>, value?: string | string[]) =>
        typeof field === 'string' && field.toLowerCase() === 'cache-control'
          ? set(field, 'no-cache')
          : set(field as string, value as string)) as typeof res.set;
      res.set('Cache-Control', 'no-cache');
    }
    next();
  });
  return router;
}
