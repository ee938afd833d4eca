import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { LiveLatencyMode, VIDEO_CONSTRAINTS, VIDEO_PRIVACY_LABELS, VideoPrivacy, type VideoCreateResult } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';
import { ServerConfigService } from '../../core/server-config.service';
import { LiveSettingsFieldsComponent } from '../../shared/live/live-settings-fields.component';
import { liveConfigOf, liveSettingsBody, type LiveSettingsValue } from '../../shared/live/live-settings';
import { PublishTabsComponent } from '../../shared/publish-tabs.component';

/** Privacies a new live may have (a password-protected live would need the password form). */
const PRIVACIES = [VideoPrivacy.PUBLIC, VideoPrivacy.UNLISTED, VideoPrivacy.PRIVATE, VideoPrivacy.INTERNAL].map((id) => ({
  id,
  label: VIDEO_PRIVACY_LABELS[id],
}));

/** `/videos/go-live`: creates a live, then hands over to its management page (stream key, status). */
@Component({
  selector: 'sh-go-live-page',
  imports: [FormsModule, RouterLink, PublishTabsComponent, LiveSettingsFieldsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Go live</h1>
    <sh-publish-tabs />
    @if (live() && !live()!.enabled) {
      <p class="alert" role="status">Live streaming is not enabled on this server.</p>
    } @else {
      <p class="muted">
        Create the live here, then point your streaming software (OBS, ffmpeg…) at the RTMP address and stream key shown on the next page.
      </p>
      <form (submit)="create($event)" novalidate aria-labelledby="go-live-details">
        <h2 id="go-live-details">Details</h2>
        <div class="form-field">
          <label for="live-channel">Channel</label>
          <select id="live-channel" name="channel" [(ngModel)]="channelId">
            @for (ch of channels(); track ch.id) {
              <option [ngValue]="ch.id">{{ ch.displayName }}</option>
            }
          </select>
        </div>
        <div class="form-field">
          <label for="live-name">Title</label>
          <input
            id="live-name"
            name="name"
            required
            [(ngModel)]="name"
            [attr.minlength]="limits.min"
            [attr.maxlength]="limits.max"
            aria-describedby="live-name-hint"
          />
          <span class="hint" id="live-name-hint">{{ limits.min }} to {{ limits.max }} characters.</span>
        </div>
        <div class="form-field">
          <label for="live-privacy">Privacy</label>
          <select id="live-privacy" name="privacy" [(ngModel)]="privacy">
            @for (opt of privacies; track opt.id) {
              <option [ngValue]="opt.id">{{ opt.label }}</option>
            }
          </select>
        </div>
        <h2>Live settings</h2>
        <sh-live-settings-fields [value]="settings" [config]="live()" idPrefix="create" />
        @if (error()) {
          <p class="alert error" role="alert">{{ error() }}</p>
        }
        <button type="submit" class="btn btn-primary" [disabled]="busy()">Create the live</button>
        <a routerLink="/my-library/videos" class="btn">Cancel</a>
      </form>
    }
  `,
})
export class GoLivePage {
  private readonly api = inject(ApiService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly serverConfig = inject(ServerConfigService);

  protected readonly channels = computed(() => this.auth.user()?.videoChannels ?? []);
  protected readonly live = computed(() => liveConfigOf(this.serverConfig.config()));
  protected readonly limits = VIDEO_CONSTRAINTS.name;
  protected readonly privacies = PRIVACIES;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected channelId = this.channels()[0]?.id ?? 0;
  protected name = '';
  protected privacy: number = VideoPrivacy.PUBLIC;
  protected readonly settings: LiveSettingsValue = {
    saveReplay: false,
    replayPrivacy: VideoPrivacy.PUBLIC,
    permanentLive: false,
    latencyMode: LiveLatencyMode.DEFAULT,
  };

  constructor() {
    void this.serverConfig.load();
  }

  protected async create(event: Event): Promise<void> {
    event.preventDefault();
    const name = this.name.trim();
    if (name.length < this.limits.min || name.length > this.limits.max) {
      this.error.set(`The title needs ${this.limits.min} to ${this.limits.max} characters.`);
      document.getElementById('live-name')?.focus();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      const body = {
        channelId: Number(this.channelId),
        name,
        privacy: Number(this.privacy),
        ...liveSettingsBody(this.settings, this.live()),
      };
      const res = await this.api.post<VideoCreateResult>('/videos/live', body);
      await this.router.navigate(['/my-library/videos', res.video.shortUUID, 'live'], { queryParams: { created: 1 } });
    } catch (err) {
      this.error.set(errorMessage(err));
    } finally {
      this.busy.set(false);
    }
  }
}
