import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ApiService } from '../../core/api.service';
import { VideoGridComponent } from '../../shared/video-grid.component';
import { VideoListState } from '../../shared/video-list';

@Component({
  selector: 'sh-home-page',
  imports: [VideoGridComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="visually-hidden">Videos</h1>
    <section aria-labelledby="recent-title">
      <h2 id="recent-title">Recently added</h2>
      <sh-video-grid
        [videos]="recent.videos()"
        [error]="recent.error()"
        label="Recently added videos"
        emptyText="No videos have been published yet."
      />
    </section>
    <section aria-labelledby="trending-title">
      <h2 id="trending-title">Trending</h2>
      <sh-video-grid
        [videos]="trending.videos()"
        [error]="trending.error()"
        label="Trending videos"
        emptyText="Nothing is trending right now."
      />
    </section>
  `,
})
export class HomePage {
  private readonly api = inject(ApiService);
  protected readonly recent = new VideoListState(this.api, '/videos');
  protected readonly trending = new VideoListState(this.api, '/videos');

  constructor() {
    void this.recent.load({ sort: '-publishedAt', count: 12 });
    void this.trending.load({ sort: '-trending', count: 12 });
  }
}
