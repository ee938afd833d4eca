import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ABUSE_CONSTRAINTS, ABUSE_PREDEFINED_REASONS, type AbusePredefinedReason } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';

export const REASON_LABELS: Record<AbusePredefinedReason, string> = {
  violentOrAbusive: 'Violent or repulsive',
  hatefulOrAbusive: 'Hateful or abusive',
  spamOrMisleading: 'Spam or misleading',
  privacy: 'Privacy',
  rights: 'Copyright',
  serverRules: 'Breaks server rules',
  thumbnails: 'Thumbnails',
  captions: 'Captions',
};

/** What is reported: a video (by id), a comment or an account. */
export type ReportTarget = { video: { id: number } } | { comment: { id: number } } | { account: { id: number } };

/** Report form (`POST /abuses`): predefined reasons plus a free comment. */
@Component({
  selector: 'sh-report-form',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="report" (submit)="submit($event)" [attr.aria-labelledby]="idPrefix() + '-title'">
      <h3 [id]="idPrefix() + '-title'">{{ heading() }}</h3>
      <fieldset>
        <legend>Reasons</legend>
        @for (r of reasons; track r) {
          <label class="check">
            <input type="checkbox" [checked]="picked().has(r)" (change)="toggle(r)" />
            {{ labels[r] }}
          </label>
        }
      </fieldset>
      <div class="form-field">
        <label [for]="idPrefix() + '-reason'">Explain the problem</label>
        <textarea
          [id]="idPrefix() + '-reason'"
          name="reason"
          rows="3"
          required
          [minlength]="limits.min"
          [maxlength]="limits.max"
          [(ngModel)]="reason"
        ></textarea>
        <span class="hint">{{ limits.min }} to {{ limits.max }} characters.</span>
      </div>
      @if (error()) {
        <p class="alert error" role="alert">{{ error() }}</p>
      }
      <div class="row">
        <button type="submit" class="btn btn-primary" [disabled]="busy()">Send the report</button>
        <button type="button" class="btn" (click)="cancelled.emit()">Cancel</button>
      </div>
    </form>
  `,
  styles: `
    .report {
      border: 1px solid #d0d5dd;
      border-radius: 8px;
      padding: 0.75rem 1rem;
      margin: 0.5rem 0;
    }
    fieldset {
      border: 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
    }
    .check {
      display: inline-flex;
      gap: 0.3rem;
      align-items: center;
    }
    .row {
      display: flex;
      gap: 0.5rem;
    }
  `,
})
export class ReportFormComponent {
  readonly target = input.required<ReportTarget>();
  readonly heading = input('Report');
  readonly idPrefix = input('report');
  readonly sent = output<number>();
  readonly cancelled = output<void>();

  private readonly api = inject(ApiService);
  protected readonly reasons = ABUSE_PREDEFINED_REASONS;
  protected readonly labels = REASON_LABELS;
  protected readonly limits = ABUSE_CONSTRAINTS.reason;
  protected readonly picked = signal(new Set<AbusePredefinedReason>());
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected reason = '';

  protected toggle(r: AbusePredefinedReason): void {
    const next = new Set(this.picked());
    if (next.has(r)) next.delete(r);
    else next.add(r);
    this.picked.set(next);
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    const reason = this.reason.trim();
    if (reason.length < this.limits.min) {
      this.error.set(`Please explain the problem in at least ${this.limits.min} characters.`);
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      const body = { reason, predefinedReasons: [...this.picked()], ...this.target() };
      const res = await this.api.post<{ abuse: { id: number } }>('/abuses', body);
      this.sent.emit(res.abuse.id);
    } catch (err) {
      this.error.set(errorMessage(err));
    } finally {
      this.busy.set(false);
    }
  }
}
