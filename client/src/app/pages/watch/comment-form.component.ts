import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { COMMENT_CONSTRAINTS, type VideoComment } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';
import { CommentContext } from './comment-context';

/** Posts a new thread, or a reply when `inReplyTo` is set. */
@Component({
  selector: 'sh-comment-form',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="comment-form" (submit)="submit($event)">
      <div class="form-field">
        <label [for]="idPrefix() + '-text'">{{ label() }}</label>
        <textarea
          [id]="idPrefix() + '-text'"
          name="text"
          rows="3"
          required
          [maxlength]="limits.max"
          [(ngModel)]="text"
          [attr.aria-describedby]="idPrefix() + '-hint'"
        ></textarea>
        <span class="hint" [id]="idPrefix() + '-hint'">Markdown links and emphasis are allowed, up to {{ limits.max }} characters.</span>
      </div>
      @if (error()) {
        <p class="alert error" role="alert">{{ error() }}</p>
      }
      @if (held()) {
        <p class="success" role="status">Your comment is held for review by the video's owner.</p>
      }
      <div class="row">
        <button type="submit" class="btn btn-primary" [disabled]="busy()">{{ submitLabel() }}</button>
        @if (inReplyTo()) {
          <button type="button" class="btn" (click)="cancelled.emit()">Cancel</button>
        }
      </div>
    </form>
  `,
  styles: `
    .row {
      display: flex;
      gap: 0.5rem;
    }
    textarea {
      width: 100%;
    }
  `,
})
export class CommentFormComponent {
  readonly videoId = input.required<number>();
  readonly inReplyTo = input<number | null>(null);
  readonly idPrefix = input('new-comment');
  readonly label = input('Add a comment');
  readonly submitLabel = input('Comment');
  readonly posted = output<VideoComment>();
  readonly cancelled = output<void>();

  private readonly api = inject(ApiService);
  private readonly context = inject(CommentContext);
  protected readonly limits = COMMENT_CONSTRAINTS.text;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly held = signal(false);
  protected text = '';

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.text.trim().length < this.limits.min) {
      this.error.set('Please write something first.');
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      const parent = this.inReplyTo();
      const path = parent ? `/videos/${this.videoId()}/comments/${parent}` : `/videos/${this.videoId()}/comment-threads`;
      const res = await this.api.post<{ comment: VideoComment }>(path, { text: this.text }, { headers: this.context.headers() });
      this.text = '';
      this.held.set(res.comment.heldForReview);
      this.posted.emit(res.comment);
    } catch (err) {
      this.error.set(errorMessage(err));
    } finally {
      this.busy.set(false);
    }
  }
}
