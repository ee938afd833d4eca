import { ChangeDetectionStrategy, Component, inject, input, output, signal, effect } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { USER_CONSTRAINTS, USER_ROLE_LABELS, type User, type UserRole } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';

const GB = 1024 ** 3;
/** Quota choices offered in the form, in bytes (-1 = unlimited), like PeerTube's admin. */
const QUOTAS = [
  { value: -1, label: 'Unlimited' },
  { value: 0, label: 'None' },
  { value: 0.5 * GB, label: '512 MB' },
  { value: GB, label: '1 GB' },
  { value: 5 * GB, label: '5 GB' },
  { value: 20 * GB, label: '20 GB' },
  { value: 50 * GB, label: '50 GB' },
  { value: 100 * GB, label: '100 GB' },
];

/** Role and quota edition, and ban/unban with a reason, for one user. */
@Component({
  selector: 'sh-user-manage',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './user-manage.component.html',
  styles: `
    .panel {
      display: flex;
      flex-wrap: wrap;
      gap: 2rem;
      padding: 0.5rem 0;
    }
    .panel form {
      min-width: 16rem;
    }
  `,
})
export class UserManageComponent {
  readonly user = input.required<User>();
  readonly changed = output<User>();
  private readonly api = inject(ApiService);

  protected readonly roles = Object.entries(USER_ROLE_LABELS).map(([id, label]) => ({ id: Number(id) as UserRole, label }));
  protected readonly quotas = QUOTAS;
  protected readonly reasonLimits = USER_CONSTRAINTS.blockedReason;
  protected role: UserRole = 2;
  protected quota = -1;
  protected reason = '';
  protected readonly message = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      const u = this.user();
      this.role = u.role.id;
      this.quota = u.videoQuota;
    });
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    await this.act(async () => {
      await this.api.put(`/users/${this.user().id}`, { role: Number(this.role), videoQuota: Number(this.quota) });
      return 'Role and quota saved.';
    });
  }

  protected async ban(event: Event): Promise<void> {
    event.preventDefault();
    const reason = this.reason.trim();
    if (reason && reason.length < this.reasonLimits.min) {
      this.error.set(`The reason needs at least ${this.reasonLimits.min} characters.`);
      return;
    }
    await this.act(async () => {
      await this.api.post(`/users/${this.user().id}/block`, reason ? { reason } : {});
      return `${this.user().username} is banned.`;
    });
  }

  protected async unban(): Promise<void> {
    await this.act(async () => {
      await this.api.post(`/users/${this.user().id}/unblock`);
      return `${this.user().username} is no longer banned.`;
    });
  }

  /** Runs a change, then reloads the user so the table shows the server's truth. */
  private async act(change: () => Promise<string>): Promise<void> {
    this.error.set(null);
    this.message.set(null);
    try {
      const text = await change();
      this.changed.emit(await this.api.get<User>(`/users/${this.user().id}`));
      this.message.set(text);
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }
}
