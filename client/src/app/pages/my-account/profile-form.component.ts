import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { USER_CONSTRAINTS, type MyUser } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';

/** Display name and description of my account. */
@Component({
  selector: 'sh-profile-form',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="settings" aria-labelledby="profile-title">
      <h2 id="profile-title">Profile</h2>
      <form (submit)="save($event)" novalidate>
        <div class="form-field">
          <label for="profile-display-name">Display name</label>
          <input id="profile-display-name" name="displayName" required [(ngModel)]="displayName" [attr.maxlength]="c.displayName.max" />
        </div>
        <div class="form-field">
          <label for="profile-description">Description</label>
          <textarea
            id="profile-description"
            name="description"
            rows="4"
            [(ngModel)]="description"
            [attr.maxlength]="c.description.max"
            aria-describedby="profile-description-hint"
          ></textarea>
          <span class="hint" id="profile-description-hint"
            >Shown on your account page; {{ c.description.min }} to {{ c.description.max }} characters, or empty.</span
          >
        </div>
        @if (error()) {
          <p class="error" role="alert">{{ error() }}</p>
        }
        <button type="submit" class="btn btn-primary" [disabled]="busy()">Save the profile</button>
        <p class="success" role="status">{{ saved() }}</p>
      </form>
    </section>
  `,
})
export class ProfileFormComponent {
  readonly user = input.required<MyUser>();
  private readonly api = inject(ApiService);
  private readonly auth = inject(AuthService);
  protected readonly c = USER_CONSTRAINTS;
  protected readonly error = signal<string | null>(null);
  protected readonly saved = signal('');
  protected readonly busy = signal(false);
  protected displayName = '';
  protected description = '';

  private filledFor: number | null = null;

  constructor() {
    effect(() => {
      // Filled once per user: reloads after another form's save must not undo edits in progress here.
      const user = this.user();
      if (this.filledFor === user.id) return;
      this.filledFor = user.id;
      const account = user.account;
      this.displayName = account.displayName;
      this.description = account.description ?? '';
    });
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const displayName = this.displayName.trim();
    const description = this.description.trim();
    if (displayName.length < this.c.displayName.min) return this.fail('Your display name cannot be empty.');
    if (description && description.length < this.c.description.min)
      return this.fail(`The description needs at least ${this.c.description.min} characters.`);
    this.busy.set(true);
    this.error.set(null);
    this.saved.set('');
    try {
      await this.api.put('/users/me', { displayName, description: description || null });
      await this.auth.reloadUser();
      this.saved.set('Profile saved.');
    } catch (err) {
      this.fail(errorMessage(err));
    } finally {
      this.busy.set(false);
    }
  }

  private fail(message: string): void {
    this.error.set(message);
  }
}
