import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { REGISTRATION_CONSTRAINTS, type ResultList, type UserRegistration } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';
import { timeAgo } from '../../shared/format';
import { ModerationNavComponent } from './moderation-nav.component';

/** Registration requests (when sign-up requires approval): accept or reject with a response. */
@Component({
  selector: 'sh-registrations-page',
  imports: [FormsModule, ModerationNavComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './registrations.page.html',
  styleUrl: '../../shared/moderation/moderation.css',
})
export class RegistrationsPage {
  private readonly api = inject(ApiService);
  protected readonly ago = timeAgo;
  protected readonly limits = REGISTRATION_CONSTRAINTS.moderationResponse;
  protected readonly requests = signal<UserRegistration[] | null>(null);
  protected readonly status = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected responses: Record<number, string> = {};

  constructor() {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const res = await this.api.get<ResultList<UserRegistration>>('/users/registrations', {
        query: { start: 0, count: 50, sort: '-createdAt' },
      });
      this.requests.set(res.data);
    } catch (err) {
      this.error.set(errorMessage(err));
      this.requests.set([]);
    }
  }

  protected async decide(r: UserRegistration, action: 'accept' | 'reject'): Promise<void> {
    const moderationResponse = (this.responses[r.id] ?? '').trim();
    if (moderationResponse.length < this.limits.min) {
      this.error.set(`Write a response of at least ${this.limits.min} characters for ${r.username}.`);
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.api.post(`/users/registrations/${r.id}/${action}`, { moderationResponse });
      this.status.set(`${r.username}: request ${action === 'accept' ? 'accepted' : 'rejected'}.`);
      await this.load();
    } catch (err) {
      this.error.set(errorMessage(err));
    } finally {
      this.busy.set(false);
    }
  }

  protected async remove(r: UserRegistration): Promise<void> {
    if (!confirm(`Delete the request of ${r.username}?`)) return;
    try {
      await this.api.delete(`/users/registrations/${r.id}`);
      await this.load();
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }
}
