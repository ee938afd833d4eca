import type Hls from 'hls.js';
import type Player from 'video.js/dist/types/player';

/** Further behind the live edge than this many segments (at least 3 s), the viewer is offered to jump back. */
const BEHIND_MARGIN_SEGMENTS = 1.5;
const MIN_BEHIND_MARGIN_S = 3;

/**
 * LIVE badge and "Back to live" button of a live's control bar. hls.js knows the live edge
 * (`liveSyncPosition`, the point it keeps the configured number of segments behind);
 * video.js's own live tracker is not used since hls.js feeds the <video> directly.
 */
export class LiveControls {
  private readonly badge: HTMLElement;
  private readonly backButton: HTMLButtonElement;

  constructor(
    private readonly player: Player,
    private readonly hls: () => Hls | null,
  ) {
    player.addClass('vjs-shoal-live');
    this.badge = document.createElement('span');
    this.badge.className = 'vjs-live-badge';
    this.badge.textContent = 'LIVE';
    this.backButton = document.createElement('button');
    this.backButton.type = 'button';
    this.backButton.className = 'vjs-back-to-live';
    this.backButton.textContent = 'Back to live';
    this.backButton.hidden = true;
    this.backButton.addEventListener('click', () => this.backToLive());
    const bar = player.getChild('ControlBar')?.el();
    const progress = bar?.querySelector('.vjs-progress-control');
    bar?.insertBefore(this.badge, progress ?? null);
    bar?.insertBefore(this.backButton, progress ?? null);
    player.on('timeupdate', () => this.update());
  }

  /** Seconds between the playhead and the live edge, or 0 when unknown. */
  behindBy(): number {
    const edge = this.hls()?.liveSyncPosition;
    if (edge === null || edge === undefined) return 0;
    return Math.max(0, edge - (this.player.currentTime() ?? 0));
  }

  backToLive(): void {
    const edge = this.hls()?.liveSyncPosition;
    if (edge === null || edge === undefined) return;
    this.player.currentTime(edge);
    void this.player.play()?.catch(() => undefined);
  }

  private update(): void {
    const hls = this.hls();
    const segment = hls?.levels[Math.max(0, hls.currentLevel)]?.details?.targetduration ?? 4;
    const behind = this.behindBy() > Math.max(MIN_BEHIND_MARGIN_S, BEHIND_MARGIN_SEGMENTS * segment);
    this.backButton.hidden = !behind;
    this.badge.classList.toggle('vjs-live-badge-behind', behind);
    this.badge.title = behind ? 'Behind the live' : 'At the live';
  }
}
