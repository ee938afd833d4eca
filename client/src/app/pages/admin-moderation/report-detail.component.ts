import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ABUSE_CONSTRAINTS, ABUSE_STATE_LABELS, type AbuseState, type AdminAbuse } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';
import { AbuseMessagesComponent } from '../../shared/moderation/abuse-messages.component';

/** A report's detail for moderators: what was reported, the conversation, the state change. */
@Component({
  selector: 'sh-report-detail',
  imports: [FormsModule, AbuseMessagesComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="detail">
      <dl>
        @if (abuse().video; as v) {
          <dt>Video</dt>
          <dd>
            <a [href]="'/w/' + v.shortUUID">{{ v.name }}</a>
            @if (v.startAt !== null) {
              (from {{ v.startAt }} s to {{ v.endAt ?? 'the end' }})
            }
          </dd>
        }
        @if (abuse().comment; as c) {
          <dt>Comment</dt>
          <dd><div class="comment-text" [innerHTML]="c.text"></div></dd>
        }
        <dt>Reported account</dt>
        <dd>{{ abuse().flaggedAccount?.displayName ?? '—' }} ({{ abuse().countReportsForReportee }} reports)</dd>
        @if (abuse().moderationComment) {
          <dt>Moderation comment</dt>
          <dd>{{ abuse().moderationComment }}</dd>
        }
      </dl>
      <sh-abuse-messages [abuseId]="abuse().id" />
      <form class="state" (submit)="save($event)">
        <h3>Decision</h3>
        <div class="form-field">
          <label [for]="'abuse-state-' + abuse().id">New state</label>
          <select [id]="'abuse-state-' + abuse().id" name="state" [(ngModel)]="state">
            @for (s of states; track s) {
              <option [ngValue]="s">{{ labels[s] }}</option>
            }
          </select>
        </div>
        <div class="form-field">
          <label [for]="'abuse-comment-' + abuse().id">Moderation comment</label>
          <textarea
            [id]="'abuse-comment-' + abuse().id"
            name="moderationComment"
            rows="2"
            [maxlength]="limits.max"
            [(ngModel)]="comment"
          ></textarea>
          <span class="hint">Optional, {{ limits.min }} to {{ limits.max }} characters.</span>
        </div>
        @if (error()) {
          <p class="alert error" role="alert">{{ error() }}</p>
        }
        @if (saved()) {
          <p class="success" role="status">Report updated.</p>
        }
        <button type="submit" class="btn btn-primary" [disabled]="busy()">Update the report</button>
      </form>
    </div>
  `,
  styles: `
    .detail {
      border-top: 1px solid #eaecf0;
      margin-top: 0.75rem;
      padding-top: 0.5rem;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0 0 0.5rem;
    }
  `,
})
export class ReportDetailComponent {
  readonly abuse = input.required<AdminAbuse>();
  readonly changed = output<AdminAbuse>();
  private readonly api = inject(ApiService);
  protected readonly labels = ABUSE_STATE_LABELS;
  protected readonly states: AbuseState[] = [1, 2, 3];
  protected readonly limits = ABUSE_CONSTRAINTS.moderationComment;
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly error = signal<string | null>(null);
  protected state: AbuseState = 1;
  protected comment = '';

  constructor() {
    effect(() => {
      const a = this.abuse();
      untracked(() => {
        this.state = a.state.id;
        this.comment = a.moderationComment ?? '';
      });
    });
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const comment = this.comment.trim();
    if (comment && comment.length < this.limits.min) {
      this.error.set(`The moderation comment needs at least ${this.limits.min} characters.`);
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.saved.set(false);
    try {
      await this.api.put(`/abuses/${this.abuse().id}`, { state: this.state, ...(comment ? { moderationComment: comment } : {}) });
      this.saved.set(true);
      const state = { id: this.state, label: this.labels[this.state] };
      this.changed.emit({ ...this.abuse(), state, moderationComment: comment || this.abuse().moderationComment });
    } catch (err) {
      this.error.set(errorMessage(err));
    } finally {
      this.busy.set(false);
    }
  }
}
