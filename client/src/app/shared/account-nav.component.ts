import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TabsNavComponent } from './tabs-nav.component';

/** Tabs of the "my account" pages. */
@Component({
  selector: 'sh-account-nav',
  imports: [TabsNavComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<sh-tabs-nav label="My account" [links]="links" />`,
})
export class AccountNavComponent {
  protected readonly links = [
    { path: '/my-account/settings', label: 'Settings' },
    { path: '/my-account/notifications', label: 'Notifications' },
    { path: '/my-account/blocklist', label: 'Muted accounts and servers' },
    { path: '/my-account/abuses', label: 'My reports' },
  ];
}
