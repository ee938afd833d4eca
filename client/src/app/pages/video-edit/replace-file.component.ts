import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { AUDIO_EXTENSIONS, VIDEO_EXTENSIONS } from '@shoal/models';
import { errorMessage } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';
import { DropZoneComponent } from '../../shared/upload/drop-zone.component';
import { ResumableUpload, UploadPausedError } from '../../shared/upload/resumable-upload';
import { UploadProgressComponent } from '../../shared/upload/upload-progress.component';

type Phase = 'select' | 'uploading' | 'paused' | 'uploaded' | 'failed';

/** Replaces the video's file through the resumable protocol; the server transcodes it again. */
@Component({
  selector: 'sh-replace-file',
  imports: [DropZoneComponent, UploadProgressComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="replace-title">
      <h2 id="replace-title">Replace the file</h2>
      <p class="muted">The new file is processed again; the old one is removed once that is done.</p>
      @if (phase() === 'select') {
        <sh-drop-zone [accept]="accept" (fileChosen)="start($event)" />
      } @else {
        <sh-upload-progress
          [sent]="sent()"
          [total]="total()"
          [phase]="phase()"
          (paused)="upload?.pause()"
          (resumed)="run()"
          (cancelled)="cancel()"
        />
      }
      @if (phase() === 'uploaded') {
        <p class="success" role="status">The new file was received and is being processed.</p>
      }
      @if (error()) {
        <p class="error" role="alert">{{ error() }}</p>
      }
    </section>
  `,
})
export class ReplaceFileComponent {
  readonly videoId = input.required<number>();
  private readonly auth = inject(AuthService);
  protected readonly accept = [...VIDEO_EXTENSIONS, ...AUDIO_EXTENSIONS].join(',');
  protected readonly phase = signal<Phase>('select');
  protected readonly sent = signal(0);
  protected readonly total = signal(0);
  protected readonly error = signal<string | null>(null);
  protected upload: ResumableUpload | null = null;

  protected start(file: File): void {
    this.total.set(file.size);
    this.upload = new ResumableUpload({
      initUrl: `/api/v1/videos/${this.videoId()}/source/replace-resumable`,
      file,
      body: {},
      token: () => this.auth.accessToken,
      onProgress: (sent) => this.sent.set(sent),
    });
    void this.run();
  }

  protected async run(): Promise<void> {
    if (!this.upload) return;
    this.phase.set('uploading');
    this.error.set(null);
    try {
      await this.upload.run();
      this.phase.set('uploaded');
    } catch (err) {
      if (err instanceof UploadPausedError) return void this.phase.set('paused');
      this.phase.set('failed');
      this.error.set(errorMessage(err));
    }
  }

  protected async cancel(): Promise<void> {
    await this.upload?.cancel();
    this.upload = null;
    this.phase.set('select');
  }
}
