import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TabsNavComponent } from './tabs-nav.component';

/** "Upload a file" / "Go live", like PeerTube's publish page tabs. */
@Component({
  selector: 'sh-publish-tabs',
  imports: [TabsNavComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<sh-tabs-nav label="Publish" [links]="links" />`,
})
export class PublishTabsComponent {
  protected readonly links = [
    { path: '/videos/upload', label: 'Upload a file' },
    { path: '/videos/go-live', label: 'Go live' },
  ];
}
