import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { ResultList, User } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';
import { AdminNavComponent } from '../../shared/admin-nav.component';
import { UserManageComponent } from './user-manage.component';
import { formatBytes } from '../../shared/format';

const PAGE = 20;

@Component({
  selector: 'sh-admin-users-page',
  imports: [FormsModule, UserManageComponent, AdminNavComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './admin-users.page.html',
  styles: `
    .search {
      display: flex;
      gap: 0.5rem;
      align-items: flex-end;
      margin-bottom: 1rem;
    }
    .pager {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      margin-top: 1rem;
    }
  `,
})
export class AdminUsersPage {
  private readonly api = inject(ApiService);
  protected readonly auth = inject(AuthService);
  protected readonly users = signal<User[] | null>(null);
  protected readonly total = signal(0);
  protected readonly start = signal(0);
  protected readonly error = signal<string | null>(null);
  protected readonly managing = signal<number | null>(null);
  protected readonly bytes = formatBytes;
  protected readonly pageSize = PAGE;
  protected search = '';

  constructor() {
    void this.load();
  }

  protected async load(start = this.start()): Promise<void> {
    this.error.set(null);
    try {
      const query = { start, count: PAGE, sort: '-createdAt', search: this.search.trim() || undefined };
      const res = await this.api.get<ResultList<User>>('/users', { query });
      this.users.set(res.data);
      this.total.set(res.total);
      this.start.set(start);
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }

  protected submitSearch(event: Event): void {
    event.preventDefault();
    void this.load(0);
  }

  protected toggle(user: User): void {
    this.managing.set(this.managing() === user.id ? null : user.id);
  }

  protected updated(user: User): void {
    this.users.update((list) => list?.map((u) => (u.id === user.id ? user : u)) ?? null);
  }
}
