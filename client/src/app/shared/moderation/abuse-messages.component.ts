import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ABUSE_CONSTRAINTS, type AbuseMessage, type ResultList } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';
import { timeAgo } from '../format';

/** The conversation of a report between its reporter and the moderators. */
@Component({
  selector: 'sh-abuse-messages',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section [attr.aria-labelledby]="'messages-title-' + abuseId()">
      <h3 [id]="'messages-title-' + abuseId()">Messages</h3>
      @if (messages() === null) {
        <p class="muted" role="status">Loading the messages…</p>
      } @else if (!messages()!.length) {
        <p class="muted">No message yet.</p>
      } @else {
        <ol class="messages">
          @for (m of messages(); track m.id) {
            <li class="message" [class.by-moderator]="m.byModerator">
              <div class="message-head">
                <strong>{{ m.account?.displayName ?? 'Deleted account' }}</strong>
                @if (m.byModerator) {
                  <span class="badge">Moderator</span>
                }
                <span class="muted">· {{ ago(m.createdAt) }}</span>
              </div>
              <p>{{ m.message }}</p>
            </li>
          }
        </ol>
      }
      <form (submit)="send($event)">
        <div class="form-field">
          <label [for]="'message-' + abuseId()">New message</label>
          <textarea
            [id]="'message-' + abuseId()"
            name="message"
            rows="2"
            required
            [minlength]="limits.min"
            [maxlength]="limits.max"
            [(ngModel)]="text"
          ></textarea>
        </div>
        @if (error()) {
          <p class="alert error" role="alert">{{ error() }}</p>
        }
        <button type="submit" class="btn" [disabled]="busy()">Send the message</button>
      </form>
    </section>
  `,
  styles: `
    .messages {
      list-style: none;
      padding: 0;
    }
    .message {
      border-left: 3px solid #d0d5dd;
      padding: 0.25rem 0.75rem;
      margin-bottom: 0.5rem;
    }
    .message-head {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      align-items: baseline;
    }
    .message.by-moderator {
      border-left-color: #0b5cad;
    }
    .message p {
      margin: 0.25rem 0 0;
      white-space: pre-wrap;
    }
  `,
})
export class AbuseMessagesComponent {
  readonly abuseId = input.required<number>();
  private readonly api = inject(ApiService);
  protected readonly ago = timeAgo;
  protected readonly limits = ABUSE_CONSTRAINTS.message;
  protected readonly messages = signal<AbuseMessage[] | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected text = '';

  constructor() {
    effect(() => {
      const id = this.abuseId();
      untracked(() => void this.load(id));
    });
  }

  private async load(id: number): Promise<void> {
    try {
      const res = await this.api.get<ResultList<AbuseMessage>>(`/abuses/${id}/messages`);
      this.messages.set(res.data);
    } catch (err) {
      this.error.set(errorMessage(err));
      this.messages.set([]);
    }
  }

  protected async send(event: Event): Promise<void> {
    event.preventDefault();
    const message = this.text.trim();
    if (message.length < this.limits.min) {
      this.error.set(`A message needs at least ${this.limits.min} characters.`);
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.api.post(`/abuses/${this.abuseId()}/messages`, { message });
      this.text = '';
      await this.load(this.abuseId());
    } catch (err) {
      this.error.set(errorMessage(err));
    } finally {
      this.busy.set(false);
    }
  }
}
