import { ChangeDetectionStrategy, Component } from '@angular/core';
import { WatchedWordsComponent } from '../../shared/moderation/watched-words.component';
import { ModerationNavComponent } from './moderation-nav.component';

/** The instance's watched-words lists: comments containing their words get the list's tag. */
@Component({
  selector: 'sh-watched-words-page',
  imports: [ModerationNavComponent, WatchedWordsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Moderation: watched words</h1>
    <sh-moderation-nav />
    <p class="muted">Comments containing a word of a list are tagged with the list's name; filter the comments by tag.</p>
    <sh-watched-words endpoint="/watched-words/server/lists" />
  `,
})
export class WatchedWordsPage {}
