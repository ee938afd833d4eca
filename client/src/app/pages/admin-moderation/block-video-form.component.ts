import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { VIDEO_BLOCK_CONSTRAINTS } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';
import { videoRefFrom } from './video-ref';

/** Blocks a video by id, UUID or URL (`POST /videos/:id/blacklist`). */
@Component({
  selector: 'sh-block-video-form',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="block" (submit)="block($event)" novalidate aria-labelledby="block-video-title">
      <h2 id="block-video-title">Block a video</h2>
      <div class="form-field">
        <label for="block-video-ref">Video URL, UUID or id</label>
        <input id="block-video-ref" name="ref" required [(ngModel)]="ref" maxlength="500" />
      </div>
      <div class="form-field">
        <label for="block-video-reason">Reason (optional)</label>
        <input
          id="block-video-reason"
          name="reason"
          [(ngModel)]="reason"
          [attr.maxlength]="limits.max"
          aria-describedby="block-video-reason-hint"
        />
        <span class="hint" id="block-video-reason-hint">Shown to the owner; {{ limits.min }} to {{ limits.max }} characters.</span>
      </div>
      <div class="check">
        <input type="checkbox" id="block-video-unfederate" name="unfederate" [(ngModel)]="unfederate" />
        <label for="block-video-unfederate">Also remove it from other instances (local videos)</label>
      </div>
      @if (error()) {
        <p class="error" role="alert">{{ error() }}</p>
      }
      <button type="submit" class="btn btn-danger" [disabled]="busy()">Block the video</button>
    </form>
  `,
  styles: `
    .block {
      margin-bottom: 1.5rem;
    }
    .check {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      margin-bottom: 0.75rem;
    }
  `,
})
export class BlockVideoFormComponent {
  readonly blocked = output<string>();
  private readonly api = inject(ApiService);
  protected readonly limits = VIDEO_BLOCK_CONSTRAINTS.reason;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected ref = '';
  protected reason = '';
  protected unfederate = false;

  protected async block(event: Event): Promise<void> {
    event.preventDefault();
    const id = videoRefFrom(this.ref);
    const reason = this.reason.trim();
    if (!id) return void this.error.set('Enter the video to block.');
    if (reason && reason.length < this.limits.min) return void this.error.set(`The reason needs at least ${this.limits.min} characters.`);
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.api.post(`/videos/${encodeURIComponent(id)}/blacklist`, { ...(reason ? { reason } : {}), unfederate: this.unfederate });
      this.ref = this.reason = '';
      this.blocked.emit(id);
    } catch (err) {
      this.error.set(errorMessage(err));
    } finally {
      this.busy.set(false);
    }
  }
}
