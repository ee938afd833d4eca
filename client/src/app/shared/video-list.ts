import { signal } from '@angular/core';
import type { ResultList, Video } from '@shoal/models';
import type { ApiService, Query } from '../core/api.service';
import { errorMessage } from '../core/api-error';

/** Signals for one list of videos fetched from the API, reloadable with another query. */
export class VideoListState {
  readonly videos = signal<Video[] | null>(null);
  readonly total = signal(0);
  readonly error = signal<string | null>(null);
  private generation = 0;

  constructor(
    private readonly api: ApiService,
    /** API path of the list; pages showing another actor change it before loading. */
    public path: string,
  ) {}

  async load(query: Query): Promise<void> {
    // A slow answer to an older query must not overwrite a newer one.
    const mine = ++this.generation;
    this.videos.set(null);
    this.error.set(null);
    try {
      const res = await this.api.get<ResultList<Video>>(this.path, { query });
      if (mine !== this.generation) return;
      this.videos.set(res.data);
      this.total.set(res.total);
    } catch (err) {
      if (mine === this.generation) this.error.set(errorMessage(err));
    }
  }
}
