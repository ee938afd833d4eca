import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { Video } from '@shoal/models';
import { VideoCardComponent } from './video-card.component';

/** A responsive list of video cards with its loading, error and empty states. */
@Component({
  selector: 'sh-video-grid',
  imports: [VideoCardComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (error()) {
      <p class="alert error" role="alert">{{ error() }}</p>
    } @else if (videos() === null) {
      <p class="muted" role="status">Loading videos…</p>
    } @else if (videos()!.length === 0) {
      <p class="muted">{{ emptyText() }}</p>
    } @else {
      <ul class="grid" [attr.aria-label]="label()">
        @for (video of videos(); track video.id) {
          <li><sh-video-card [video]="video" /></li>
        }
      </ul>
    }
  `,
  styles: `
    .grid {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 1.25rem;
      grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
    }
  `,
})
export class VideoGridComponent {
  readonly videos = input<Video[] | null>(null);
  readonly error = input<string | null>(null);
  readonly label = input('Videos');
  readonly emptyText = input('No videos yet.');
}
