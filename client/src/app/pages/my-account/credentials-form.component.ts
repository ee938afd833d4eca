import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { USER_CONSTRAINTS, type MyUser } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';

/** E-mail and password changes; both need the current password. */
@Component({
  selector: 'sh-credentials-form',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="settings" aria-labelledby="email-title">
      <h2 id="email-title">E-mail</h2>
      <p>
        Current address: <strong>{{ user().email }}</strong>
        @if (user().pendingEmail) {
          <span class="muted"> ({{ user().pendingEmail }} waits for verification)</span>
        }
      </p>
      <form (submit)="changeEmail($event)" novalidate>
        <div class="form-field">
          <label for="email-new">New e-mail address</label>
          <input
            id="email-new"
            name="email"
            type="email"
            autocomplete="email"
            required
            [(ngModel)]="email"
            [attr.maxlength]="c.email.max"
          />
        </div>
        <div class="form-field">
          <label for="email-current-password">Current password</label>
          <input
            id="email-current-password"
            name="currentPassword"
            type="password"
            autocomplete="current-password"
            required
            [(ngModel)]="emailPassword"
          />
        </div>
        @if (emailError()) {
          <p class="error" role="alert">{{ emailError() }}</p>
        }
        <button type="submit" class="btn btn-primary">Change the e-mail</button>
        <p class="success" role="status">{{ emailSaved() }}</p>
      </form>
    </section>

    <section class="settings" aria-labelledby="password-title">
      <h2 id="password-title">Password</h2>
      <form (submit)="changePassword($event)" novalidate>
        <div class="form-field">
          <label for="password-current">Current password</label>
          <input
            id="password-current"
            name="currentPassword"
            type="password"
            autocomplete="current-password"
            required
            [(ngModel)]="currentPassword"
          />
        </div>
        <div class="form-field">
          <label for="password-new">New password</label>
          <input
            id="password-new"
            name="password"
            type="password"
            autocomplete="new-password"
            required
            [(ngModel)]="password"
            [attr.minlength]="c.password.min"
            [attr.maxlength]="c.password.max"
            aria-describedby="password-new-hint"
          />
          <span class="hint" id="password-new-hint">{{ c.password.min }} to {{ c.password.max }} characters.</span>
        </div>
        <div class="form-field">
          <label for="password-confirm">Confirm the new password</label>
          <input id="password-confirm" name="confirm" type="password" autocomplete="new-password" required [(ngModel)]="confirm" />
        </div>
        @if (passwordError()) {
          <p class="error" role="alert">{{ passwordError() }}</p>
        }
        <button type="submit" class="btn btn-primary">Change the password</button>
        <p class="success" role="status">{{ passwordSaved() }}</p>
      </form>
    </section>
  `,
})
export class CredentialsFormComponent {
  readonly user = input.required<MyUser>();
  private readonly api = inject(ApiService);
  private readonly auth = inject(AuthService);
  protected readonly c = USER_CONSTRAINTS;
  protected readonly emailError = signal<string | null>(null);
  protected readonly emailSaved = signal('');
  protected readonly passwordError = signal<string | null>(null);
  protected readonly passwordSaved = signal('');
  protected email = '';
  protected emailPassword = '';
  protected currentPassword = '';
  protected password = '';
  protected confirm = '';

  protected async changeEmail(event: Event): Promise<void> {
    event.preventDefault();
    this.emailError.set(null);
    this.emailSaved.set('');
    const email = this.email.trim();
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) return void this.emailError.set('Enter a valid e-mail address.');
    if (!this.emailPassword) return void this.emailError.set('Enter your current password.');
    try {
      await this.api.put('/users/me', { email, currentPassword: this.emailPassword });
      const me = await this.auth.reloadUser();
      this.emailSaved.set(me.pendingEmail ? `Check ${email}: a verification link was sent.` : 'E-mail changed.');
      this.email = '';
      this.emailPassword = '';
    } catch (err) {
      this.emailError.set(errorMessage(err));
    }
  }

  protected async changePassword(event: Event): Promise<void> {
    event.preventDefault();
    this.passwordError.set(null);
    this.passwordSaved.set('');
    const p = this.c.password;
    if (this.password.length < p.min || this.password.length > p.max)
      return void this.passwordError.set(`The new password needs ${p.min} to ${p.max} characters.`);
    if (this.password !== this.confirm) return void this.passwordError.set('The two new passwords differ.');
    try {
      await this.api.put('/users/me', { password: this.password, currentPassword: this.currentPassword });
      this.passwordSaved.set('Password changed.');
      this.currentPassword = this.password = this.confirm = '';
    } catch (err) {
      this.passwordError.set(errorMessage(err));
    }
  }
}
