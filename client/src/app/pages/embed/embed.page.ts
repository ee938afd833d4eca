import { ChangeDetectionStrategy, Component, effect, input, signal, untracked, inject } from '@angular/core';
import { VideoState } from '@shoal/models';
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
      @if (l.video.state.id === published) {
        <h1 class="visually-hidden">{{ l.video.name }}</h1>
        <sh-player [video]="l.video" [auth]="l.auth" [chapters]="l.chapters" />
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

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(null, id));
    });
  }

  protected async load(password: string | null, id = this.id()): Promise<void> {
    try {
      this.loaded.set(await this.access.load(id, password));
      this.problem.set(null);
    } catch (err) {
      this.problem.set(accessProblemOf(err));
    }
  }
}
