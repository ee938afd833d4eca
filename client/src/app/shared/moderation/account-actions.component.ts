import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import type { Account, BlockStatus } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';
import { ReportFormComponent } from './report-form.component';

/** Mute/unmute an account or its server, and report the account; for logged-in visitors other than the owner. */
@Component({
  selector: 'sh-account-actions',
  imports: [ReportFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (visible()) {
      <div class="actions" role="group" aria-label="Moderation">
        <button type="button" class="btn" (click)="toggleAccountMute()">
          {{ accountMuted() ? 'Unmute this account' : 'Mute this account' }}
        </button>
        @if (remote()) {
          <button type="button" class="btn" (click)="toggleServerMute()">
            {{ serverMuted() ? 'Unmute the server ' + account().host : 'Mute the server ' + account().host }}
          </button>
        }
        <button
          type="button"
          class="btn"
          [attr.aria-expanded]="reporting()"
          aria-controls="account-report"
          (click)="reporting.set(!reporting())"
        >
          Report this account
        </button>
      </div>
      @if (reporting()) {
        <div id="account-report">
          <sh-report-form
            [target]="{ account: { id: account().id } }"
            heading="Report this account"
            idPrefix="account-report"
            (sent)="reported()"
            (cancelled)="reporting.set(false)"
          />
        </div>
      }
      <p class="success" role="status">{{ status() }}</p>
      @if (error()) {
        <p class="error" role="alert">{{ error() }}</p>
      }
    }
  `,
  styles: `
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin: 0.5rem 0;
    }
  `,
})
export class AccountActionsComponent {
  readonly account = input.required<Account>();
  private readonly api = inject(ApiService);
  private readonly auth = inject(AuthService);
  protected readonly accountMuted = signal(false);
  protected readonly serverMuted = signal(false);
  protected readonly reporting = signal(false);
  protected readonly status = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly handle = computed(() => `${this.account().name}@${this.account().host}`);
  protected readonly visible = computed(() => {
    const me = this.auth.user();
    return !!me && me.account.id !== this.account().id;
  });
  /** Muting our own server would hide everything local: only offered for remote accounts. */
  protected readonly remote = computed(() => this.account().host !== this.auth.user()?.account.host);

  constructor() {
    effect(() => {
      if (this.visible()) untracked(() => void this.loadStatus());
    });
  }

  private async loadStatus(): Promise<void> {
    const status = await this.api
      .get<BlockStatus>('/blocklist/status', { query: { accounts: [this.handle()], hosts: [this.account().host] } })
      .catch(() => null);
    this.accountMuted.set(!!status?.accounts[this.handle()]?.blockedByUser);
    this.serverMuted.set(!!status?.hosts[this.account().host]?.blockedByUser);
  }

  protected async toggleAccountMute(): Promise<void> {
    const handle = this.handle();
    const muted = this.accountMuted();
    await this.act(async () => {
      if (muted) await this.api.delete(`/users/me/blocklist/accounts/${encodeURIComponent(handle)}`);
      else await this.api.post('/users/me/blocklist/accounts', { accountName: handle });
      this.accountMuted.set(!muted);
      return muted ? `${handle} is no longer muted.` : `${handle} is muted: you will not see its videos and comments.`;
    });
  }

  protected async toggleServerMute(): Promise<void> {
    const host = this.account().host;
    const muted = this.serverMuted();
    await this.act(async () => {
      if (muted) await this.api.delete(`/users/me/blocklist/servers/${encodeURIComponent(host)}`);
      else await this.api.post('/users/me/blocklist/servers', { host });
      this.serverMuted.set(!muted);
      return muted ? `${host} is no longer muted.` : `${host} is muted.`;
    });
  }

  protected reported(): void {
    this.reporting.set(false);
    this.status.set('Thank you, the moderators received your report.');
  }

  private async act(change: () => Promise<string>): Promise<void> {
    this.error.set(null);
    this.status.set('');
    try {
      this.status.set(await change());
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }
}
