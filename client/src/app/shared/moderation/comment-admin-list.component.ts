import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { ResultList, VideoCommentForAdminOrUser } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';
import { timeAgo } from '../format';

const PAGE = 20;

/**
 * Comments for their managers: a creator's (`/users/me/videos/comments`) or the moderators'
 * (`/videos/comments`) list, with filters, approve and delete.
 */
@Component({
  selector: 'sh-comment-admin-list',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './comment-admin-list.component.html',
  styleUrl: './moderation.css',
})
export class CommentAdminListComponent {
  /** API path of the list. */
  readonly endpoint = input.required<string>();
  readonly heldOnlyByDefault = input(true);

  private readonly api = inject(ApiService);
  protected readonly ago = timeAgo;
  protected readonly comments = signal<VideoCommentForAdminOrUser[] | null>(null);
  protected readonly total = signal(0);
  protected readonly start = signal(0);
  protected readonly error = signal<string | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly pageSize = PAGE;
  protected heldOnly = true;
  protected searchAccount = '';
  protected searchVideo = '';
  protected tag = '';

  constructor() {
    effect(() => {
      this.endpoint();
      untracked(() => {
        this.heldOnly = this.heldOnlyByDefault();
        void this.load(0);
      });
    });
  }

  protected async load(start = this.start()): Promise<void> {
    this.error.set(null);
    try {
      const query = {
        start,
        count: PAGE,
        sort: '-createdAt',
        isHeldForReview: this.heldOnly ? true : undefined,
        searchAccount: this.searchAccount.trim() || undefined,
        searchVideo: this.searchVideo.trim() || undefined,
        autoTagOneOf: this.tag.trim() || undefined,
      };
      const res = await this.api.get<ResultList<VideoCommentForAdminOrUser>>(this.endpoint(), { query });
      this.comments.set(res.data);
      this.total.set(res.total);
      this.start.set(start);
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }

  protected submitFilters(event: Event): void {
    event.preventDefault();
    void this.load(0);
  }

  protected async approve(c: VideoCommentForAdminOrUser): Promise<void> {
    await this.act(() => this.api.post(`/videos/${c.video.id}/comments/${c.id}/approve`), `Comment of ${this.author(c)} approved.`);
  }

  protected async remove(c: VideoCommentForAdminOrUser): Promise<void> {
    if (!confirm(`Delete the comment of ${this.author(c)}?`)) return;
    await this.act(() => this.api.delete(`/videos/${c.video.id}/comments/${c.id}`), `Comment of ${this.author(c)} deleted.`);
  }

  protected author(c: VideoCommentForAdminOrUser): string {
    return c.account?.displayName ?? 'a deleted account';
  }

  private async act(call: () => Promise<unknown>, done: string): Promise<void> {
    this.error.set(null);
    try {
      await call();
      this.status.set(done);
      await this.load();
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }
}
