import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { VideoDetails } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';

type Rating = 'like' | 'dislike' | 'none';

/** Like and dislike toggles with their counts; anonymous visitors are sent to log in. */
@Component({
  selector: 'sh-rating',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="rating" role="group" aria-label="Rate this video">
      <button type="button" class="btn" [attr.aria-pressed]="rating() === 'like'" (click)="rate('like')" [disabled]="busy()">
        <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18">
          <path
            fill="currentColor"
            d="M2 21h4V9H2v12zm20-11c0-1.1-.9-2-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 6.6 7.6C6.2 7.9 6 8.4 6 9v10c0 1.1.9 2 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z"
          />
        </svg>
        Like <span class="count">{{ likes() }}</span>
      </button>
      <button type="button" class="btn" [attr.aria-pressed]="rating() === 'dislike'" (click)="rate('dislike')" [disabled]="busy()">
        <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" style="transform: rotate(180deg)">
          <path
            fill="currentColor"
            d="M2 21h4V9H2v12zm20-11c0-1.1-.9-2-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 6.6 7.6C6.2 7.9 6 8.4 6 9v10c0 1.1.9 2 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z"
          />
        </svg>
        Dislike <span class="count">{{ dislikes() }}</span>
      </button>
    </div>
    @if (error()) {
      <p class="error" role="alert">{{ error() }}</p>
    }
  `,
  styles: `
    .rating {
      display: inline-flex;
      gap: 0.5rem;
    }
    .btn[aria-pressed='true'] {
      background: #d1e9ff;
      border-color: var(--primary);
      font-weight: 600;
    }
    .count {
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class RatingComponent {
  readonly video = input.required<VideoDetails>();
  private readonly api = inject(ApiService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  protected readonly rating = signal<Rating>('none');
  protected readonly likes = signal(0);
  protected readonly dislikes = signal(0);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      const v = this.video();
      this.likes.set(v.likes);
      this.dislikes.set(v.dislikes);
      if (this.auth.loggedIn()) void this.loadMine(v.id);
    });
  }

  private async loadMine(id: number): Promise<void> {
    try {
      const res = await this.api.get<{ rating: Rating }>(`/users/me/videos/${id}/rating`);
      this.rating.set(res.rating ?? 'none');
    } catch {
      this.rating.set('none');
    }
  }

  protected async rate(kind: 'like' | 'dislike'): Promise<void> {
    if (!this.auth.loggedIn()) {
      await this.router.navigate(['/login'], { queryParams: { redirect: this.router.url } });
      return;
    }
    const before = this.rating();
    const next: Rating = before === kind ? 'none' : kind;
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.api.put(`/videos/${this.video().id}/rate`, { rating: next });
      this.likes.update((n) => n + (next === 'like' ? 1 : 0) - (before === 'like' ? 1 : 0));
      this.dislikes.update((n) => n + (next === 'dislike' ? 1 : 0) - (before === 'dislike' ? 1 : 0));
      this.rating.set(next);
    } catch (err) {
      this.error.set(errorMessage(err));
    } finally {
      this.busy.set(false);
    }
  }
}
