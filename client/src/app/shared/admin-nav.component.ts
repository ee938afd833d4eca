import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { UserRight } from '@shoal/models';
import { AuthService } from '../core/auth.service';
import { TabsNavComponent } from './tabs-nav.component';

/** Tabs of the administration pages the user has the right to open. */
@Component({
  selector: 'sh-admin-nav',
  imports: [TabsNavComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<sh-tabs-nav label="Administration" [links]="links()" />`,
})
export class AdminNavComponent {
  private readonly auth = inject(AuthService);
  protected readonly links = computed(() => {
    this.auth.user();
    const all: Array<[UserRight, string, string]> = [
      [UserRight.MANAGE_USERS, '/admin/users', 'Users'],
      [UserRight.MANAGE_CONFIGURATION, '/admin/config/edit-custom', 'Configuration'],
      [UserRight.MANAGE_RUNNERS, '/admin/system/runners', 'Runners'],
    ];
    return all.filter(([right]) => this.auth.hasRight(right)).map(([, path, label]) => ({ path, label }));
  });
}
