import Hls from 'hls.js';
import videojs from 'video.js/core.es.js';
import type Player from 'video.js/dist/types/player';
import { CaptionTracks } from './captions';
import { ChapterDisplay } from './chapters';
import { liveHlsTuning, startHls } from './hls-playback';
import { LiveControls } from './live/live-controls';
import type { P2PEngineHandle } from './p2p/p2p-engine';
import { P2PMenu } from './p2p/p2p-menu';
import { browserP2PEnv, p2pUnavailableReason, storedP2PPreference, storeP2PPreference } from './p2p/p2p-policy';
import { P2PStats, publishP2PStats } from './p2p/p2p-stats';
import type { QualityChoice } from './quality';
import { hotkeysHandler } from './hotkeys';
import { injectPlayerStyles } from './player-styles';
import type { HlsIntegration, PlayerCaption, PlayerChapter, ShoalPlayerOptions } from './player-options';
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
  private readonly captionTracks: CaptionTracks;
  private qualityMenu: SelectMenuButton | null = null;
  private levels: QualityChoice[] = [];
  private playingLevel = -1;
  /** Where segment bytes came from; shown in the P2P menu and published for tests. */
  readonly p2pStats = new P2PStats();
  private p2pEngine: P2PEngineHandle | null = null;
  private p2pMenu: P2PMenu | null = null;
  private liveControls: LiveControls | null = null;
  private readonly cleanups: (() => void)[] = [];
  private disposed = false;

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
    this.captionTracks = new CaptionTracks(this.videojs, createRequestAuthorizer(options.auth, options.origin ?? location.origin));
    this.captionTracks.set(options.captions ?? []);
    this.videojs.ready(() => void this.load());
  }

  /** LIVE badge and "back to live" of a live (null for VOD). */
  get live(): LiveControls | null {
    return this.liveControls;
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

  /** Replaces the subtitle tracks (the CC menu follows). */
  setCaptions(captions: PlayerCaption[]): void {
    this.captionTracks.set(captions);
  }

  on(event: string | string[], handler: () => void): void {
    this.videojs.on(event, handler);
  }

  dispose(): void {
    this.disposed = true;
    for (const cleanup of this.cleanups) cleanup();
    this.p2pMenu?.dispose();
    this.hls?.destroy();
    this.hls = null;
    this.videojs.dispose();
  }

  private async load(): Promise<void> {
    const { playlistUrl, auth, live } = this.options;
    const authorize = createRequestAuthorizer(auth, this.options.origin ?? location.origin);
    const video = this.videoElement;
    if (Hls.isSupported()) {
      const integration = await this.hlsIntegration();
      if (this.disposed) return;
      this.hls = startHls(
        video,
        playlistUrl,
        authorize,
        {
          onLevels: (levels) => this.showQualities(levels),
          onLevelSwitched: (index) => this.levelSwitched(index),
          onFatalError: (message) => this.videojs.error(message),
          // With P2P on, p2p-media-loader loads segments and counts each source itself;
          // otherwise (off, unavailable) hls.js's own loader fetches them over HTTP.
          onFragmentLoaded: (bytes) => (this.p2pStats.mode === 'on' ? undefined : this.p2pStats.downloaded(bytes, 'http')),
        },
        integration,
        live ? liveHlsTuning(live.latencyMode) : {},
      );
      if (live) this.liveControls = new LiveControls(this.videojs, () => this.hls);
    } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
      // Safari without MSE: no headers possible, the server re-injects the file token instead.
      this.videojs.src({ src: nativeHlsUrl(playlistUrl, auth), type: 'application/x-mpegURL' });
    } else {
      this.videojs.error('This browser cannot play HLS video.');
    }
    const start = this.options.startTime;
    if (start) this.videojs.one('loadedmetadata', () => this.videojs.currentTime(start));
  }

  /**
   * p2p-media-loader is fetched only when this video may use P2P in this browser; the
   * viewer's toggle then switches sharing on and off without reloading the video.
   */
  private async hlsIntegration(): Promise<HlsIntegration | undefined> {
    const p2p = this.options.p2p;
    if (!p2p) return this.options.hls;
    const isLive = !!this.options.live;
    let reason = p2pUnavailableReason({ ...p2p, isLive, latencyMode: this.options.live?.latencyMode }, browserP2PEnv());
    const enabled = storedP2PPreference() ?? p2p.defaultEnabled;
    this.cleanups.push(publishP2PStats(this.p2pStats, this.videojs.el() as HTMLElement));
    if (!reason) {
      try {
        const { createP2PEngine } = await import('./p2p/p2p-engine');
        this.p2pEngine = createP2PEngine(
          { ...p2p, segmentsSha256Url: p2p.segmentsSha256Url!, isLive, latencyMode: this.options.live?.latencyMode },
          this.p2pStats,
          enabled,
        );
      } catch {
        reason = 'the P2P module could not be loaded';
      }
    }
    if (this.disposed) return undefined;
    this.p2pStats.setMode(reason ? 'unavailable' : enabled ? 'on' : 'off');
    this.p2pMenu = new P2PMenu(this.videojs, {
      stats: this.p2pStats,
      unavailableReason: reason,
      setEnabled: (on) => {
        storeP2PPreference(on);
        this.p2pStats.setMode(on ? 'on' : 'off');
        this.p2pEngine?.setEnabled(on);
      },
    });
    return this.p2pEngine?.integration ?? this.options.hls;
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
