/** A playlist reference to a media file or sub-playlist: a URI line or a quoted URI="…" attribute. */
const REFERENCE = /([^\s"#?]+\.(m3u8|mp4|ts))(?=["\r\n]|$)/gm;

/**
 * Makes a playlist usable by players that cannot send headers (Safari's native HLS,
 * external players): every referenced playlist, segment and fMP4 gets `videoFileToken`,
 * and references inside a master also ask for the same rewriting of the rendition playlists.
 * Only called with a token that verified, so nothing the client sent is reflected unchecked.
 */
export function injectVideoFileToken(playlist: string, token: string): string {
  const isMaster = playlist.includes('#EXT-X-STREAM-INF');
  const query = `videoFileToken=${encodeURIComponent(token)}`;
  return playlist.replace(REFERENCE, (ref: string, _path: string, ext: string) => {
    const reinject = isMaster && ext === 'm3u8' ? '&reinjectVideoFileToken=true' : '';
    return `${ref}?${query}${reinject}`;
  });
}
