import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  ViewEncapsulation,
  afterNextRender,
  effect,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';
import {
  createShoalPlayer,
  type PlayerAuth,
  type PlayerCaption,
  type PlayerChapter,
  type PlayerLiveOptions,
  type ShoalPlayer,
} from '@shoal/player';
import type { VideoDetails } from '@shoal/models';
import { AuthService } from '../core/auth.service';
import { ServerConfigService } from '../core/server-config.service';
import { playerP2POptions } from './player-p2p';

/** Angular host of @shoal/player; the player itself knows nothing of Angular. */
@Component({
  selector: 'sh-player',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // video.js builds its DOM outside Angular's view: its stylesheet must be global.
  encapsulation: ViewEncapsulation.None,
  styleUrl: './player.component.css',
  template: `<div class="sh-player-box" #box></div>`,
})
export class PlayerComponent {
  readonly video = input.required<VideoDetails>();
  readonly auth = input<PlayerAuth>({});
  readonly chapters = input<PlayerChapter[]>([]);
  readonly captions = input<PlayerCaption[]>([]);
  readonly startTime = input<number | undefined>(undefined);
  readonly autoplay = input(false);
  /** Embeds follow the instance's embed P2P default instead of the web app's. */
  readonly embed = input(false);
  /** Set for lives (LIVE badge, back to live, latency mode). */
  readonly live = input<PlayerLiveOptions | null>(null);
  /** First time the video actually plays (for view counting). */
  readonly started = output<void>();

  private readonly box = viewChild.required<ElementRef<HTMLElement>>('box');
  private player: ShoalPlayer | null = null;
  private destroyed = false;
  private readonly serverConfig = inject(ServerConfigService);
  private readonly authService = inject(AuthService);

  constructor() {
    afterNextRender(() => void this.create());
    effect(() => {
      const chapters = this.chapters();
      this.player?.setChapters(chapters);
    });
    effect(() => {
      const captions = this.captions();
      this.player?.setCaptions(captions);
    });
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      this.player?.dispose();
    });
  }

  seek(seconds: number): void {
    if (!this.player) return;
    this.player.seek(seconds);
    void this.player.play().catch(() => undefined);
    this.player.videojs.el().querySelector<HTMLElement>('.vjs-play-control')?.focus();
  }

  currentTime(): number {
    return this.player?.currentTime() ?? 0;
  }

  private async create(): Promise<void> {
    const video = this.video();
    const playlist = video.streamingPlaylists?.[0];
    if (!playlist) return;
    // Cached after the first page: only a first visit waits for it.
    const config = await this.serverConfig.load();
    if (this.destroyed) return;
    const p2p = playerP2POptions(video, config, this.embed() ? 'embed' : 'webapp', this.authService.user()?.p2pEnabled);
    this.player = createShoalPlayer({
      container: this.box().nativeElement,
      playlistUrl: playlist.playlistUrl,
      title: video.name,
      poster: video.previewPath ?? video.thumbnailPath,
      duration: video.duration,
      chapters: this.chapters(),
      captions: this.captions(),
      auth: this.auth(),
      autoplay: this.autoplay(),
      startTime: this.startTime(),
      p2p,
      live: video.isLive ? (this.live() ?? {}) : null,
    });
    this.player.videojs.one('playing', () => this.started.emit());
  }
}
