import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { ServerErrorCode } from '@shoal/models';
import { ApiError, errorMessage } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';
import { ServerConfigService } from '../../core/server-config.service';

@Component({
  selector: 'sh-login-page',
  imports: [FormsModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Log in</h1>
    <form class="narrow" (submit)="submit($event)">
      @if (error()) {
        <p class="alert error" role="alert" id="login-error">{{ error() }}</p>
      }
      <div class="form-field">
        <label for="login-username">Username or email</label>
        <input id="login-username" name="username" autocomplete="username" required [(ngModel)]="username" />
      </div>
      <div class="form-field">
        <label for="login-password">Password</label>
        <input id="login-password" name="password" type="password" autocomplete="current-password" required [(ngModel)]="password" />
      </div>
      <button class="btn btn-primary" type="submit" [disabled]="busy()">Log in</button>
      @if (serverConfig.config()?.signup?.allowed) {
        <p>No account yet? <a routerLink="/signup">Create one</a>.</p>
      }
    </form>
  `,
  styles: `
    .narrow {
      max-width: 28rem;
    }
  `,
})
export class LoginPage {
  /** Where to go back after logging in (set by the guards). */
  readonly redirect = input<string | undefined>(undefined);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly serverConfig = inject(ServerConfigService);
  protected username = '';
  protected password = '';
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.username || !this.password) {
      this.error.set('Enter your username and password.');
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.auth.login(this.username.trim(), this.password);
      await this.router.navigateByUrl(this.safeRedirect());
    } catch (err) {
      this.error.set(loginError(err));
    } finally {
      this.busy.set(false);
    }
  }

  /** Only in-app paths: an open redirect would let a link send users to another site. */
  private safeRedirect(): string {
    const target = this.redirect();
    return target && target.startsWith('/') && !target.startsWith('//') ? target : '/';
  }
}

function loginError(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === ServerErrorCode.INVALID_GRANT) return 'Incorrect username or password.';
    if (err.code === ServerErrorCode.USER_BLOCKED) return 'This account is banned.';
    if (err.code === ServerErrorCode.ACCOUNT_WAITING_FOR_APPROVAL) return 'This account is waiting for a moderator’s approval.';
  }
  return errorMessage(err);
}
