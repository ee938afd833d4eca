import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import type { VideoChannel } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';
import { VideoGridComponent } from '../../shared/video-grid.component';
import { VideoListState } from '../../shared/video-list';

/** `/c/:handle`: a channel and its videos. */
@Component({
  selector: 'sh-channel-page',
  imports: [RouterLink, VideoGridComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (error()) {
      <p class="alert error" role="alert">{{ error() }}</p>
    } @else if (channel(); as c) {
      <header class="actor">
        @if (c.avatars[0]; as avatar) {
          <img [src]="avatar.fileUrl" alt="" width="64" height="64" />
        }
        <div>
          <h1>{{ c.displayName }}</h1>
          <p class="muted">
            {{ c.name }}&#64;{{ c.host }} · a channel of
            <a [routerLink]="['/a', c.ownerAccount.name + '@' + c.ownerAccount.host]">{{ c.ownerAccount.displayName }}</a>
          </p>
        </div>
      </header>
      @if (c.description) {
        <p class="about">{{ c.description }}</p>
      }
      <h2>Videos</h2>
      <sh-video-grid
        [videos]="list.videos()"
        [error]="list.error()"
        label="Videos of this channel"
        emptyText="This channel has no videos yet."
      />
    } @else {
      <p class="muted" role="status">Loading…</p>
    }
  `,
  styleUrl: '../account/actor.css',
})
export class ChannelPage {
  readonly handle = input.required<string>();
  private readonly api = inject(ApiService);
  private readonly title = inject(Title);
  protected readonly channel = signal<VideoChannel | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly list = new VideoListState(this.api, '');

  constructor() {
    effect(() => {
      const handle = this.handle();
      untracked(() => void this.load(handle));
    });
  }

  private async load(handle: string): Promise<void> {
    const path = `/video-channels/${encodeURIComponent(handle)}`;
    this.list.path = `${path}/videos`;
    try {
      const channel = await this.api.get<VideoChannel>(path);
      this.channel.set(channel);
      this.title.setTitle(channel.displayName);
      void this.list.load({ sort: '-publishedAt', count: 30 });
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }
}
