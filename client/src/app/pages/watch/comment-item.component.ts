import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import type { VideoComment, VideoCommentThreadTree } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';
import { timeAgo } from '../../shared/format';
import { ReportFormComponent } from '../../shared/moderation/report-form.component';
import { CommentFormComponent } from './comment-form.component';
import { CommentContext } from './comment-context';

/**
 * One comment with its actions (reply, delete, report) and its replies. A thread's root
 * loads the thread tree on demand and reloads it when something changed below.
 * `text` is the server's sanitized HTML; [innerHTML] sanitizes it once more.
 */
@Component({
  selector: 'sh-comment-item',
  imports: [CommentFormComponent, ReportFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './comment-item.component.html',
  styleUrl: './comments.css',
})
export class CommentItemComponent {
  readonly comment = input.required<VideoComment>();
  readonly replies = input<VideoCommentThreadTree[]>([]);
  readonly root = input(false);
  readonly videoOwnerAccountId = input<number | null>(null);
  readonly canModerate = input(false);
  /** Something changed in this comment's subtree (reply posted, comment deleted). */
  readonly changed = output<void>();

  private readonly api = inject(ApiService);
  private readonly context = inject(CommentContext);
  protected readonly auth = inject(AuthService);
  protected readonly ago = timeAgo;
  protected readonly loadedReplies = signal<VideoCommentThreadTree[] | null>(null);
  protected readonly expanded = signal(false);
  protected readonly replying = signal(false);
  protected readonly reporting = signal(false);
  protected readonly reported = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly children = computed(() => (this.root() ? (this.loadedReplies() ?? []) : this.replies()));
  protected readonly mine = computed(() => {
    const me = this.auth.user();
    return !!me && this.comment().account?.id === me.account.id;
  });
  protected readonly canDelete = computed(() => {
    const me = this.auth.user();
    if (!me || this.comment().isDeleted) return false;
    return this.mine() || this.canModerate() || me.account.id === this.videoOwnerAccountId();
  });

  constructor() {
    effect(() => {
      const c = this.comment();
      if (this.root() && c.totalReplies === 0) untracked(() => this.expanded.set(true));
    });
  }

  protected async toggleReplies(): Promise<void> {
    if (this.expanded()) {
      this.expanded.set(false);
      return;
    }
    await this.loadThread();
    this.expanded.set(true);
  }

  private async loadThread(): Promise<void> {
    const c = this.comment();
    try {
      const tree = await this.api.get<VideoCommentThreadTree>(`/videos/${c.videoId}/comment-threads/${c.threadId}`, {
        headers: this.context.headers(),
      });
      this.loadedReplies.set(tree.children);
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }

  /** A reply was posted or removed somewhere below. */
  protected async childChanged(): Promise<void> {
    this.replying.set(false);
    if (this.root()) {
      await this.loadThread();
      this.expanded.set(true);
      // The thread list reloads too: its reply counts changed.
      this.changed.emit();
    } else {
      this.changed.emit();
    }
  }

  protected async remove(): Promise<void> {
    const c = this.comment();
    if (!confirm('Delete this comment?')) return;
    try {
      await this.api.delete(`/videos/${c.videoId}/comments/${c.id}`, { headers: this.context.headers() });
      this.changed.emit();
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }

  protected reportSent(): void {
    this.reporting.set(false);
    this.reported.set(true);
  }
}
