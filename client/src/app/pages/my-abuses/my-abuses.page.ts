import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import type { ResultList, UserAbuse } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';
import { timeAgo } from '../../shared/format';
import { AbuseMessagesComponent } from '../../shared/moderation/abuse-messages.component';

/** The reports I sent, their state and the conversation with the moderators. */
@Component({
  selector: 'sh-my-abuses-page',
  imports: [AbuseMessagesComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>My reports</h1>
    @if (error()) {
      <p class="alert error" role="alert">{{ error() }}</p>
    }
    @if (reports() === null) {
      <p class="muted" role="status">Loading your reports…</p>
    } @else if (!reports()!.length) {
      <p class="muted">You have not reported anything.</p>
    } @else {
      <ul class="items">
        @for (a of reports(); track a.id) {
          <li class="item" [attr.data-abuse-id]="a.id">
            <div class="item-head">
              <strong
                >#{{ a.id }}
                {{ a.comment ? 'Comment on “' + a.comment.video.name + '”' : a.video ? 'Video “' + a.video.name + '”' : 'Account' }}</strong
              >
              <span class="badge">{{ a.state.label }}</span>
              <span class="muted">{{ ago(a.createdAt) }}</span>
            </div>
            <p>{{ a.reason }}</p>
            <button type="button" class="btn" [attr.aria-expanded]="open() === a.id" (click)="open.set(open() === a.id ? null : a.id)">
              {{ open() === a.id ? 'Hide' : 'Show' }} the messages<span class="visually-hidden"> of report #{{ a.id }}</span>
            </button>
            @if (open() === a.id) {
              <sh-abuse-messages [abuseId]="a.id" />
            }
          </li>
        }
      </ul>
    }
  `,
  styleUrl: '../../shared/moderation/moderation.css',
})
export class MyAbusesPage {
  private readonly api = inject(ApiService);
  protected readonly ago = timeAgo;
  protected readonly reports = signal<UserAbuse[] | null>(null);
  protected readonly open = signal<number | null>(null);
  protected readonly error = signal<string | null>(null);

  constructor() {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const res = await this.api.get<ResultList<UserAbuse>>('/users/me/abuses', { query: { start: 0, count: 50, sort: '-id' } });
      this.reports.set(res.data);
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }
}
