import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';

/** Tabs of the moderation dashboard. */
@Component({
  selector: 'sh-moderation-nav',
  imports: [RouterLink, RouterLinkActive],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="tabs" aria-label="Moderation">
      <a routerLink="/admin/moderation/reports" routerLinkActive="active" ariaCurrentWhenActive="page">Reports</a>
      <a routerLink="/admin/moderation/comments" routerLinkActive="active" ariaCurrentWhenActive="page">Comments</a>
      <a routerLink="/admin/moderation/blocked-videos" routerLinkActive="active" ariaCurrentWhenActive="page">Blocked videos</a>
      <a routerLink="/admin/moderation/watched-words" routerLinkActive="active" ariaCurrentWhenActive="page">Watched words</a>
      <a routerLink="/admin/moderation/registrations" routerLinkActive="active" ariaCurrentWhenActive="page">Registrations</a>
      <a routerLink="/admin/users" routerLinkActive="active" ariaCurrentWhenActive="page">Users</a>
    </nav>
  `,
  styles: `
    .tabs {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
      border-bottom: 1px solid #d0d5dd;
      padding-bottom: 0.5rem;
      margin-bottom: 1rem;
    }
    .active {
      font-weight: 700;
    }
  `,
})
export class ModerationNavComponent {}
