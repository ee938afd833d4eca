import { ChangeDetectionStrategy, Component, ElementRef, afterNextRender, input, output, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';

/** Asks for the password of a password-protected video; the page retries with it. */
@Component({
  selector: 'sh-password-prompt',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="prompt" (submit)="submit($event)" aria-labelledby="password-title">
      <h1 id="password-title">This video is password protected</h1>
      <p>Enter the password its owner gave you to watch it.</p>
      <div class="form-field">
        <label for="video-password">Video password</label>
        <input
          #field
          id="video-password"
          name="videoPassword"
          type="password"
          autocomplete="off"
          required
          [ngModel]="password()"
          (ngModelChange)="password.set($event)"
          [attr.aria-invalid]="incorrect() ? 'true' : null"
          [attr.aria-describedby]="incorrect() ? 'video-password-error' : null"
        />
        @if (incorrect()) {
          <p id="video-password-error" class="field-error" role="alert">Incorrect password, please try again.</p>
        }
      </div>
      <button class="btn btn-primary" type="submit" [disabled]="busy() || !password()">Watch the video</button>
    </form>
  `,
  styles: `
    .prompt {
      max-width: 32rem;
      margin: 2rem auto;
      padding: 1.5rem;
      border: 1px solid var(--border);
      border-radius: 8px;
    }
  `,
})
export class PasswordPromptComponent {
  readonly incorrect = input(false);
  readonly busy = input(false);
  readonly submitted = output<string>();
  protected readonly password = signal('');
  private readonly field = viewChild.required<ElementRef<HTMLInputElement>>('field');

  constructor() {
    afterNextRender(() => this.field().nativeElement.focus());
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.password()) this.submitted.emit(this.password());
  }
}
