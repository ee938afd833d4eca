import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { AuthService } from '../../core/auth.service';
import { AccountNavComponent } from '../../shared/account-nav.component';
import { AvatarFormComponent } from './avatar-form.component';
import { CredentialsFormComponent } from './credentials-form.component';
import { PreferencesFormComponent } from './preferences-form.component';
import { ProfileFormComponent } from './profile-form.component';

/** `/my-account/settings`: profile, avatar, e-mail and password, viewing preferences. */
@Component({
  selector: 'sh-settings-page',
  imports: [AccountNavComponent, ProfileFormComponent, AvatarFormComponent, CredentialsFormComponent, PreferencesFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>My account</h1>
    <sh-account-nav />
    @if (auth.user(); as user) {
      <sh-avatar-form [user]="user" />
      <sh-profile-form [user]="user" />
      <sh-preferences-form [user]="user" />
      <sh-credentials-form [user]="user" />
    }
  `,
  styleUrl: './settings.css',
})
export class SettingsPage {
  protected readonly auth = inject(AuthService);
}
