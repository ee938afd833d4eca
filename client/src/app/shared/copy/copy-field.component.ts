import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, signal } from '@angular/core';

/**
 * A read-only value with a copy button (clipboard API, visible "Copied" feedback) and, for
 * secrets such as stream keys, a show/hide toggle. The value stays in a text field so it can
 * also be selected by hand when the clipboard is unavailable.
 */
@Component({
  selector: 'sh-copy-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="form-field">
      <label [for]="fieldId()">{{ label() }}</label>
      <div class="row">
        <input
          [id]="fieldId()"
          [type]="secret() && !shown() ? 'password' : 'text'"
          [value]="value()"
          readonly
          autocomplete="off"
          spellcheck="false"
          (focus)="select($event)"
        />
        @if (secret()) {
          <button type="button" class="btn" [attr.aria-pressed]="shown()" [attr.aria-controls]="fieldId()" (click)="shown.set(!shown())">
            {{ shown() ? 'Hide' : 'Show' }}<span class="visually-hidden"> {{ label() }}</span>
          </button>
        }
        <button type="button" class="btn" (click)="copy()">
          Copy<span class="visually-hidden"> {{ label() }}</span>
        </button>
      </div>
      <span class="feedback" role="status" aria-live="polite">{{ feedback() }}</span>
    </div>
  `,
  styles: `
    .row {
      display: flex;
      gap: 0.5rem;
      flex-wrap: wrap;
    }
    .row input {
      flex: 1 1 20rem;
      font-family: ui-monospace, monospace;
    }
    .feedback {
      color: var(--ok);
      min-height: 1.5em;
    }
  `,
})
export class CopyFieldComponent {
  readonly label = input.required<string>();
  readonly value = input.required<string>();
  readonly fieldId = input.required<string>();
  readonly secret = input(false);

  protected readonly shown = signal(false);
  protected readonly feedback = signal('');
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
  }

  protected select(event: Event): void {
    (event.target as HTMLInputElement).select();
  }

  protected async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.value());
      this.feedback.set(`${this.label()} copied.`);
    } catch {
      // Clipboard access needs a secure context and permission: say how to copy by hand instead.
      this.shown.set(true);
      this.feedback.set('Copying is not allowed here: select the text and copy it by hand.');
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.feedback.set(''), 4000);
  }
}
