import type { PlayerAuth } from './player-options';

export const VIDEO_PASSWORD_HEADER = 'x-peertube-video-password';

export interface AuthorizedRequest {
  url: string;
  headers: Record<string, string>;
}

/** Turns a media URL into the URL and headers to fetch it with. */
export type RequestAuthorizer = (url: string) => AuthorizedRequest;

/**
 * Credentials go to our own origin only: a redundancy mirror or a CDN must never see a
 * viewer's password or token. Headers are preferred; the file token also goes in the URL
 * because it is the one credential that works without headers (native HLS, downloads).
 */
export function createRequestAuthorizer(auth: PlayerAuth | undefined, origin: string): RequestAuthorizer {
  return (url) => {
    const absolute = new URL(url, origin);
    if (!auth || absolute.origin !== origin) return { url, headers: {} };
    const headers: Record<string, string> = {};
    if (auth.videoPassword) headers[VIDEO_PASSWORD_HEADER] = auth.videoPassword;
    const bearer = typeof auth.bearerToken === 'function' ? auth.bearerToken() : auth.bearerToken;
    if (bearer) headers['authorization'] = `Bearer ${bearer}`;
    if (auth.videoFileToken && !absolute.searchParams.has('videoFileToken')) {
      absolute.searchParams.set('videoFileToken', auth.videoFileToken);
      return { url: absolute.toString(), headers };
    }
    return { url, headers };
  };
}

/** The URL a player that cannot send headers (Safari's native HLS) must load. */
export function nativeHlsUrl(playlistUrl: string, auth: PlayerAuth | undefined): string {
  if (!auth?.videoFileToken) return playlistUrl;
  const url = new URL(playlistUrl, location.href);
  url.searchParams.set('videoFileToken', auth.videoFileToken);
  url.searchParams.set('reinjectVideoFileToken', 'true');
  return url.toString();
}
