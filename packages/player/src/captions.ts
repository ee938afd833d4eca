import type Player from 'video.js/dist/types/player';
import type { PlayerCaption } from './player-options';
import type { RequestAuthorizer } from './request-auth';

/**
 * Captions as video.js text tracks (kind "subtitles"), so its CC button lists them. Tracks are
 * <track> elements: the browser fetches a file only when its track is shown, and it cannot send
 * headers, so a private video's files are reached through the file token in the URL.
 */
export class CaptionTracks {
  private tracks: HTMLTrackElement[] = [];

  constructor(
    private readonly player: Player,
    private readonly authorize: RequestAuthorizer,
  ) {}

  /** Replaces the tracks; waits for the tech (the <video>) when called during set-up. */
  set(captions: PlayerCaption[]): void {
    this.player.ready(() => this.apply(captions));
  }

  private apply(captions: PlayerCaption[]): void {
    for (const track of this.tracks) this.player.removeRemoteTextTrack(track as never);
    this.tracks = [];
    const video = this.player.tech(true).el() as HTMLVideoElement;
    // Remote videos' captions live on their origin: a <track> needs CORS mode to load them.
    if (captions.some((c) => new URL(c.src, location.href).origin !== location.origin)) video.crossOrigin = 'anonymous';
    for (const caption of [...captions].sort((a, b) => a.label.localeCompare(b.label))) {
      const track = this.player.addRemoteTextTrack(
        { kind: 'subtitles', srclang: caption.language, label: caption.label, src: this.authorize(caption.src).url },
        false,
      ) as unknown as HTMLTrackElement;
      this.tracks.push(track);
    }
  }
}
