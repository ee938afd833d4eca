import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { MyUser } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';

const NSFW_POLICIES = [
  { id: 'do_not_list', label: 'Hide sensitive videos' },
  { id: 'blur', label: 'Blur their thumbnails' },
  { id: 'display', label: 'Display them normally' },
] as const;

/** Viewing preferences: sensitive content policy and peer-to-peer sharing. */
@Component({
  selector: 'sh-preferences-form',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="settings" aria-labelledby="preferences-title">
      <h2 id="preferences-title">Video preferences</h2>
      <form (submit)="save($event)" novalidate>
        <div class="form-field">
          <label for="pref-nsfw">Videos with sensitive content</label>
          <select id="pref-nsfw" name="nsfwPolicy" [(ngModel)]="nsfwPolicy">
            @for (p of policies; track p.id) {
              <option [value]="p.id">{{ p.label }}</option>
            }
          </select>
        </div>
        <div class="check">
          <input type="checkbox" id="pref-p2p" name="p2pEnabled" [(ngModel)]="p2pEnabled" aria-describedby="pref-p2p-hint" />
          <label for="pref-p2p">Help share the videos I watch (peer-to-peer)</label>
        </div>
        <p class="hint muted" id="pref-p2p-hint">
          Other viewers may download parts of the video from your browser, which shows them your IP address.
        </p>
        @if (error()) {
          <p class="error" role="alert">{{ error() }}</p>
        }
        <button type="submit" class="btn btn-primary" [disabled]="busy()">Save the preferences</button>
        <p class="success" role="status">{{ saved() }}</p>
      </form>
    </section>
  `,
})
export class PreferencesFormComponent {
  readonly user = input.required<MyUser>();
  private readonly api = inject(ApiService);
  private readonly auth = inject(AuthService);
  protected readonly policies = NSFW_POLICIES;
  protected readonly error = signal<string | null>(null);
  protected readonly saved = signal('');
  protected readonly busy = signal(false);
  protected nsfwPolicy = 'do_not_list';
  protected p2pEnabled = true;

  private filledFor: number | null = null;

  constructor() {
    effect(() => {
      // Filled once per user: reloads after another form's save must not undo edits in progress here.
      const u = this.user();
      if (this.filledFor === u.id) return;
      this.filledFor = u.id;
      // `warn` is the newer spelling of `blur`.
      this.nsfwPolicy = u.nsfwPolicy === 'warn' ? 'blur' : u.nsfwPolicy;
      this.p2pEnabled = u.p2pEnabled;
    });
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    this.busy.set(true);
    this.error.set(null);
    this.saved.set('');
    try {
      await this.api.put('/users/me', { nsfwPolicy: this.nsfwPolicy, p2pEnabled: this.p2pEnabled });
      await this.auth.reloadUser();
      this.saved.set('Preferences saved.');
    } catch (err) {
      this.error.set(errorMessage(err));
    } finally {
      this.busy.set(false);
    }
  }
}
