import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import type { Account, ResultList, VideoChannel } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';
import { AccountActionsComponent } from '../../shared/moderation/account-actions.component';
import { VideoGridComponent } from '../../shared/video-grid.component';
import { VideoListState } from '../../shared/video-list';

/** `/a/:handle`: an account, its channels and its videos. */
@Component({
  selector: 'sh-account-page',
  imports: [RouterLink, VideoGridComponent, AccountActionsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (error()) {
      <p class="alert error" role="alert">{{ error() }}</p>
    } @else if (account(); as a) {
      <header class="actor">
        @if (a.avatars[0]; as avatar) {
          <img [src]="avatar.fileUrl" alt="" width="64" height="64" />
        }
        <div>
          <h1>{{ a.displayName }}</h1>
          <p class="muted">{{ a.name }}&#64;{{ a.host }}</p>
        </div>
      </header>
      <sh-account-actions [account]="a" />
      @if (a.description) {
        <p class="about">{{ a.description }}</p>
      }
      @if (channels().length) {
        <h2>Channels</h2>
        <ul class="channels">
          @for (c of channels(); track c.id) {
            <li>
              <a [routerLink]="['/c', c.name + '@' + c.host]">{{ c.displayName }}</a>
            </li>
          }
        </ul>
      }
      <h2>Videos</h2>
      <sh-video-grid [videos]="list.videos()" [error]="list.error()" label="Videos of this account" emptyText="No videos yet." />
    } @else {
      <p class="muted" role="status">Loading…</p>
    }
  `,
  styleUrl: './actor.css',
})
export class AccountPage {
  readonly handle = input.required<string>();
  private readonly api = inject(ApiService);
  private readonly title = inject(Title);
  protected readonly account = signal<Account | null>(null);
  protected readonly channels = signal<VideoChannel[]>([]);
  protected readonly error = signal<string | null>(null);
  protected readonly list = new VideoListState(this.api, '');

  constructor() {
    effect(() => {
      const handle = this.handle();
      untracked(() => void this.load(handle));
    });
  }

  private async load(handle: string): Promise<void> {
    const path = `/accounts/${encodeURIComponent(handle)}`;
    this.list.path = `${path}/videos`;
    try {
      const account = await this.api.get<Account>(path);
      this.account.set(account);
      this.title.setTitle(account.displayName);
      void this.list.load({ sort: '-publishedAt', count: 30 });
      const channels = await this.api.get<ResultList<VideoChannel>>(`${path}/video-channels`).catch(() => null);
      this.channels.set(channels?.data ?? []);
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }
}
