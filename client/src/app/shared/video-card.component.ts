import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Video } from '@shoal/models';
import { durationLabel, formatDuration, plural, timeAgo } from './format';

/** One video in a grid: thumbnail, title, channel and counts; the whole title is the link. */
@Component({
  selector: 'sh-video-card',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let v = video();
    <article class="card">
      <a class="thumb" [routerLink]="['/w', v.shortUUID]" tabindex="-1" aria-hidden="true">
        @if (v.thumbnailPath) {
          <img [src]="v.thumbnailPath" alt="" loading="lazy" width="320" height="180" />
        } @else {
          <span class="no-thumb"></span>
        }
        <span class="duration">{{ duration() }}</span>
      </a>
      <h3 class="title">
        <a [routerLink]="['/w', v.shortUUID]"
          >{{ v.name }}<span class="visually-hidden">, {{ spokenDuration() }}</span></a
        >
      </h3>
      <p class="meta">
        <a [routerLink]="['/c', channelHandle()]">{{ v.channel.displayName }}</a>
      </p>
      <p class="meta muted">{{ views() }} · {{ published() }}</p>
    </article>
  `,
  styles: `
    .card {
      display: flex;
      flex-direction: column;
      gap: 0.2rem;
    }
    .thumb {
      position: relative;
      display: block;
      aspect-ratio: 16 / 9;
      background: #1d2939;
      border-radius: 8px;
      overflow: hidden;
    }
    .thumb img {
      width: 100%;
      height: 100%;
      object-fit: cover;
      display: block;
    }
    .duration {
      position: absolute;
      right: 0.4rem;
      bottom: 0.4rem;
      background: rgb(0 0 0 / 0.8);
      color: #fff;
      font-size: 0.8rem;
      padding: 0 0.35rem;
      border-radius: 4px;
    }
    .title {
      font-size: 1rem;
      margin: 0.4rem 0 0;
      line-height: 1.3;
    }
    .title a {
      color: var(--fg);
      text-decoration: none;
    }
    .title a:hover {
      text-decoration: underline;
    }
    .meta {
      margin: 0;
      font-size: 0.875rem;
    }
  `,
})
export class VideoCardComponent {
  readonly video = input.required<Video>();

  protected readonly duration = computed(() => formatDuration(this.video().duration));
  protected readonly spokenDuration = computed(() => durationLabel(this.video().duration));
  protected readonly views = computed(() => plural(this.video().views, 'view'));
  protected readonly published = computed(() => timeAgo(this.video().publishedAt));
  protected readonly channelHandle = computed(() => {
    const c = this.video().channel;
    return `${c.name}@${c.host}`;
  });
}
