import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, NavigationEnd, Router, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';
import { HeaderComponent } from './shell/header.component';

/** The shell: skip link, header, and the routed page. Embeds render the page alone. */
@Component({
  selector: 'sh-root',
  imports: [RouterOutlet, HeaderComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (!bare()) {
      <a class="skip-link" href="#main" (click)="skipToMain($event)">Skip to content</a>
      <sh-header />
    }
    <main id="main" tabindex="-1" [class.bare]="bare()">
      <router-outlet />
    </main>
  `,
})
export class AppComponent {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly bare = toSignal(
    this.router.events.pipe(
      filter((e) => e instanceof NavigationEnd),
      map(() => {
        let r = this.route.snapshot;
        while (r.firstChild) r = r.firstChild;
        return r.data['bare'] === true;
      }),
    ),
    { initialValue: location.pathname.startsWith('/videos/embed/') },
  );

  protected skipToMain(event: Event): void {
    // The router would treat "#main" as a navigation; focusing directly keeps the URL.
    event.preventDefault();
    document.getElementById('main')?.focus();
  }
}
