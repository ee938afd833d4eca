import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { VideoState, type ResultList, type Video } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';
import { formatDuration, plural, timeAgo } from '../../shared/format';

/** Owner's view of a video in the list: the list endpoint adds state, the details add the failure reason. */
interface MyVideo extends Video {
  transcodingError?: string | null;
}

@Component({
  selector: 'sh-my-videos-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-videos.page.html',
  styles: `
    .thumb {
      width: 8rem;
      aspect-ratio: 16 / 9;
      object-fit: cover;
      border-radius: 4px;
      background: #1d2939;
      display: block;
    }
    .top-actions {
      display: flex;
      gap: 0.5rem;
    }
    .actions {
      display: flex;
      gap: 0.5rem;
      flex-wrap: wrap;
    }
    .failure {
      color: var(--danger);
      margin: 0.25rem 0 0;
      font-size: 0.875rem;
    }
  `,
})
export class MyVideosPage {
  private readonly api = inject(ApiService);
  protected readonly videos = signal<MyVideo[] | null>(null);
  protected readonly total = signal(0);
  protected readonly error = signal<string | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly failed = VideoState.TRANSCODING_FAILED;
  protected readonly published = VideoState.PUBLISHED;
  protected readonly duration = formatDuration;
  protected readonly ago = timeAgo;
  protected readonly plural = plural;

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    try {
      const res = await this.api.get<ResultList<MyVideo>>('/users/me/videos', { query: { count: 50, sort: '-createdAt' } });
      this.total.set(res.total);
      this.videos.set(res.data);
      void this.loadFailures(res.data);
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }

  /** The reason of a failed transcoding is only in the video's details (owners see it). */
  private async loadFailures(videos: MyVideo[]): Promise<void> {
    for (const v of videos.filter((x) => x.state?.id === VideoState.TRANSCODING_FAILED)) {
      const details = await this.api.get<MyVideo>(`/videos/${v.id}`).catch(() => null);
      if (details)
        this.videos.update((list) => list?.map((x) => (x.id === v.id ? { ...x, transcodingError: details.transcodingError } : x)) ?? null);
    }
  }

  /** Thumbnails of private videos need a credential an <img> cannot send: show the placeholder. */
  protected hideBroken(event: Event): void {
    (event.target as HTMLImageElement).style.visibility = 'hidden';
  }

  protected async remove(video: MyVideo): Promise<void> {
    if (!confirm(`Delete "${video.name}"? This cannot be undone.`)) return;
    try {
      await this.api.delete(`/videos/${video.id}`);
      this.videos.update((list) => list?.filter((v) => v.id !== video.id) ?? null);
      this.total.update((n) => n - 1);
      this.notice.set(`"${video.name}" was deleted.`);
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }
}
