import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { VideoState, type LiveVideo, type VideoDetails } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';
import { ServerConfigService } from '../../core/server-config.service';
import { CopyFieldComponent } from '../../shared/copy/copy-field.component';
import { LiveSettingsFieldsComponent } from '../../shared/live/live-settings-fields.component';
import { liveConfigOf, liveSettingsBody, liveSettingsFrom, type LiveSettingsValue } from '../../shared/live/live-settings';

/** How often the state is refreshed while the page is open. */
const POLL_MS = 5000;

const STATUS: Record<number, { label: string; text: string }> = {
  [VideoState.WAITING_FOR_LIVE]: { label: 'Waiting', text: 'Waiting for your stream: start streaming with the settings above.' },
  [VideoState.PUBLISHED]: { label: 'Live', text: 'You are live. Viewers can watch now.' },
  [VideoState.LIVE_ENDED]: { label: 'Ended', text: 'The live has ended.' },
};

/** `/my-library/videos/:id/live`: connection details, state (polled) and settings of one of my lives. */
@Component({
  selector: 'sh-live-manage-page',
  imports: [FormsModule, RouterLink, CopyFieldComponent, LiveSettingsFieldsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './live-manage.page.html',
  styles: `
    .status {
      display: flex;
      gap: 0.75rem;
      align-items: center;
      flex-wrap: wrap;
    }
    .badge.live {
      background: #b42318;
      border-color: #b42318;
      color: #fff;
    }
    section {
      margin-bottom: 1.5rem;
    }
  `,
})
export class LiveManagePage {
  readonly id = input.required<string>();
  readonly created = input<string | undefined>();
  private readonly api = inject(ApiService);
  private readonly serverConfig = inject(ServerConfigService);

  protected readonly video = signal<VideoDetails | null>(null);
  protected readonly live = signal<LiveVideo | null>(null);
  protected readonly settings = signal<LiveSettingsValue | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly saveError = signal<string | null>(null);
  protected readonly saved = signal('');
  protected readonly busy = signal(false);
  protected readonly liveConfig = computed(() => liveConfigOf(this.serverConfig.config()));
  protected readonly state = computed(() => this.video()?.state.id ?? 0);
  protected readonly status = computed(() => STATUS[this.state()] ?? { label: this.video()?.state.label ?? '', text: '' });
  protected readonly isLive = computed(() => this.state() === VideoState.PUBLISHED);

  constructor() {
    void this.serverConfig.load();
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
    const timer = setInterval(() => void this.refreshState(), POLL_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  private async load(id: string): Promise<void> {
    try {
      const video = await this.api.get<VideoDetails>(`/videos/${encodeURIComponent(id)}`);
      const live = await this.api.get<LiveVideo>(`/videos/live/${video.id}`);
      this.video.set(video);
      this.live.set(live);
      this.settings.set(liveSettingsFrom(live));
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }

  private async refreshState(): Promise<void> {
    const v = this.video();
    if (!v) return;
    const fresh = await this.api.get<VideoDetails>(`/videos/${v.id}`).catch(() => null);
    if (fresh && fresh.state.id !== v.state.id) this.video.set(fresh);
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const v = this.video();
    const s = this.settings();
    if (!v || !s) return;
    this.busy.set(true);
    this.saveError.set(null);
    this.saved.set('');
    try {
      await this.api.put(`/videos/live/${v.id}`, liveSettingsBody(s, this.liveConfig()));
      const live = await this.api.get<LiveVideo>(`/videos/live/${v.id}`);
      this.live.set(live);
      this.saved.set('Live settings saved.');
    } catch (err) {
      this.saveError.set(errorMessage(err));
    } finally {
      this.busy.set(false);
    }
  }
}
