import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { VIDEO_CONSTRAINTS, type ResultList, type VideoPassword } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';

/** The passwords of a password-protected video: any of them opens it; the last one cannot be removed. */
@Component({
  selector: 'sh-passwords-editor',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="passwords-title">
      <h2 id="passwords-title">Video passwords</h2>
      <p class="muted">Viewers can use any of these passwords. Give different people different passwords to withdraw one later.</p>
      @if (passwords() === null) {
        <p class="muted" role="status">Loading the passwords…</p>
      } @else {
        <ul class="list" aria-label="Video passwords">
          @for (p of passwords(); track p.id) {
            <li [attr.data-password-id]="p.id">
              <code>{{ p.password }}</code>
              <button type="button" class="btn btn-danger" [disabled]="passwords()!.length <= 1" (click)="remove(p)">
                Delete<span class="visually-hidden"> password {{ p.password }}</span>
              </button>
            </li>
          }
        </ul>
        @if (passwords()!.length <= 1) {
          <p class="hint muted">The last password cannot be deleted; change the privacy instead.</p>
        }
      }
      <form class="add" (submit)="add($event)" novalidate>
        <div class="form-field">
          <label for="new-video-password">New password</label>
          <input
            id="new-video-password"
            name="password"
            autocomplete="off"
            [(ngModel)]="draft"
            [attr.maxlength]="c.max"
            aria-describedby="new-video-password-hint"
          />
          <span class="hint" id="new-video-password-hint">{{ c.min }} to {{ c.max }} characters.</span>
        </div>
        <button type="submit" class="btn" [disabled]="busy() || passwords() === null">Add the password</button>
      </form>
      @if (error()) {
        <p class="error" role="alert">{{ error() }}</p>
      }
      <p class="success" role="status">{{ status() }}</p>
    </section>
  `,
  styles: `
    .list {
      list-style: none;
      padding: 0;
      max-width: 30rem;
    }
    .list li {
      display: flex;
      justify-content: space-between;
      align-items: center;
      padding: 0.35rem 0;
      border-bottom: 1px solid var(--border);
    }
    .add {
      display: flex;
      gap: 0.5rem;
      align-items: flex-end;
      flex-wrap: wrap;
    }
    .add .form-field {
      margin-bottom: 0;
    }
  `,
})
export class PasswordsEditorComponent {
  readonly videoId = input.required<number>();
  private readonly api = inject(ApiService);
  protected readonly c = VIDEO_CONSTRAINTS.password;
  protected readonly passwords = signal<VideoPassword[] | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly status = signal('');
  protected draft = '';

  constructor() {
    effect(() => {
      const id = this.videoId();
      untracked(() => void this.load(id));
    });
  }

  private async load(id = this.videoId()): Promise<void> {
    try {
      const res = await this.api.get<ResultList<VideoPassword>>(`/videos/${id}/passwords`, { query: { count: 100 } });
      this.passwords.set(res.data);
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }

  protected async add(event: Event): Promise<void> {
    event.preventDefault();
    const password = this.draft;
    const list = this.passwords();
    // The update replaces the whole list: never send it before the current one is known.
    if (list === null) return;
    const current = list.map((p) => p.password);
    if (password.length < this.c.min || password.length > this.c.max)
      return void this.error.set(`A password needs ${this.c.min} to ${this.c.max} characters.`);
    if (current.includes(password)) return void this.error.set('This password is already in the list.');
    await this.act(async () => {
      await this.api.put(`/videos/${this.videoId()}/passwords`, { passwords: [...current, password] });
      this.draft = '';
      return 'Password added.';
    });
  }

  protected async remove(p: VideoPassword): Promise<void> {
    await this.act(async () => {
      await this.api.delete(`/videos/${this.videoId()}/passwords/${p.id}`);
      return 'Password deleted.';
    });
  }

  private async act(change: () => Promise<string>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    this.status.set('');
    try {
      const text = await change();
      await this.load();
      this.status.set(text);
    } catch (err) {
      this.error.set(errorMessage(err));
    } finally {
      this.busy.set(false);
    }
  }
}
