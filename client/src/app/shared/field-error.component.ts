import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, signal, effect } from '@angular/core';
import type { AbstractControl } from '@angular/forms';

/** The first validation message of a control, once the user touched it. */
@Component({
  selector: 'sh-field-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (message()) {
      <span class="field-error">{{ message() }}</span>
    }
  `,
})
export class FieldErrorComponent {
  readonly control = input.required<AbstractControl>();
  protected readonly message = signal<string | null>(null);

  constructor() {
    const destroyRef = inject(DestroyRef);
    effect((onCleanup) => {
      const control = this.control();
      // Reactive forms report through observables; touched changes come through `events`.
      const sub = control.events.subscribe(() => this.message.set(messageOf(control)));
      this.message.set(messageOf(control));
      onCleanup(() => sub.unsubscribe());
    });
    destroyRef.onDestroy(() => this.message.set(null));
  }
}

function messageOf(control: AbstractControl): string | null {
  const e = control.errors;
  if (!e || !control.touched) return null;
  if (e['required']) return 'This field is required.';
  if (e['minlength']) return `At least ${e['minlength'].requiredLength} characters.`;
  if (e['maxlength']) return `At most ${e['maxlength'].requiredLength} characters.`;
  if (e['min']) return `At least ${e['min'].min}.`;
  if (e['max']) return `At most ${e['max'].max}.`;
  if (e['email']) return 'Enter a valid email address.';
  if (e['pattern']) return 'This value has characters that are not allowed.';
  if (e['custom']) return String(e['custom']);
  return 'This value is not valid.';
}
