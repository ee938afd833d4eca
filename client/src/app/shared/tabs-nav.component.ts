import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';

export interface TabLink {
  path: string;
  label: string;
}

/** A row of links between sibling pages; the current one is marked for screen readers too. */
@Component({
  selector: 'sh-tabs-nav',
  imports: [RouterLink, RouterLinkActive],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="tabs" [attr.aria-label]="label()">
      @for (t of links(); track t.path) {
        <a [routerLink]="t.path" routerLinkActive="active" ariaCurrentWhenActive="page">{{ t.label }}</a>
      }
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
export class TabsNavComponent {
  readonly label = input.required<string>();
  readonly links = input.required<TabLink[]>();
}
