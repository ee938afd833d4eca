import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import type { ResultList, VideoBlock } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';
import { timeAgo } from '../../shared/format';
import { BlockVideoFormComponent } from './block-video-form.component';
import { ModerationNavComponent } from './moderation-nav.component';

const PAGE = 20;

/** Videos blocked by moderators (`/videos/blacklist`), with unblock. */
@Component({
  selector: 'sh-blocked-videos-page',
  imports: [ModerationNavComponent, BlockVideoFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Moderation: blocked videos</h1>
    <sh-moderation-nav />
    <sh-block-video-form (blocked)="blocked()" />
    <h2>Blocked videos</h2>
    <p class="success" role="status">{{ status() }}</p>
    @if (error()) {
      <p class="alert error" role="alert">{{ error() }}</p>
    }
    @if (blocks() === null) {
      <p class="muted" role="status">Loading the blocked videos…</p>
    } @else if (!blocks()!.length) {
      <p class="muted">No video is blocked.</p>
    } @else {
      <ul class="items">
        @for (b of blocks(); track b.id) {
          <li class="item">
            <div class="item-head">
              <a [href]="'/w/' + b.video.shortUUID">{{ b.video.name }}</a>
              <span class="muted">blocked {{ ago(b.createdAt) }}</span>
              @if (b.type === 2) {
                <span class="badge">Automatic</span>
              }
            </div>
            <p>{{ b.reason || 'No reason given.' }}</p>
            <button type="button" class="btn" (click)="unblock(b)">
              Unblock<span class="visually-hidden"> {{ b.video.name }}</span>
            </button>
          </li>
        }
      </ul>
      <div class="pager">
        <button type="button" class="btn" [disabled]="start() === 0" (click)="load(start() - pageSize)">Previous page</button>
        <span class="muted">{{ start() + 1 }}–{{ start() + blocks()!.length }} of {{ total() }}</span>
        <button type="button" class="btn" [disabled]="start() + pageSize >= total()" (click)="load(start() + pageSize)">Next page</button>
      </div>
    }
  `,
  styleUrl: '../../shared/moderation/moderation.css',
})
export class BlockedVideosPage {
  private readonly api = inject(ApiService);
  protected readonly ago = timeAgo;
  protected readonly blocks = signal<VideoBlock[] | null>(null);
  protected readonly total = signal(0);
  protected readonly start = signal(0);
  protected readonly status = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly pageSize = PAGE;

  constructor() {
    void this.load(0);
  }

  protected async load(start = this.start()): Promise<void> {
    try {
      const res = await this.api.get<ResultList<VideoBlock>>('/videos/blacklist', { query: { start, count: PAGE, sort: '-id' } });
      this.blocks.set(res.data);
      this.total.set(res.total);
      this.start.set(start);
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }

  protected async blocked(): Promise<void> {
    this.status.set('The video is blocked.');
    await this.load(0);
  }

  protected async unblock(b: VideoBlock): Promise<void> {
    if (!confirm(`Unblock “${b.video.name}”?`)) return;
    try {
      await this.api.delete(`/videos/${b.video.id}/blacklist`);
      this.status.set(`“${b.video.name}” is visible again.`);
      await this.load();
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }
}
