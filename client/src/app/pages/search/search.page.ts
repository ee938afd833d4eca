import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { ApiService } from '../../core/api.service';
import { VideoGridComponent } from '../../shared/video-grid.component';
import { VideoListState } from '../../shared/video-list';

/** `/search?search=…`: the header's search box lands here. */
@Component({
  selector: 'sh-search-page',
  imports: [VideoGridComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (search()) {
      <h1>Results for “{{ search() }}”</h1>
      <p class="muted" role="status">
        {{ list.videos() === null ? 'Searching…' : list.total() + ' result' + (list.total() === 1 ? '' : 's') }}
      </p>
      <sh-video-grid [videos]="list.videos()" [error]="list.error()" label="Search results" emptyText="No video matches this search." />
    } @else {
      <h1>Search</h1>
      <p>Type words in the search box at the top of the page.</p>
    }
  `,
})
export class SearchPage {
  readonly search = input<string | undefined>(undefined);
  private readonly title = inject(Title);
  protected readonly list = new VideoListState(inject(ApiService), '/search/videos');

  constructor() {
    effect(() => {
      const search = this.search()?.trim();
      if (!search) return;
      untracked(() => {
        this.title.setTitle(`Search: ${search}`);
        void this.list.load({ search, count: 30 });
      });
    });
  }
}
