import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthService } from '../../core/auth.service';
import { WatchedWordsComponent } from '../../shared/moderation/watched-words.component';

/** My watched-words lists: comments on my videos containing their words get the list's tag. */
@Component({
  selector: 'sh-my-watched-words-page',
  imports: [RouterLink, WatchedWordsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>My watched words</h1>
    <p class="muted">
      Comments on your videos containing a word of a list are tagged with the list's name.
      <a routerLink="/my-library/comments">Back to the comments on my videos</a>
    </p>
    @if (endpoint(); as e) {
      <sh-watched-words [endpoint]="e" />
    }
  `,
})
export class MyWatchedWordsPage {
  private readonly auth = inject(AuthService);
  protected readonly endpoint = computed(() => {
    const name = this.auth.user()?.account.name;
    return name ? `/watched-words/accounts/${encodeURIComponent(name)}/lists` : null;
  });
}
