import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';
import { CommentAdminListComponent } from '../../shared/moderation/comment-admin-list.component';
import { ModerationNavComponent } from './moderation-nav.component';

/** Every comment of the instance, with filters, and bulk removal of an account's comments. */
@Component({
  selector: 'sh-moderation-comments-page',
  imports: [FormsModule, CommentAdminListComponent, ModerationNavComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Moderation: comments</h1>
    <sh-moderation-nav />
    <form class="bulk" (submit)="bulkRemove($event)">
      <div class="form-field">
        <label for="bulk-account">Delete every comment of an account (name or name&#64;host)</label>
        <input id="bulk-account" name="accountName" required maxlength="300" [(ngModel)]="accountName" />
      </div>
      <button type="submit" class="btn btn-danger" [disabled]="busy()">Delete all their comments</button>
    </form>
    @if (message()) {
      <p class="success" role="status">{{ message() }}</p>
    }
    @if (error()) {
      <p class="alert error" role="alert">{{ error() }}</p>
    }
    @if (!busy()) {
      <sh-comment-admin-list endpoint="/videos/comments" [heldOnlyByDefault]="false" />
    }
  `,
  styles: `
    .bulk {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: flex-end;
      margin-bottom: 1rem;
    }
  `,
})
export class ModerationCommentsPage {
  private readonly api = inject(ApiService);
  protected readonly busy = signal(false);
  protected readonly message = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected accountName = '';

  protected async bulkRemove(event: Event): Promise<void> {
    event.preventDefault();
    const accountName = this.accountName.trim();
    if (!accountName || !confirm(`Delete every comment of ${accountName} on this instance?`)) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.api.post('/bulk/remove-comments-of', { accountName, scope: 'instance' });
      this.message.set(`The comments of ${accountName} are being deleted.`);
      this.accountName = '';
    } catch (err) {
      this.error.set(errorMessage(err));
    } finally {
      this.busy.set(false);
    }
  }
}
