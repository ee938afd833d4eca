import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { USER_CONSTRAINTS } from '@shoal/models';
import { ApiError, errorMessage } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';
import { ServerConfigService } from '../../core/server-config.service';
import { FieldErrorComponent } from '../../shared/field-error.component';

const c = USER_CONSTRAINTS;

@Component({
  selector: 'sh-signup-page',
  imports: [ReactiveFormsModule, RouterLink, FieldErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './signup.page.html',
})
export class SignupPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly serverConfig = inject(ServerConfigService);
  protected readonly c = c;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly done = signal(false);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    username: ['', [Validators.required, Validators.maxLength(c.username.max), Validators.pattern(c.username.pattern)]],
    displayName: ['', [Validators.maxLength(c.displayName.max)]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(c.email.max)]],
    password: ['', [Validators.required, Validators.minLength(c.password.min), Validators.maxLength(c.password.max)]],
  });

  constructor() {
    void this.serverConfig.load();
  }

  protected async submit(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const { username, displayName, email, password } = this.form.getRawValue();
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.auth.register({ username, email, password, displayName: displayName || undefined });
      if (this.serverConfig.config()?.signup.requiresApproval) {
        this.done.set(true);
      } else {
        await this.auth.login(username, password);
        await this.router.navigateByUrl('/');
      }
    } catch (err) {
      const fields = err instanceof ApiError ? Object.keys(err.fieldErrors) : [];
      this.error.set(fields.length ? `Please check: ${fields.join(', ')}. ${errorMessage(err)}` : errorMessage(err));
    } finally {
      this.busy.set(false);
    }
  }
}
