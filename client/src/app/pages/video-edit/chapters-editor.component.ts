import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { VIDEO_CONSTRAINTS, type VideoChapter } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';
import { formatDuration } from '../../shared/format';
import { timestampToSeconds } from '../watch/description-parser';

interface Row {
  time: string;
  title: string;
}

/** Edits the chapter list of a video; the whole list is replaced on save, as the API does. */
@Component({
  selector: 'sh-chapters-editor',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './chapters-editor.component.html',
  styles: `
    .row {
      display: grid;
      grid-template-columns: 9rem 1fr auto;
      gap: 0.5rem;
      align-items: end;
      margin-bottom: 0.5rem;
      max-width: 40rem;
    }
    .row label {
      font-size: 0.85rem;
      font-weight: 600;
      display: block;
    }
    .row input {
      width: 100%;
    }
  `,
})
export class ChaptersEditorComponent {
  readonly videoId = input.required<number>();
  private readonly api = inject(ApiService);
  protected readonly rows = signal<Row[]>([]);
  protected readonly message = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly maxTitle = VIDEO_CONSTRAINTS.chapterTitle.max;

  constructor() {
    effect(() => void this.load(this.videoId()));
  }

  private async load(id: number): Promise<void> {
    const res = await this.api.get<{ chapters: VideoChapter[] }>(`/videos/${id}/chapters`).catch(() => ({ chapters: [] }));
    this.rows.set(res.chapters.map((c) => ({ time: formatDuration(c.timecode), title: c.title })));
  }

  protected add(): void {
    this.rows.update((rows) => [...rows, { time: '', title: '' }]);
  }

  protected remove(index: number): void {
    this.rows.update((rows) => rows.filter((_, i) => i !== index));
  }

  protected edit(index: number, field: keyof Row, value: string): void {
    this.rows.update((rows) => rows.map((r, i) => (i === index ? { ...r, [field]: value } : r)));
  }

  protected async save(): Promise<void> {
    this.message.set(null);
    const problem = this.validate();
    if (problem) return void this.error.set(problem);
    this.error.set(null);
    const chapters = this.rows().map((r) => ({ timecode: timestampToSeconds(r.time.trim()), title: r.title.trim() }));
    try {
      await this.api.put(`/videos/${this.videoId()}/chapters`, { chapters });
      this.message.set('Chapters saved.');
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }

  private validate(): string | null {
    const seen = new Set<number>();
    for (const [i, r] of this.rows().entries()) {
      if (!/^(\d+:){0,2}\d+$/.test(r.time.trim())) return `Chapter ${i + 1}: enter its start as 1:23 or 83.`;
      const t = r.title.trim();
      if (t.length < VIDEO_CONSTRAINTS.chapterTitle.min || t.length > this.maxTitle)
        return `Chapter ${i + 1}: the title needs 1 to ${this.maxTitle} characters.`;
      const s = timestampToSeconds(r.time.trim());
      if (seen.has(s)) return `Chapter ${i + 1}: another chapter starts at the same time.`;
      seen.add(s);
    }
    return null;
  }
}
