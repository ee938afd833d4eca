import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { durationLabel } from '../../shared/format';
import { parseDescription } from './description-parser';

@Component({
  selector: 'sh-description',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // Kept on few lines on purpose: the container preserves whitespace, so the template must not add any.
  // prettier-ignore
  template: `
    <div class="description">
      @for (part of parts(); track $index) {
        @switch (part.kind) {
          @case ('link') {<a [href]="part.href" rel="nofollow noopener noreferrer" target="_blank">{{ part.text }}</a>}
          @case ('time') {<button type="button" class="timestamp" (click)="seek.emit(part.seconds)">{{ part.text }}<span class="visually-hidden"> (go to {{ spoken(part.seconds) }})</span></button>}
          @default {<span>{{ part.text }}</span>}
        }
      }
    </div>
  `,
  styles: `
    .description {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .timestamp {
      border: none;
      background: none;
      padding: 0;
      color: var(--primary);
      text-decoration: underline;
      cursor: pointer;
      font: inherit;
    }
  `,
})
export class DescriptionComponent {
  readonly text = input.required<string>();
  readonly seek = output<number>();
  protected readonly parts = computed(() => parseDescription(this.text()));
  protected readonly spoken = durationLabel;
}
