import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { AccountBlock, ResultList, ServerBlock } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';
import { AccountNavComponent } from '../../shared/account-nav.component';
import { timeAgo } from '../../shared/format';

/** `/my-account/blocklist`: the accounts and servers I muted, with mute by handle/host and unmute. */
@Component({
  selector: 'sh-blocklist-page',
  imports: [FormsModule, AccountNavComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './blocklist.page.html',
  styles: `
    .add {
      display: flex;
      gap: 0.5rem;
      align-items: flex-end;
      flex-wrap: wrap;
    }
    .add .form-field {
      margin-bottom: 0;
    }
    ul.list {
      list-style: none;
      padding: 0;
      max-width: 44rem;
    }
    ul.list li {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 1rem;
      padding: 0.5rem 0;
      border-bottom: 1px solid var(--border);
    }
  `,
})
export class BlocklistPage {
  private readonly api = inject(ApiService);
  protected readonly ago = timeAgo;
  protected readonly accounts = signal<AccountBlock[] | null>(null);
  protected readonly servers = signal<ServerBlock[] | null>(null);
  protected readonly status = signal('');
  protected readonly error = signal<string | null>(null);
  protected accountName = '';
  protected host = '';

  constructor() {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const query = { count: 100, sort: '-createdAt' };
      const [accounts, servers] = await Promise.all([
        this.api.get<ResultList<AccountBlock>>('/users/me/blocklist/accounts', { query }),
        this.api.get<ResultList<ServerBlock>>('/users/me/blocklist/servers', { query }),
      ]);
      this.accounts.set(accounts.data);
      this.servers.set(servers.data);
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }

  protected handle(b: AccountBlock): string {
    return `${b.blockedAccount.name}@${b.blockedAccount.host}`;
  }

  protected async muteAccount(event: Event): Promise<void> {
    event.preventDefault();
    const accountName = this.accountName.trim().replace(/^@/, '');
    if (!accountName) return;
    await this.act(async () => {
      await this.api.post('/users/me/blocklist/accounts', { accountName });
      this.accountName = '';
      return `${accountName} is muted.`;
    });
  }

  protected async unmuteAccount(b: AccountBlock): Promise<void> {
    const handle = this.handle(b);
    await this.act(async () => {
      await this.api.delete(`/users/me/blocklist/accounts/${encodeURIComponent(handle)}`);
      return `${handle} is no longer muted.`;
    });
  }

  protected async muteServer(event: Event): Promise<void> {
    event.preventDefault();
    const host = this.host.trim().toLowerCase();
    if (!host) return;
    await this.act(async () => {
      await this.api.post('/users/me/blocklist/servers', { host });
      this.host = '';
      return `${host} is muted.`;
    });
  }

  protected async unmuteServer(b: ServerBlock): Promise<void> {
    const host = b.blockedServer.host;
    await this.act(async () => {
      await this.api.delete(`/users/me/blocklist/servers/${encodeURIComponent(host)}`);
      return `${host} is no longer muted.`;
    });
  }

  private async act(change: () => Promise<string>): Promise<void> {
    this.error.set(null);
    this.status.set('');
    try {
      const text = await change();
      await this.load();
      this.status.set(text);
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }
}
