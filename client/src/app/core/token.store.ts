import { Injectable, signal } from '@angular/core';
import type { TokenResponse } from '@shoal/models';

const STORAGE_KEY = 'shoal.tokens';

export interface StoredTokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** OAuth tokens of the logged-in user, kept in localStorage so a reload stays logged in. */
@Injectable({ providedIn: 'root' })
export class TokenStore {
  readonly tokens = signal<StoredTokens | null>(read());

  save(res: TokenResponse): void {
    const tokens = { accessToken: res.access_token, refreshToken: res.refresh_token, expiresAt: Date.now() + res.expires_in * 1000 };
    this.tokens.set(tokens);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(tokens));
  }

  clear(): void {
    this.tokens.set(null);
    localStorage.removeItem(STORAGE_KEY);
  }

  get accessToken(): string | null {
    return this.tokens()?.accessToken ?? null;
  }
}

function read(): StoredTokens | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    const parsed = raw ? (JSON.parse(raw) as StoredTokens) : null;
    return parsed?.accessToken && parsed.refreshToken ? parsed : null;
  } catch {
    // Storage can be unavailable (privacy modes) or hold garbage: act as logged out.
    return null;
  }
}
