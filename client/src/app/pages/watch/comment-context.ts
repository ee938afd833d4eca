import { Injectable, signal } from '@angular/core';
import { VIDEO_PASSWORD_HEADER } from '@shoal/player';

/** Shared by the comment components of one video: the password of a protected video goes with every request. */
@Injectable()
export class CommentContext {
  readonly password = signal<string | null>(null);

  headers(): Record<string, string> {
    const password = this.password();
    return password ? { [VIDEO_PASSWORD_HEADER]: password } : {};
  }
}
