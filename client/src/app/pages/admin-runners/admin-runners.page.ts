import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import type { ResultList, RunnerRegistrationTokenView, RunnerView } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';
import { AdminNavComponent } from '../../shared/admin-nav.component';
import { copyText } from '../../shared/copy/copy-text';
import { timeAgo } from '../../shared/format';
import { RunnerJobsComponent } from './runner-jobs.component';

/** `/admin/system/runners`: registration tokens, registered runners, and their jobs. */
@Component({
  selector: 'sh-admin-runners-page',
  imports: [AdminNavComponent, RunnerJobsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './admin-runners.page.html',
  styles: `
    code {
      font-family: ui-monospace, monospace;
      word-break: break-all;
    }
    .actions {
      display: flex;
      gap: 0.5rem;
      flex-wrap: wrap;
    }
  `,
})
export class AdminRunnersPage {
  private readonly api = inject(ApiService);
  protected readonly ago = timeAgo;
  protected readonly tokens = signal<RunnerRegistrationTokenView[] | null>(null);
  protected readonly runners = signal<RunnerView[] | null>(null);
  protected readonly status = signal('');
  protected readonly error = signal<string | null>(null);

  constructor() {
    void this.loadTokens();
    void this.loadRunners();
  }

  private async loadTokens(): Promise<void> {
    try {
      const res = await this.api.get<ResultList<RunnerRegistrationTokenView>>('/runners/registration-tokens', {
        query: { count: 100, sort: '-createdAt' },
      });
      this.tokens.set(res.data);
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }

  private async loadRunners(): Promise<void> {
    try {
      const res = await this.api.get<ResultList<RunnerView>>('/runners', { query: { count: 100, sort: '-createdAt' } });
      this.runners.set(res.data);
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }

  protected async generate(): Promise<void> {
    await this.act(async () => {
      await this.api.post('/runners/registration-tokens/generate');
      await this.loadTokens();
      return 'A new registration token was generated.';
    });
  }

  protected async copy(token: RunnerRegistrationTokenView): Promise<void> {
    const ok = await copyText(token.registrationToken);
    this.status.set(ok ? 'Registration token copied.' : 'Copying is not allowed here: select the token and copy it by hand.');
  }

  protected async removeToken(token: RunnerRegistrationTokenView): Promise<void> {
    const also = token.registeredRunnersCount ? ` The ${token.registeredRunnersCount} runner(s) registered with it are removed too.` : '';
    if (!confirm(`Delete this registration token?${also}`)) return;
    await this.act(async () => {
      await this.api.delete(`/runners/registration-tokens/${token.id}`);
      await Promise.all([this.loadTokens(), this.loadRunners()]);
      return 'Registration token deleted.';
    });
  }

  protected async removeRunner(runner: RunnerView): Promise<void> {
    if (!confirm(`Remove the runner “${runner.name}”? Its jobs in progress go back to the queue.`)) return;
    await this.act(async () => {
      await this.api.delete(`/runners/${runner.id}`);
      await this.loadRunners();
      return `Runner ${runner.name} removed.`;
    });
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
