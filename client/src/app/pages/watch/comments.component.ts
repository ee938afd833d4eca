import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { UserRight, type VideoCommentThreads, type VideoComment, type VideoDetails } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';
import { plural } from '../../shared/format';
import { CommentFormComponent } from './comment-form.component';
import { CommentItemComponent } from './comment-item.component';
import { CommentContext } from './comment-context';

const PAGE = 20;

/** The comment threads under a video, with the form to start one. */
@Component({
  selector: 'sh-comments',
  imports: [RouterLink, CommentFormComponent, CommentItemComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [CommentContext],
  template: `
    <section class="comments" aria-labelledby="comments-title" data-testid="comments">
      <h2 id="comments-title">{{ heading() }}</h2>
      @if (!video().commentsEnabled) {
        <p class="muted">Comments are disabled for this video.</p>
      } @else if (auth.user()) {
        <sh-comment-form [videoId]="video().id" (posted)="reload()" />
      } @else {
        <p class="muted"><a routerLink="/login" [queryParams]="{ redirect: '/w/' + video().shortUUID }">Log in</a> to comment.</p>
      }
      @if (error()) {
        <p class="alert error" role="alert">{{ error() }}</p>
      }
      @if (threads() === null) {
        <p class="muted" role="status">Loading the comments…</p>
      } @else {
        <ul class="threads">
          @for (c of threads(); track c.id) {
            <li>
              <sh-comment-item
                [comment]="c"
                [root]="true"
                [videoOwnerAccountId]="video().account.id"
                [canModerate]="canModerate()"
                (changed)="reload()"
              />
            </li>
          }
        </ul>
        @if (threads()!.length < total()) {
          <button type="button" class="btn" (click)="more()">Show more comments</button>
        }
      }
    </section>
  `,
  styleUrl: './comments.css',
})
export class CommentsComponent {
  readonly video = input.required<VideoDetails>();
  /** Password of a password-protected video. */
  readonly password = input<string | null | undefined>(null);
  private readonly context = inject(CommentContext);
  private readonly api = inject(ApiService);
  protected readonly auth = inject(AuthService);
  protected readonly threads = signal<VideoComment[] | null>(null);
  protected readonly total = signal(0);
  protected readonly count = signal(0);
  protected readonly error = signal<string | null>(null);
  protected readonly heading = computed(() => (this.threads() === null ? 'Comments' : plural(this.count(), 'comment')));
  protected readonly canModerate = computed(() => !!this.auth.user() && this.auth.hasRight(UserRight.MANAGE_ANY_VIDEO_COMMENT));

  constructor() {
    effect(() => {
      this.context.password.set(this.password() ?? null);
      const id = this.video().id;
      untracked(() => void this.load(id, PAGE));
    });
  }

  protected reload(): Promise<void> {
    return this.load(this.video().id, Math.max(PAGE, this.threads()?.length ?? 0));
  }

  protected more(): Promise<void> {
    return this.load(this.video().id, (this.threads()?.length ?? 0) + PAGE);
  }

  private async load(videoId: number, count: number): Promise<void> {
    this.error.set(null);
    try {
      const res = await this.api.get<VideoCommentThreads>(`/videos/${videoId}/comment-threads`, {
        query: { start: 0, count: Math.min(count, 100), sort: '-createdAt' },
        headers: this.context.headers(),
      });
      this.threads.set(res.data);
      this.total.set(res.total);
      this.count.set(res.totalNotDeletedComments);
    } catch (err) {
      this.error.set(errorMessage(err));
      this.threads.set([]);
    }
  }
}
