import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { VIDEO_STATE_LABELS, VideoState, type VideoState as VideoStateId } from '@shoal/models';
import { formatTimecode, VIDEO_PASSWORD_HEADER } from '@shoal/player';
import { ApiService } from '../../core/api.service';
import { PasswordPromptComponent } from '../../player/password-prompt.component';
import { PlayerComponent } from '../../player/player.component';
import { accessProblemOf, VideoAccessService, type AccessProblem, type PlayableVideo } from '../../player/video-access.service';
import { liveLatencyMode, pollLiveState } from '../../player/live-state-poller';
import { plural, timeAgo } from '../../shared/format';
import { DescriptionComponent } from './description.component';
import { RatingComponent } from './rating.component';
import { SharePanelComponent } from './share-panel.component';
import { CommentsComponent } from './comments.component';
import { ReportFormComponent } from '../../shared/moderation/report-form.component';
import { AccountActionsComponent } from '../../shared/moderation/account-actions.component';
import { AuthService } from '../../core/auth.service';
import { downloadLinks } from './download-links';
import { timestampToSeconds } from './description-parser';

@Component({
  selector: 'sh-watch-page',
  imports: [
    RouterLink,
    PlayerComponent,
    PasswordPromptComponent,
    DescriptionComponent,
    RatingComponent,
    SharePanelComponent,
    CommentsComponent,
    ReportFormComponent,
    AccountActionsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './watch.page.html',
  styleUrl: './watch.page.css',
})
export class WatchPage {
  /** Short UUID, UUID or numeric id, from the route. */
  readonly id = input.required<string>();
  /** `?start=` (seconds or 1:23), as in PeerTube share links. */
  readonly start = input<string | undefined>(undefined);

  private readonly access = inject(VideoAccessService);
  private readonly api = inject(ApiService);
  private readonly title = inject(Title);
  protected readonly auth = inject(AuthService);
  protected readonly reporting = signal(false);
  /** Mute the author or their server, report the account: behind a toggle, as few need it. */
  protected readonly moderating = signal(false);
  protected readonly reported = signal(false);
  private readonly player = viewChild(PlayerComponent);

  protected readonly loaded = signal<PlayableVideo | null>(null);
  protected readonly problem = signal<AccessProblem | null>(null);
  protected readonly busy = signal(false);
  protected readonly showShare = signal(false);
  protected readonly timecode = formatTimecode;

  protected readonly video = computed(() => this.loaded()?.video ?? null);
  protected readonly playable = computed(() => {
    const v = this.video();
    return !!v && v.state.id === VideoState.PUBLISHED && !!v.streamingPlaylists?.length;
  });
  protected readonly liveWaiting = computed(() => {
    const v = this.video();
    return !!v?.isLive && (v.state.id === VideoState.WAITING_FOR_LIVE || (v.state.id === VideoState.PUBLISHED && !this.playable()));
  });
  protected readonly liveEnded = computed(() => !!this.video()?.isLive && this.video()?.state.id === VideoState.LIVE_ENDED);
  /** Latency mode of a live, once known (small latency turns P2P off). */
  protected readonly liveOptions = signal<{ latencyMode: number | null } | null>(null);
  private stopPolling: (() => void) | null = null;
  protected readonly stateLabel = computed(() => {
    const v = this.video();
    return v ? (VIDEO_STATE_LABELS[v.state.id as VideoStateId] ?? v.state.label) : '';
  });
  protected readonly transcodingFailed = computed(() => this.video()?.state.id === VideoState.TRANSCODING_FAILED);
  protected readonly views = computed(() => plural(this.video()?.views ?? 0, 'view'));
  protected readonly published = computed(() => (this.video() ? timeAgo(this.video()!.publishedAt) : ''));
  protected readonly downloads = computed(() => {
    const l = this.loaded();
    return l && l.video.downloadEnabled ? downloadLinks(l.video, l.fileToken) : [];
  });
  protected readonly startSeconds = computed(() => {
    const s = this.start();
    if (!s) return undefined;
    return /^\d+$/.test(s) ? Number(s) : timestampToSeconds(s);
  });
  protected readonly channelHandle = computed(() => {
    const c = this.video()?.channel;
    return c ? `${c.name}@${c.host}` : '';
  });
  protected readonly accountHandle = computed(() => {
    const a = this.video()?.account;
    return a ? `${a.name}@${a.host}` : '';
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id, null));
    });
    inject(DestroyRef).onDestroy(() => this.stopPolling?.());
  }

  protected async load(id: string, password: string | null): Promise<void> {
    this.busy.set(true);
    if (!password) this.loaded.set(null);
    try {
      const result = await this.access.load(id, password);
      if (result.video.isLive) await this.followLive(id, result, password);
      this.loaded.set(result);
      this.problem.set(null);
      this.title.setTitle(result.video.name);
    } catch (err) {
      this.problem.set(accessProblemOf(err));
    } finally {
      this.busy.set(false);
    }
  }

  /** A live page switches by itself from waiting to playing to ended. */
  private async followLive(id: string, result: PlayableVideo, password: string | null): Promise<void> {
    const headers: Record<string, string> = password ? { [VIDEO_PASSWORD_HEADER]: password } : {};
    this.liveOptions.set({ latencyMode: await liveLatencyMode(this.api, result.video.id, headers) });
    this.stopPolling?.();
    this.stopPolling = pollLiveState(
      this.api,
      id,
      headers,
      () => this.video(),
      (video) => {
        const l = this.loaded();
        if (l) this.loaded.set({ ...l, video });
      },
    );
  }

  protected submitPassword(password: string): void {
    void this.load(this.id(), password);
  }

  protected seek(seconds: number): void {
    this.player()?.seek(seconds);
  }

  /** PeerTube counts a view from the player's reports; one report when playback starts is enough here. */
  protected countView(): void {
    const v = this.video();
    if (!v) return;
    const password = this.loaded()?.auth.videoPassword;
    const headers: Record<string, string> = password ? { [VIDEO_PASSWORD_HEADER]: password } : {};
    const currentTime = Math.floor(this.player()?.currentTime() ?? 0);
    void this.api.post(`/videos/${v.id}/views`, { currentTime }, { headers }).catch(() => undefined);
  }
}
