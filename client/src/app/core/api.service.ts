import { Injectable, inject } from '@angular/core';
import type { TokenResponse } from '@shoal/models';
import { ApiError } from './api-error';
import { TokenStore } from './token.store';

export type Query = Record<string, string | number | boolean | ReadonlyArray<string | number> | null | undefined>;

export interface RequestOptions {
  query?: Query;
  json?: unknown;
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** Send the bearer token when logged in (default true). */
  auth?: boolean;
}

/** Builds `?a=1&b=2`, repeating keys for arrays and skipping empty values. */
export function buildQuery(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * Promise-based access to `/api/v1`: adds the bearer token, refreshes it once when the
 * server says it expired, and turns problem+json answers into ApiError.
 */
@Injectable({ providedIn: 'root' })
export class ApiService {
  private readonly tokens = inject(TokenStore);
  private refreshing: Promise<boolean> | null = null;

  get<T>(path: string, opts: RequestOptions = {}): Promise<T> {
    return this.request<T>('GET', path, opts);
  }
  post<T>(path: string, json?: unknown, opts: RequestOptions = {}): Promise<T> {
    return this.request<T>('POST', path, { ...opts, json });
  }
  put<T>(path: string, json?: unknown, opts: RequestOptions = {}): Promise<T> {
    return this.request<T>('PUT', path, { ...opts, json });
  }
  delete<T>(path: string, opts: RequestOptions = {}): Promise<T> {
    return this.request<T>('DELETE', path, opts);
  }

  async request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const useAuth = opts.auth !== false;
    let res = await this.send(method, path, opts, useAuth);
    if (res.status === 401 && useAuth && this.tokens.tokens() && (await this.refresh())) {
      res = await this.send(method, path, opts, true);
    }
    return parse<T>(res);
  }

  private send(method: string, path: string, opts: RequestOptions, useAuth: boolean): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
    let body: string | undefined;
    if (opts.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.json);
    } else if (opts.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(opts.form).toString();
    }
    const token = useAuth ? this.tokens.accessToken : null;
    if (token) headers['authorization'] = `Bearer ${token}`;
    return fetch(`/api/v1${path}${buildQuery(opts.query)}`, { method, headers, body });
  }

  /** One refresh at a time: parallel 401s wait for the same attempt. */
  private refresh(): Promise<boolean> {
    this.refreshing ??= this.doRefresh().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async doRefresh(): Promise<boolean> {
    const current = this.tokens.tokens();
    if (!current) return false;
    try {
      const client = await parse<{ client_id: string; client_secret: string }>(await fetch('/api/v1/oauth-clients/local'));
      const form = { ...client, grant_type: 'refresh_token', refresh_token: current.refreshToken };
      const res = await this.send('POST', '/users/token', { form }, false);
      this.tokens.save(await parse<TokenResponse>(res));
      return true;
    } catch {
      this.tokens.clear();
      return false;
    }
  }
}

async function parse<T>(res: Response): Promise<T> {
  const text = await res.text();
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  let body: unknown = text;
  if (isJson && text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (!res.ok) throw new ApiError(res.status, typeof body === 'object' ? (body as ApiError['problem']) : null);
  return (text ? body : undefined) as T;
}
