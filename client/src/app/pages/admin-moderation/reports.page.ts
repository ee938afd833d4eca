import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ABUSE_STATE_LABELS, type AdminAbuse, type ResultList } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';
import { timeAgo } from '../../shared/format';
import { REASON_LABELS } from '../../shared/moderation/report-form.component';
import { ModerationNavComponent } from './moderation-nav.component';
import { ReportDetailComponent } from './report-detail.component';

const PAGE = 20;

/** Abuse reports, filtered by state; each opens its detail with messages and the state change. */
@Component({
  selector: 'sh-reports-page',
  imports: [FormsModule, ModerationNavComponent, ReportDetailComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reports.page.html',
  styleUrl: '../../shared/moderation/moderation.css',
})
export class ReportsPage {
  private readonly api = inject(ApiService);
  protected readonly ago = timeAgo;
  protected readonly stateLabels = ABUSE_STATE_LABELS;
  protected readonly reasonLabels = REASON_LABELS as Partial<Record<string, string>>;
  protected readonly states = [1, 2, 3] as const;
  protected readonly reports = signal<AdminAbuse[] | null>(null);
  protected readonly total = signal(0);
  protected readonly start = signal(0);
  protected readonly open = signal<number | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly pageSize = PAGE;
  protected state = '';
  protected search = '';

  constructor() {
    void this.load(0);
  }

  protected async load(start = this.start()): Promise<void> {
    this.error.set(null);
    try {
      const query = { start, count: PAGE, sort: '-id', state: this.state || undefined, searchVideo: this.search.trim() || undefined };
      const res = await this.api.get<ResultList<AdminAbuse>>('/abuses', { query });
      this.reports.set(res.data);
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

  protected toggle(id: number): void {
    this.open.set(this.open() === id ? null : id);
  }

  protected what(a: AdminAbuse): string {
    if (a.comment) return `Comment on “${a.comment.video.name}”`;
    if (a.video) return `Video “${a.video.name}”`;
    return `Account ${a.flaggedAccount?.displayName ?? ''}`;
  }

  protected updated(a: AdminAbuse): void {
    this.reports.update((list) => list?.map((r) => (r.id === a.id ? a : r)) ?? null);
  }
}
