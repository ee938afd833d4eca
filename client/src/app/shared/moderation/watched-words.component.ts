import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { WATCHED_WORDS_CONSTRAINTS, type ResultList, type WatchedWordsList } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';

/** Create, edit and delete watched-words lists (an account's or the instance's, by `endpoint`). */
@Component({
  selector: 'sh-watched-words',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './watched-words.component.html',
  styleUrl: './moderation.css',
})
export class WatchedWordsComponent {
  readonly endpoint = input.required<string>();
  private readonly api = inject(ApiService);
  protected readonly limits = WATCHED_WORDS_CONSTRAINTS;
  protected readonly lists = signal<WatchedWordsList[] | null>(null);
  protected readonly editing = signal<number | null>(null);
  protected readonly busy = signal(false);
  protected readonly status = signal('');
  protected readonly error = signal<string | null>(null);
  protected listName = '';
  protected words = '';

  constructor() {
    effect(() => {
      this.endpoint();
      untracked(() => void this.load());
    });
  }

  private async load(): Promise<void> {
    try {
      const res = await this.api.get<ResultList<WatchedWordsList>>(this.endpoint(), { query: { start: 0, count: 100 } });
      this.lists.set(res.data);
    } catch (err) {
      this.error.set(errorMessage(err));
      this.lists.set([]);
    }
  }

  protected edit(list: WatchedWordsList | null): void {
    this.editing.set(list?.id ?? null);
    this.listName = list?.listName ?? '';
    this.words = list?.words.join('\n') ?? '';
    this.error.set(null);
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const listName = this.listName.trim();
    const words = [
      ...new Set(
        this.words
          .split('\n')
          .map((w) => w.trim())
          .filter(Boolean),
      ),
    ];
    const l = this.limits;
    if (listName.length < l.listName.min || words.length < l.words.min) {
      this.error.set('A list needs a name and at least one word.');
      return;
    }
    if (words.length > l.words.max || words.some((w) => w.length > l.word.max)) {
      this.error.set(`At most ${l.words.max} words of ${l.word.max} characters each.`);
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      const id = this.editing();
      if (id) await this.api.put(`${this.endpoint()}/${id}`, { listName, words });
      else await this.api.post(this.endpoint(), { listName, words });
      this.status.set(`List “${listName}” saved.`);
      this.edit(null);
      await this.load();
    } catch (err) {
      this.error.set(errorMessage(err));
    } finally {
      this.busy.set(false);
    }
  }

  protected async remove(list: WatchedWordsList): Promise<void> {
    if (!confirm(`Delete the list “${list.listName}”?`)) return;
    try {
      await this.api.delete(`${this.endpoint()}/${list.id}`);
      if (this.editing() === list.id) this.edit(null);
      // The list first, then the message: what the message says is already on screen.
      await this.load();
      this.status.set(`List “${list.listName}” deleted.`);
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }
}
