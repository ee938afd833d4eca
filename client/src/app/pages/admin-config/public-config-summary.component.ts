import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { ApiService } from '../../core/api.service';

interface PublicConfig {
  serverVersion: string;
  instance: { name: string; shortDescription: string };
  signup: { allowed: boolean; requiresApproval: boolean };
  transcoding?: { enabledResolutions?: number[]; remoteRunners?: { enabled: boolean } };
  live?: { enabled: boolean };
  federation?: { enabled: boolean };
}

const yesNo = (v: boolean | undefined) => (v === undefined ? 'unknown' : v ? 'yes' : 'no');

/** What visitors and other clients see in `GET /config`, to check a change took effect. */
@Component({
  selector: 'sh-public-config-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="public-config-title">
      <h2 id="public-config-title">Public configuration</h2>
      @if (config(); as c) {
        <dl>
          <dt>Software version</dt>
          <dd>{{ c.serverVersion }}</dd>
          <dt>Instance name</dt>
          <dd data-testid="public-instance-name">{{ c.instance.name }}</dd>
          <dt>Short description</dt>
          <dd>{{ c.instance.shortDescription }}</dd>
          <dt>Sign-up open</dt>
          <dd>{{ yesNo(c.signup.allowed) }}{{ c.signup.requiresApproval ? ', with approval' : '' }}</dd>
          <dt>Resolutions in use</dt>
          <dd>{{ (c.transcoding?.enabledResolutions ?? []).join(', ') }}</dd>
          <dt>Remote runners</dt>
          <dd>{{ yesNo(c.transcoding?.remoteRunners?.enabled) }}</dd>
          <dt>Live streaming</dt>
          <dd>{{ yesNo(c.live?.enabled) }}</dd>
          <dt>Federation</dt>
          <dd>{{ yesNo(c.federation?.enabled) }}</dd>
        </dl>
      } @else {
        <p class="muted" role="status">Loading…</p>
      }
    </section>
  `,
  styles: `
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.25rem 1rem;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
  `,
})
export class PublicConfigSummaryComponent {
  readonly version = input(0);
  private readonly api = inject(ApiService);
  protected readonly config = signal<PublicConfig | null>(null);
  protected readonly yesNo = yesNo;

  constructor() {
    effect(() => {
      this.version();
      untracked(
        () =>
          void this.api.get<PublicConfig>('/config', { auth: false }).then(
            (c) => this.config.set(c),
            () => undefined,
          ),
      );
    });
  }
}
