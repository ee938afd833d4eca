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

  /** The first administration page the user may open, or null. */
  protected get adminHome(): string | null {
    if (this.auth.hasRight(UserRight.MANAGE_USERS)) return '/admin/users';
    if (this.auth.hasRight(UserRight.MANAGE_CONFIGURATION)) return '/admin/config/edit-custom';
    if (this.auth.hasRight(UserRight.MANAGE_RUNNERS)) return '/admin/system/runners';
    return null;
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
