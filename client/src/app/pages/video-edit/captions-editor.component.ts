import { ChangeDetectionStrategy, Component, ElementRef, effect, inject, input, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { CAPTION_FILE_FIELD, VIDEO_CAPTION_CONSTRAINTS, VIDEO_LANGUAGES, type VideoCaption, type VideoCaptionList } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { ApiError, errorMessage } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';
import { formatBytes } from '../../shared/format';

/** Lists a video's captions, adds or replaces one per language, deletes them. */
@Component({
  selector: 'sh-captions-editor',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="captions-title">
      <h2 id="captions-title">Captions</h2>
      <p class="muted">WebVTT (.vtt) or SubRip (.srt) files of at most {{ maxSize }}; a new file for a language replaces its caption.</p>
      @if (captions().length) {
        <ul class="captions" aria-label="Captions of this video">
          @for (c of captions(); track c.language.id) {
            <li>
              <a [href]="c.fileUrl" target="_blank" rel="noopener">{{ c.language.label }}</a>
              <button type="button" class="btn btn-danger" (click)="remove(c)">
                Delete<span class="visually-hidden"> the {{ c.language.label }} caption</span>
              </button>
            </li>
          }
        </ul>
      } @else {
        <p class="muted">This video has no caption yet.</p>
      }
      <div class="add">
        <div>
          <label for="caption-language">Caption language</label>
          <select id="caption-language" [ngModel]="language()" (ngModelChange)="language.set($event)">
            @for (l of languages; track l.id) {
              <option [value]="l.id">{{ l.label }}</option>
            }
          </select>
        </div>
        <div>
          <label for="caption-file">Caption file</label>
          <input #fileInput id="caption-file" type="file" [accept]="accept" (change)="pick($event)" />
        </div>
        <button type="button" class="btn btn-primary" [disabled]="!file() || busy()" (click)="upload()">Add the caption</button>
      </div>
      @if (error()) {
        <p class="error" role="alert">{{ error() }}</p>
      }
      <p class="success" role="status">{{ message() }}</p>
    </section>
  `,
  styles: `
    .captions {
      list-style: none;
      padding: 0;
    }
    .captions li {
      display: flex;
      gap: 1rem;
      align-items: center;
      margin-bottom: 0.5rem;
    }
    .add {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: end;
    }
    .add label {
      display: block;
      font-weight: 600;
    }
  `,
})
export class CaptionsEditorComponent {
  readonly videoId = input.required<number>();
  private readonly api = inject(ApiService);
  private readonly auth = inject(AuthService);
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');
  protected readonly languages = Object.entries(VIDEO_LANGUAGES)
    .map(([id, label]) => ({ id, label }))
    .sort((a, b) => a.label.localeCompare(b.label));
  protected readonly accept = VIDEO_CAPTION_CONSTRAINTS.extensions.join(',');
  protected readonly maxSize = formatBytes(VIDEO_CAPTION_CONSTRAINTS.maxBytes);
  protected readonly captions = signal<VideoCaption[]>([]);
  protected readonly language = signal('en');
  protected readonly file = signal<File | null>(null);
  protected readonly busy = signal(false);
  protected readonly message = signal('');
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => void this.load(this.videoId()));
  }

  private async load(id: number): Promise<void> {
    const list = await this.api.get<VideoCaptionList>(`/videos/${id}/captions`).catch(() => ({ total: 0, data: [] }));
    this.captions.set(list.data);
  }

  protected pick(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0] ?? null;
    this.error.set(file && file.size > VIDEO_CAPTION_CONSTRAINTS.maxBytes ? `This file is too large (at most ${this.maxSize}).` : null);
    this.file.set(this.error() ? null : file);
  }

  protected async upload(): Promise<void> {
    const file = this.file();
    if (!file) return;
    const label = VIDEO_LANGUAGES[this.language()] ?? this.language();
    await this.run(async () => {
      const body = new FormData();
      body.append(CAPTION_FILE_FIELD, file);
      // Multipart: sent with fetch, as the JSON API service does not build form data.
      const res = await fetch(`/api/v1/videos/${this.videoId()}/captions/${encodeURIComponent(this.language())}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${this.auth.accessToken ?? ''}`, accept: 'application/json' },
        body,
      });
      if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => null));
      this.file.set(null);
      const input = this.fileInput()?.nativeElement;
      if (input) input.value = '';
      return `${label} caption saved.`;
    });
  }

  protected async remove(caption: VideoCaption): Promise<void> {
    await this.run(async () => {
      await this.api.delete(`/videos/${this.videoId()}/captions/${encodeURIComponent(caption.language.id)}`);
      return `${caption.language.label} caption deleted.`;
    });
  }

  private async run(action: () => Promise<string>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    this.message.set('');
    try {
      const done = await action();
      // The list first, so the announced outcome matches what is on screen.
      await this.load(this.videoId());
      this.message.set(done);
    } catch (err) {
      this.error.set(errorMessage(err));
    } finally {
      this.busy.set(false);
    }
  }
}
