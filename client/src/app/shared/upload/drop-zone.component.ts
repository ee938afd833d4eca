import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';

/** A file picker that also takes a dropped file; the button keeps it usable from the keyboard. */
@Component({
  selector: 'sh-drop-zone',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      class="zone"
      [class.over]="over()"
      (dragover)="dragOver($event)"
      (dragleave)="over.set(false)"
      (drop)="drop($event)"
      data-testid="drop-zone"
    >
      <p><strong>Drag and drop a video or audio file here</strong></p>
      <p>or</p>
      <label class="btn btn-primary" for="upload-file">Select a file</label>
      <input id="upload-file" class="visually-hidden" type="file" [accept]="accept()" (change)="picked($event)" />
      <p class="muted small">Accepted: {{ accept() }}</p>
    </div>
  `,
  styles: `
    .zone {
      border: 2px dashed #667085;
      border-radius: 8px;
      padding: 2rem;
      text-align: center;
      margin-bottom: 1.5rem;
    }
    .zone.over {
      border-color: var(--primary);
      background: #eff8ff;
    }
    .zone:focus-within {
      outline: 3px solid var(--focus);
      outline-offset: 2px;
    }
    .small {
      font-size: 0.8rem;
      overflow-wrap: anywhere;
    }
  `,
})
export class DropZoneComponent {
  readonly accept = input('');
  readonly fileChosen = output<File>();
  protected readonly over = signal(false);

  protected dragOver(event: DragEvent): void {
    event.preventDefault();
    this.over.set(true);
  }

  protected drop(event: DragEvent): void {
    event.preventDefault();
    this.over.set(false);
    const file = event.dataTransfer?.files?.[0];
    if (file) this.fileChosen.emit(file);
  }

  protected picked(event: Event): void {
    const inputEl = event.target as HTMLInputElement;
    const file = inputEl.files?.[0];
    if (file) this.fileChosen.emit(file);
    // Choosing the same file again after a cancel must fire another change.
    inputEl.value = '';
  }
}
