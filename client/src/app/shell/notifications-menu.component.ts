import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, effect, inject, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ResultList, UserNotification } from '@shoal/models';
import { ApiService } from '../core/api.service';
import { errorMessage } from '../core/api-error';
import { AuthService } from '../core/auth.service';
import { timeAgo } from '../shared/format';
import { describeNotification } from './notification-text';

const POLL_MS = 60_000;

/** Header bell: unread count, the latest notifications, mark read / read all. */
@Component({
  selector: 'sh-notifications-menu',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './notifications-menu.component.html',
  styleUrl: './notifications-menu.component.css',
  host: { '(document:keydown.escape)': 'close(true)', '(document:click)': 'outside($event)' },
})
export class NotificationsMenuComponent {
  private readonly api = inject(ApiService);
  private readonly auth = inject(AuthService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly ago = timeAgo;
  protected readonly describe = describeNotification;
  protected readonly unread = signal(0);
  protected readonly open = signal(false);
  protected readonly items = signal<UserNotification[] | null>(null);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      if (this.auth.user()) untracked(() => void this.refreshCount());
    });
    const timer = setInterval(() => {
      if (this.auth.user()) void this.refreshCount();
    }, POLL_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  private async refreshCount(): Promise<void> {
    try {
      const res = await this.api.get<ResultList<UserNotification>>('/users/me/notifications', { query: { unread: true, count: 0 } });
      this.unread.set(res.total);
    } catch {
      // The count is a hint; the next poll tries again.
    }
  }

  protected async toggle(): Promise<void> {
    if (this.open()) return this.close(false);
    this.open.set(true);
    await this.load();
  }

  private async load(): Promise<void> {
    this.error.set(null);
    try {
      const res = await this.api.get<ResultList<UserNotification>>('/users/me/notifications', { query: { start: 0, count: 15 } });
      this.items.set(res.data);
      await this.refreshCount();
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }

  protected async markRead(n: UserNotification): Promise<void> {
    if (n.read) return;
    await this.api.post('/users/me/notifications/read', { ids: [n.id] }).catch(() => undefined);
    this.items.update((list) => list?.map((i) => (i.id === n.id ? { ...i, read: true } : i)) ?? null);
    await this.refreshCount();
  }

  protected async readAll(): Promise<void> {
    await this.api.post('/users/me/notifications/read-all').catch(() => undefined);
    this.items.update((list) => list?.map((i) => ({ ...i, read: true })) ?? null);
    this.unread.set(0);
  }

  protected close(focusButton: boolean): void {
    if (!this.open()) return;
    this.open.set(false);
    if (focusButton) this.host.nativeElement.querySelector<HTMLButtonElement>('.bell')?.focus();
  }

  protected outside(event: Event): void {
    if (this.open() && !this.host.nativeElement.contains(event.target as Node)) this.close(false);
  }

  protected follow(n: UserNotification): void {
    void this.markRead(n);
    this.close(false);
  }
}
