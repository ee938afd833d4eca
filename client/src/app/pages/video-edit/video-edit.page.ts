import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormBuilder } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { VideoPrivacy, VideoState, type ResultList, type VideoDetails, type VideoPassword } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';
import { createVideoForm, fillVideoForm, videoFormBody } from '../../shared/video-form/video-form';
import { VideoFormComponent } from '../../shared/video-form/video-form.component';
import { CaptionsEditorComponent } from './captions-editor.component';
import { ChaptersEditorComponent } from './chapters-editor.component';
import { PasswordsEditorComponent } from './passwords-editor.component';
import { ReplaceFileComponent } from './replace-file.component';

@Component({
  selector: 'sh-video-edit-page',
  imports: [
    RouterLink,
    VideoFormComponent,
    ChaptersEditorComponent,
    CaptionsEditorComponent,
    ReplaceFileComponent,
    PasswordsEditorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './video-edit.page.html',
})
export class VideoEditPage {
  readonly id = input.required<string>();
  private readonly api = inject(ApiService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly form = createVideoForm(inject(FormBuilder));

  protected readonly video = signal<VideoDetails | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly channels = computed(() => this.auth.user()?.videoChannels ?? []);
  protected readonly failed = computed(() => this.video()?.state.id === VideoState.TRANSCODING_FAILED);
  /** Saved as password-protected: its passwords have their own editor. */
  protected readonly hasPasswords = computed(() => this.video()?.privacy.id === VideoPrivacy.PASSWORD_PROTECTED);
  protected readonly isLive = computed(() => !!this.video()?.isLive);

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  private async load(id: string): Promise<void> {
    try {
      const video = await this.api.get<VideoDetails>(`/videos/${encodeURIComponent(id)}`);
      let password = '';
      if (video.privacy.id === VideoPrivacy.PASSWORD_PROTECTED) {
        const list = await this.api.get<ResultList<VideoPassword>>(`/videos/${video.id}/passwords`).catch(() => null);
        password = list?.data[0]?.password ?? '';
      }
      fillVideoForm(this.form, video, password);
      this.video.set(video);
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }

  protected async save(): Promise<void> {
    const video = this.video();
    this.form.markAllAsTouched();
    if (!video || this.form.invalid) return;
    this.saving.set(true);
    this.error.set(null);
    this.message.set(null);
    try {
      const body = videoFormBody(this.form);
      // The list editor owns the passwords of an already protected video: sending one would replace them all.
      if (this.hasPasswords()) delete body.videoPasswords;
      await this.api.put(`/videos/${video.id}`, body);
      this.video.set(await this.api.get<VideoDetails>(`/videos/${video.id}`));
      this.message.set('Changes saved.');
    } catch (err) {
      this.error.set(errorMessage(err));
    } finally {
      this.saving.set(false);
    }
  }

  protected async remove(): Promise<void> {
    const video = this.video();
    if (!video || !confirm(`Delete "${video.name}"? This cannot be undone.`)) return;
    try {
      await this.api.delete(`/videos/${video.id}`);
      await this.router.navigateByUrl('/my-library/videos');
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }
}
