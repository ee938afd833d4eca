import { Injectable, inject, signal } from '@angular/core';
import { ApiService } from './api.service';

/** The part of `GET /config` the client reads. */
export interface ServerConfig {
  instance: { name: string; shortDescription: string; defaultClientRoute: string };
  signup: { allowed: boolean; allowedForCurrentIP: boolean; requiresApproval: boolean };
  user: { videoQuota: number; videoQuotaDaily: number };
  [key: string]: unknown;
}

@Injectable({ providedIn: 'root' })
export class ServerConfigService {
  private readonly api = inject(ApiService);
  private pending: Promise<ServerConfig | null> | null = null;
  readonly config = signal<ServerConfig | null>(null);

  /** Fetched once per page load; pages that need it await this. */
  load(): Promise<ServerConfig | null> {
    this.pending ??= this.api
      .get<ServerConfig>('/config', { auth: false })
      .then((c) => {
        this.config.set(c);
        if (c.instance?.name) document.title = c.instance.name;
        return c;
      })
      .catch(() => null);
    return this.pending;
  }

  /** Fetches again, after an administrator changed the instance settings. */
  reload(): Promise<ServerConfig | null> {
    this.pending = null;
    return this.load();
  }
}
