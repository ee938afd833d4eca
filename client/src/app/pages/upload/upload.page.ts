import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { FormBuilder } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { AUDIO_EXTENSIONS, VIDEO_CONSTRAINTS, VIDEO_EXTENSIONS, type VideoCreateResult } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';
import { formatBytes } from '../../shared/format';
import { ResumableUpload, UploadPausedError } from '../../shared/upload/resumable-upload';
import { UploadProgressComponent } from '../../shared/upload/upload-progress.component';
import { DropZoneComponent } from '../../shared/upload/drop-zone.component';
import { PublishTabsComponent } from '../../shared/publish-tabs.component';
import { createVideoForm, nameFromFilename, videoFormBody } from '../../shared/video-form/video-form';
import { VideoFormComponent } from '../../shared/video-form/video-form.component';

type Phase = 'select' | 'uploading' | 'paused' | 'uploaded' | 'failed';

@Component({
  selector: 'sh-upload-page',
  imports: [RouterLink, VideoFormComponent, DropZoneComponent, UploadProgressComponent, PublishTabsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './upload.page.html',
})
export class UploadPage {
  private readonly api = inject(ApiService);
  protected readonly auth = inject(AuthService);
  protected readonly form = createVideoForm(inject(FormBuilder));
  protected readonly accept = [...VIDEO_EXTENSIONS, ...AUDIO_EXTENSIONS].join(',');

  protected readonly phase = signal<Phase>('select');
  protected readonly sent = signal(0);
  protected readonly total = signal(0);
  protected readonly error = signal<string | null>(null);
  protected readonly result = signal<VideoCreateResult['video'] | null>(null);
  protected readonly saved = signal(false);
  protected readonly saving = signal(false);
  protected readonly channels = computed(() => this.auth.user()?.videoChannels ?? []);
  protected readonly quotaText = computed(() => {
    const u = this.auth.user();
    if (!u || u.videoQuota < 0) return null;
    return `You have used ${formatBytes(u.videoQuotaUsed)} of your ${formatBytes(u.videoQuota)} quota.`;
  });
  private upload: ResumableUpload<VideoCreateResult> | null = null;

  constructor() {
    const first = this.channels()[0];
    if (first) this.form.controls.channelId.setValue(first.id);
    inject(DestroyRef).onDestroy(() => this.upload?.pause());
  }

  protected fileChosen(file: File): void {
    if (file.size > VIDEO_CONSTRAINTS.maxUploadBytes) {
      this.error.set(`This file is too large (at most ${formatBytes(VIDEO_CONSTRAINTS.maxUploadBytes)}).`);
      return;
    }
    if (!this.form.controls.name.value) this.form.controls.name.setValue(nameFromFilename(file.name));
    for (const key of ['name', 'channelId', 'privacy', 'videoPassword'] as const) this.form.controls[key].markAsTouched();
    if (this.form.invalid) {
      this.error.set('Please fix the highlighted fields, then choose the file again.');
      return;
    }
    this.error.set(null);
    this.total.set(file.size);
    this.upload = new ResumableUpload<VideoCreateResult>({
      initUrl: '/api/v1/videos/upload-resumable',
      file,
      body: { ...videoFormBody(this.form) },
      token: () => this.auth.accessToken,
      onProgress: (sent) => this.sent.set(sent),
    });
    void this.run();
  }

  protected pause(): void {
    this.upload?.pause();
  }

  protected resume(): void {
    void this.run();
  }

  protected async cancel(): Promise<void> {
    await this.upload?.cancel();
    this.upload = null;
    this.sent.set(0);
    this.phase.set('select');
  }

  private async run(): Promise<void> {
    if (!this.upload) return;
    this.phase.set('uploading');
    this.error.set(null);
    try {
      const res = await this.upload.run();
      this.result.set(res.video);
      this.phase.set('uploaded');
      void this.auth.reloadUser().catch(() => undefined);
    } catch (err) {
      if (err instanceof UploadPausedError) {
        this.phase.set('paused');
        return;
      }
      this.phase.set('failed');
      this.error.set(errorMessage(err));
    }
  }

  /** Metadata edited during the upload is sent once the video exists. */
  protected async save(): Promise<void> {
    const video = this.result();
    this.form.markAllAsTouched();
    if (!video || this.form.invalid) return;
    this.saving.set(true);
    this.error.set(null);
    try {
      await this.api.put(`/videos/${video.id}`, videoFormBody(this.form));
      this.saved.set(true);
    } catch (err) {
      this.error.set(errorMessage(err));
    } finally {
      this.saving.set(false);
    }
  }
}
