import Hls from 'hls.js';
import videojs from 'video.js/core.es.js';
import type Player from 'video.js/dist/types/player';
import { ChapterDisplay } from './chapters';
import { startHls } from './hls-playback';
import type { QualityChoice } from './quality';
import { hotkeysHandler } from './hotkeys';
import { injectPlayerStyles } from './player-styles';
import type { PlayerChapter, ShoalPlayerOptions } from './player-options';
import { createRequestAuthorizer, nativeHlsUrl } from './request-auth';
import { SelectMenuButton } from './select-menu';

export const DEFAULT_PLAYBACK_RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2];

/**
 * Shoal's player: video.js draws the controls, hls.js feeds the <video> from the master
 * playlist. Add-ons (quality and chapter menus, chapter marks, shortcuts) hang off the
 * video.js control bar; segment loading can be swapped through `options.hls`.
 */
export class ShoalPlayer {
  readonly videojs: Player;
  private hls: Hls | null = null;
  private readonly chapterDisplay: ChapterDisplay;
  private qualityMenu: SelectMenuButton | null = null;
  private levels: QualityChoice[] = [];
  private playingLevel = -1;

  constructor(private readonly options: ShoalPlayerOptions) {
    injectPlayerStyles();
    const video = document.createElement('video');
    video.className = 'video-js vjs-shoal vjs-big-play-centered';
    video.setAttribute('playsinline', '');
    options.container.replaceChildren(video);
    const rates = options.playbackRates ?? DEFAULT_PLAYBACK_RATES;
    this.videojs = videojs(video, {
      controls: true,
      fluid: true,
      aspectRatio: '16:9',
      preload: 'auto',
      autoplay: options.autoplay ?? false,
      poster: options.poster ?? undefined,
      playbackRates: rates,
      userActions: { hotkeys: hotkeysHandler(rates) },
      controlBar: { remainingTimeDisplay: { displayNegative: false } },
    });
    this.videojs.el().setAttribute('aria-label', options.title ? `Video player: ${options.title}` : 'Video player');
    this.chapterDisplay = new ChapterDisplay(this.videojs, options.duration ?? 0);
    this.chapterDisplay.set(options.chapters ?? []);
    this.videojs.ready(() => this.load());
  }

  /** The hls.js instance once playback started (null with native HLS). */
  get hlsInstance(): Hls | null {
    return this.hls;
  }

  get videoElement(): HTMLVideoElement {
    return this.videojs.tech(true).el() as HTMLVideoElement;
  }

  play(): Promise<void> {
    return this.videojs.play() ?? Promise.resolve();
  }

  seek(seconds: number): void {
    this.videojs.currentTime(seconds);
  }

  currentTime(): number {
    return this.videojs.currentTime() ?? 0;
  }

  setChapters(chapters: PlayerChapter[]): void {
    this.chapterDisplay.set(chapters);
  }

  on(event: string | string[], handler: () => void): void {
    this.videojs.on(event, handler);
  }

  dispose(): void {
    this.hls?.destroy();
    this.hls = null;
    this.videojs.dispose();
  }

  private load(): void {
    const { playlistUrl, auth } = this.options;
    const authorize = createRequestAuthorizer(auth, this.options.origin ?? location.origin);
    const video = this.videoElement;
    if (Hls.isSupported()) {
      this.hls = startHls(
        video,
        playlistUrl,
        authorize,
        {
          onLevels: (levels) => this.showQualities(levels),
          onLevelSwitched: (index) => this.levelSwitched(index),
          onFatalError: (message) => this.videojs.error(message),
        },
        this.options.hls,
      );
    } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
      // Safari without MSE: no headers possible, the server re-injects the file token instead.
      this.videojs.src({ src: nativeHlsUrl(playlistUrl, auth), type: 'application/x-mpegURL' });
    } else {
      this.videojs.error('This browser cannot play HLS video.');
    }
    const start = this.options.startTime;
    if (start) this.videojs.one('loadedmetadata', () => this.videojs.currentTime(start));
  }

  private showQualities(levels: QualityChoice[]): void {
    this.levels = levels;
    if (this.qualityMenu || levels.length === 0) return this.qualityMenu?.refresh();
    this.qualityMenu = new SelectMenuButton(this.videojs, {
      className: 'vjs-quality-menu',
      title: 'Quality',
      value: () => this.qualityLabel(),
      entries: () => {
        const auto = this.hls?.autoLevelEnabled ?? true;
        const playing = this.levels.find((l) => l.index === this.playingLevel);
        return [
          { label: playing && auto ? `Auto (${playing.label})` : 'Auto', selected: auto, select: () => this.selectLevel(-1) },
          ...this.levels.map((l) => ({
            label: l.label,
            selected: !auto && l.index === this.playingLevel,
            select: () => this.selectLevel(l.index),
          })),
        ];
      },
    });
    const controlBar = (
      this.videojs as unknown as { controlBar: { addChild(c: unknown, o: unknown, i: number): void; children(): unknown[] } }
    ).controlBar;
    controlBar.addChild(this.qualityMenu, {}, Math.max(0, controlBar.children().length - 1));
  }

  private qualityLabel(): string {
    if (this.hls?.autoLevelEnabled ?? true) return 'Auto';
    return this.levels.find((l) => l.index === this.playingLevel)?.label ?? 'Auto';
  }

  private selectLevel(index: number): void {
    if (!this.hls) return;
    this.hls.currentLevel = index;
    this.qualityMenu?.refresh();
  }

  private levelSwitched(index: number): void {
    this.playingLevel = index;
    this.qualityMenu?.refresh();
  }
}

export function createShoalPlayer(options: ShoalPlayerOptions): ShoalPlayer {
  return new ShoalPlayer(options);
}
