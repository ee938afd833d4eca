import { ChangeDetectionStrategy, Component, DestroyRef, effect, input, signal, untracked, inject } from '@angular/core';
import { VideoState } from '@shoal/models';
import { VIDEO_PASSWORD_HEADER } from '@shoal/player';
import { ApiService } from '../../core/api.service';
import { liveLatencyMode, pollLiveState } from '../../player/live-state-poller';
import { PasswordPromptComponent } from '../../player/password-prompt.component';
import { PlayerComponent } from '../../player/player.component';
import { accessProblemOf, VideoAccessService, type AccessProblem, type PlayableVideo } from '../../player/video-access.service';

/** `/videos/embed/:id`: the player alone, for iframes on other sites. */
@Component({
  selector: 'sh-embed-page',
  imports: [PlayerComponent, PasswordPromptComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (problem() === 'password-required' || problem() === 'password-incorrect') {
      <sh-password-prompt [incorrect]="problem() === 'password-incorrect'" (submitted)="load($event)" />
    } @else if (problem()) {
      <p class="message" role="alert">This video cannot be played here.</p>
    } @else if (loaded(); as l) {
      @if (l.video.state.id === published && l.video.streamingPlaylists.length) {
        <h1 class="visually-hidden">{{ l.video.name }}</h1>
        <sh-player [video]="l.video" [auth]="l.auth" [chapters]="l.chapters" [captions]="l.captions" [embed]="true" [live]="live()" />
      } @else if (l.video.isLive && l.video.state.id === liveEnded) {
        <p class="message" role="status">This live has ended.</p>
      } @else if (l.video.isLive) {
        <p class="message" role="status">This live has not started yet: it plays here as soon as it begins.</p>
      } @else {
        <p class="message" role="status">This video is not ready yet.</p>
      }
    }
  `,
  styles: `
    .message {
      color: #fff;
      background: #000;
      margin: 0;
      padding: 2rem;
      min-height: 100vh;
    }
  `,
})
export class EmbedPage {
  readonly id = input.required<string>();
  private readonly access = inject(VideoAccessService);
  protected readonly loaded = signal<PlayableVideo | null>(null);
  protected readonly problem = signal<AccessProblem | null>(null);
  protected readonly published = VideoState.PUBLISHED;
  protected readonly liveEnded = VideoState.LIVE_ENDED;
  protected readonly live = signal<{ latencyMode: number | null } | null>(null);
  private readonly api = inject(ApiService);
  private stopPolling: (() => void) | null = null;

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(null, id));
    });
    inject(DestroyRef).onDestroy(() => this.stopPolling?.());
  }

  protected async load(password: string | null, id = this.id()): Promise<void> {
    try {
      const result = await this.access.load(id, password);
      if (result.video.isLive) {
        const headers: Record<string, string> = password ? { [VIDEO_PASSWORD_HEADER]: password } : {};
        this.live.set({ latencyMode: await liveLatencyMode(this.api, result.video.id, headers) });
        this.stopPolling?.();
        const current = () => this.loaded()?.video ?? null;
        this.stopPolling = pollLiveState(this.api, id, headers, current, (video) => this.loaded.update((l) => (l ? { ...l, video } : l)));
      }
      this.loaded.set(result);
      this.problem.set(null);
    } catch (err) {
      this.problem.set(accessProblemOf(err));
    }
  }
}
