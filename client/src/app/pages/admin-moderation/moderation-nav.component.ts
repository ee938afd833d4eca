import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TabsNavComponent, type TabLink } from '../../shared/tabs-nav.component';

const MODERATION_TABS: TabLink[] = [
  { path: '/admin/moderation/reports', label: 'Reports' },
  { path: '/admin/moderation/comments', label: 'Comments' },
  { path: '/admin/moderation/blocked-videos', label: 'Blocked videos' },
  { path: '/admin/moderation/watched-words', label: 'Watched words' },
  { path: '/admin/moderation/registrations', label: 'Registrations' },
  { path: '/admin/users', label: 'Users' },
];

/** Tabs of the moderation dashboard. */
@Component({
  selector: 'sh-moderation-nav',
  imports: [TabsNavComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<sh-tabs-nav label="Moderation" [links]="tabs" />`,
})
export class ModerationNavComponent {
  protected readonly tabs = MODERATION_TABS;
}
