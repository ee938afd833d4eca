import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { formatBytes } from '../format';

/** Progress bar of an upload, with pause/resume/cancel. */
@Component({
  selector: 'sh-upload-progress',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="progress" aria-labelledby="upload-progress-label">
      <p id="upload-progress-label">
        <strong>{{ headline() }}</strong>
        <span class="muted"> {{ percent() }}% · {{ sentText() }} of {{ totalText() }}</span>
      </p>
      <progress max="100" [value]="percent()" aria-labelledby="upload-progress-label" data-testid="upload-progress"></progress>
      <p class="visually-hidden" role="status">{{ headline() }}</p>
      <div class="buttons">
        @if (phase() === 'uploading') {
          <button type="button" class="btn" (click)="paused.emit()">Pause</button>
        } @else if (phase() === 'paused' || phase() === 'failed') {
          <button type="button" class="btn" (click)="resumed.emit()">Resume</button>
        }
        @if (phase() !== 'uploaded') {
          <button type="button" class="btn btn-danger" (click)="cancelled.emit()">Cancel</button>
        }
      </div>
    </section>
  `,
  styles: `
    .progress {
      margin-bottom: 1.5rem;
    }
    progress {
      width: 100%;
      max-width: 40rem;
      height: 1.25rem;
      accent-color: var(--primary);
    }
    .buttons {
      display: flex;
      gap: 0.5rem;
      margin-top: 0.5rem;
    }
  `,
})
export class UploadProgressComponent {
  readonly sent = input(0);
  readonly total = input(0);
  readonly phase = input<'select' | 'uploading' | 'paused' | 'uploaded' | 'failed'>('uploading');
  readonly paused = output<void>();
  readonly resumed = output<void>();
  readonly cancelled = output<void>();

  protected readonly percent = computed(() => (this.total() ? Math.floor((this.sent() / this.total()) * 100) : 0));
  protected readonly sentText = computed(() => formatBytes(this.sent()));
  protected readonly totalText = computed(() => formatBytes(this.total()));
  protected readonly headline = computed(() => {
    switch (this.phase()) {
      case 'uploaded':
        return 'Upload complete';
      case 'paused':
        return 'Upload paused';
      case 'failed':
        return 'Upload interrupted';
      default:
        return 'Uploading…';
    }
  });
}
