import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  NotificationSettingValue,
  UserRole,
  type NotificationSettingKey,
  type UserNotificationSettings,
} from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';
import { AccountNavComponent } from '../../shared/account-nav.component';

/** Settings offered to everybody; `staff` ones only to moderators and administrators. */
const SETTINGS: Array<{ key: NotificationSettingKey; label: string; staff?: boolean }> = [
  { key: 'newVideoFromSubscription', label: 'New video from a subscription' },
  { key: 'newCommentOnMyVideo', label: 'New comment on one of my videos' },
  { key: 'commentMention', label: 'Someone mentions me in a comment' },
  { key: 'myVideoPublished', label: 'One of my videos is published' },
  { key: 'blacklistOnMyVideo', label: 'One of my videos is blocked or unblocked' },
  { key: 'newFollow', label: 'Someone follows my channel or account' },
  { key: 'abuseStateChange', label: 'One of my reports changes state' },
  { key: 'abuseNewMessage', label: 'New message on a report' },
  { key: 'abuseAsModerator', label: 'New report to moderate', staff: true },
  { key: 'videoAutoBlacklistAsModerator', label: 'Video blocked automatically, to review', staff: true },
  { key: 'newUserRegistration', label: 'New user registration', staff: true },
  { key: 'newInstanceFollower', label: 'New follower of this instance', staff: true },
];

/** `/my-account/notifications`: where each kind of notification goes (web, e-mail). */
@Component({
  selector: 'sh-notification-settings-page',
  imports: [AccountNavComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>My account</h1>
    <sh-account-nav />
    <h2>Notifications</h2>
    @if (settings() === null) {
      <p class="muted" role="status">Loading your settings…</p>
    } @else {
      <form (submit)="save($event)">
        <table>
          <caption class="visually-hidden">
            Where each notification is sent
          </caption>
          <thead>
            <tr>
              <th scope="col">Activity</th>
              <th scope="col">Web</th>
              <th scope="col">E-mail</th>
            </tr>
          </thead>
          <tbody>
            @for (s of shown(); track s.key) {
              <tr [attr.data-setting]="s.key">
                <th scope="row" [id]="'notif-' + s.key">{{ s.label }}</th>
                <td>
                  <input
                    type="checkbox"
                    [id]="'notif-' + s.key + '-web'"
                    [checked]="has(s.key, web)"
                    (change)="toggle(s.key, web)"
                    [attr.aria-label]="s.label + ': web'"
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    [id]="'notif-' + s.key + '-email'"
                    [checked]="has(s.key, email)"
                    (change)="toggle(s.key, email)"
                    [attr.aria-label]="s.label + ': e-mail'"
                  />
                </td>
              </tr>
            }
          </tbody>
        </table>
        @if (error()) {
          <p class="alert error" role="alert">{{ error() }}</p>
        }
        <p><button type="submit" class="btn btn-primary" [disabled]="busy()">Save notification settings</button></p>
        <p class="success" role="status">{{ saved() }}</p>
      </form>
    }
  `,
  styles: `
    table {
      max-width: 44rem;
    }
    th[scope='row'] {
      font-weight: 400;
    }
  `,
})
export class NotificationSettingsPage {
  private readonly api = inject(ApiService);
  private readonly auth = inject(AuthService);
  protected readonly web = NotificationSettingValue.WEB;
  protected readonly email = NotificationSettingValue.EMAIL;
  protected readonly settings = signal<UserNotificationSettings>({
    ...DEFAULT_NOTIFICATION_SETTINGS,
    ...this.auth.user()?.notificationSettings,
  });
  protected readonly shown = computed(() => {
    const role = this.auth.user()?.role.id;
    const staff = role === UserRole.ADMINISTRATOR || role === UserRole.MODERATOR;
    return SETTINGS.filter((s) => staff || !s.staff);
  });
  protected readonly error = signal<string | null>(null);
  protected readonly saved = signal('');
  protected readonly busy = signal(false);

  constructor() {
    // /users/me carries the settings; reload so another tab's changes show.
    void this.auth.reloadUser().then(
      (me) => this.settings.set({ ...DEFAULT_NOTIFICATION_SETTINGS, ...me.notificationSettings }),
      () => undefined,
    );
  }

  protected has(key: NotificationSettingKey, bit: number): boolean {
    return ((this.settings()?.[key] ?? 0) & bit) !== 0;
  }

  protected toggle(key: NotificationSettingKey, bit: number): void {
    this.settings.update((s) => (s ? { ...s, [key]: s[key] ^ bit } : s));
    this.saved.set('');
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.api.put('/users/me/notification-settings', this.settings() ?? {});
      this.saved.set('Notification settings saved.');
    } catch (err) {
      this.error.set(errorMessage(err));
    } finally {
      this.busy.set(false);
    }
  }
}
