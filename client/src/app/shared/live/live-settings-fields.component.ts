import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { LATENCY_MODES, REPLAY_PRIVACIES, type LiveServerConfig, type LiveSettingsValue } from './live-settings';

/** Latency, replay and permanence fields, shared by the go-live form and the live settings editor. */
@Component({
  selector: 'sh-live-settings-fields',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let v = value();
    @let p = idPrefix();
    @if (config()?.latencySetting?.enabled !== false) {
      <fieldset class="group">
        <legend>Latency mode</legend>
        @for (m of modes; track m.id) {
          <div class="choice">
            <input
              type="radio"
              [id]="p + '-latency-' + m.id"
              [name]="p + '-latency'"
              [value]="m.id"
              [(ngModel)]="v.latencyMode"
              [attr.aria-describedby]="p + '-latency-hint-' + m.id"
            />
            <label [for]="p + '-latency-' + m.id">{{ m.label }}</label>
            <span class="hint" [id]="p + '-latency-hint-' + m.id">{{ m.hint }}</span>
          </div>
        }
      </fieldset>
    }
    @if (config()?.allowReplay !== false) {
      <div class="check">
        <input type="checkbox" [id]="p + '-save-replay'" [name]="p + '-save-replay'" [(ngModel)]="v.saveReplay" />
        <label [for]="p + '-save-replay'">Save a replay of the live</label>
      </div>
      @if (v.saveReplay) {
        <div class="form-field indent">
          <label [for]="p + '-replay-privacy'">Privacy of the replay</label>
          <select [id]="p + '-replay-privacy'" [name]="p + '-replay-privacy'" [(ngModel)]="v.replayPrivacy">
            @for (opt of privacies; track opt.id) {
              <option [ngValue]="opt.id">{{ opt.label }}</option>
            }
          </select>
        </div>
      }
    }
    <div class="check">
      <input
        type="checkbox"
        [id]="p + '-permanent'"
        [name]="p + '-permanent'"
        [(ngModel)]="v.permanentLive"
        [attr.aria-describedby]="p + '-permanent-hint'"
      />
      <label [for]="p + '-permanent'">Permanent live</label>
    </div>
    <p class="hint indent" [id]="p + '-permanent-hint'">
      The same stream key and video can be used again and again; the video waits for the next session between streams.
    </p>
  `,
  styles: `
    .group {
      border: 1px solid var(--border);
      border-radius: 6px;
      padding: 0.5rem 1rem;
      margin: 0 0 1rem;
      max-width: 40rem;
    }
    legend {
      font-weight: 600;
    }
    .choice {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 0 0.5rem;
      margin: 0.25rem 0;
    }
    .choice .hint {
      grid-column: 2;
    }
    .hint {
      color: var(--muted);
      font-size: 0.875rem;
    }
    .check {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      margin-bottom: 0.5rem;
    }
    .indent {
      margin-left: 1.5rem;
      margin-top: 0;
    }
  `,
})
export class LiveSettingsFieldsComponent {
  /** Mutated in place by the fields (template-driven), read by the parent on submit. */
  readonly value = input.required<LiveSettingsValue>();
  readonly config = input<LiveServerConfig | null>(null);
  readonly idPrefix = input('live');
  protected readonly modes = LATENCY_MODES;
  protected readonly privacies = REPLAY_PRIVACIES;
}
