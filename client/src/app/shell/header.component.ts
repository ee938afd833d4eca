import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink, RouterLinkActive } from '@angular/router';
import { UserRight } from '@shoal/models';
import { AuthService } from '../core/auth.service';
import { ServerConfigService } from '../core/server-config.service';
import { NotificationsMenuComponent } from './notifications-menu.component';

@Component({
  selector: 'sh-header',
  imports: [FormsModule, RouterLink, RouterLinkActive, NotificationsMenuComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './header.component.html',
  styleUrl: './header.component.css',
})
export class HeaderComponent {
  protected readonly auth = inject(AuthService);
  protected readonly serverConfig = inject(ServerConfigService);
  private readonly router = inject(Router);
  protected search = '';

  protected get canManageUsers(): boolean {
    return this.auth.hasRight(UserRight.MANAGE_USERS);
  }

  protected get canModerate(): boolean {
    return this.auth.hasRight(UserRight.MANAGE_ABUSES);
  }

  protected submitSearch(event: Event): void {
    event.preventDefault();
    const search = this.search.trim();
    if (search) void this.router.navigate(['/search'], { queryParams: { search } });
  }

  protected async logout(): Promise<void> {
    await this.auth.logout();
    await this.router.navigateByUrl('/');
  }
}
