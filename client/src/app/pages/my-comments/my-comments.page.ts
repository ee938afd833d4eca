import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CommentAdminListComponent } from '../../shared/moderation/comment-admin-list.component';

/** Comments on my videos; those held for review wait for my approval here. */
@Component({
  selector: 'sh-my-comments-page',
  imports: [RouterLink, CommentAdminListComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Comments on my videos</h1>
    <p class="muted">
      Comments held for review are only visible to their author, to you and to moderators until you approve them.
      <a routerLink="/my-library/watched-words">My watched words</a> ·
      <a routerLink="/my-library/videos">Back to my videos</a>
    </p>
    <sh-comment-admin-list endpoint="/users/me/videos/comments" />
  `,
})
export class MyCommentsPage {}
