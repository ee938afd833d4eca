import { Injectable, computed, effect, inject, signal } from '@angular/core';
import { roleHasRight, type MyUser, type TokenResponse, type UserRegister, type UserRight } from '@shoal/models';
import { ApiService } from './api.service';
import { TokenStore } from './token.store';

/** Who is logged in, and the login/logout/signup flows (PeerTube's local OAuth client + password grant). */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly api = inject(ApiService);
  private readonly tokens = inject(TokenStore);

  readonly user = signal<MyUser | null>(null);
  readonly loggedIn = computed(() => this.user() !== null);

  constructor() {
    // The API service drops the tokens when a refresh fails: the session is over then.
    effect(() => {
      if (!this.tokens.tokens()) this.user.set(null);
    });
  }

  /** Called at start-up: a stored token is only trusted once the server accepts it. */
  async restore(): Promise<void> {
    if (!this.tokens.tokens()) return;
    try {
      await this.reloadUser();
    } catch {
      this.tokens.clear();
      this.user.set(null);
    }
  }

  async reloadUser(): Promise<MyUser> {
    const me = await this.api.get<MyUser>('/users/me');
    this.user.set(me);
    return me;
  }

  async login(username: string, password: string): Promise<MyUser> {
    const client = await this.api.get<{ client_id: string; client_secret: string }>('/oauth-clients/local', { auth: false });
    const form = { ...client, grant_type: 'password', username, password };
    const res = await this.api.request<TokenResponse>('POST', '/users/token', { form, auth: false });
    this.tokens.save(res);
    return this.reloadUser();
  }

  async logout(): Promise<void> {
    try {
      await this.api.post('/users/revoke-token');
    } catch {
      // The token may already be gone server-side; logging out locally is what matters.
    }
    this.tokens.clear();
    this.user.set(null);
  }

  register(body: UserRegister): Promise<void> {
    return this.api.post('/users/register', body, { auth: false });
  }

  hasRight(right: UserRight): boolean {
    const user = this.user();
    return !!user && roleHasRight(user.role.id, right);
  }

  get accessToken(): string | null {
    return this.tokens.accessToken;
  }
}
