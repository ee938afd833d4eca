import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { CUSTOM_CONFIG_CONSTRAINTS, CUSTOM_CONFIG_RESOLUTIONS, type CustomConfig } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';
import { ServerConfigService } from '../../core/server-config.service';
import { AdminNavComponent } from '../../shared/admin-nav.component';
import { PublicConfigSummaryComponent } from './public-config-summary.component';

/** `/admin/config/edit-custom`: the settings an administrator may change at runtime (`/config/custom`). */
@Component({
  selector: 'sh-admin-config-page',
  imports: [FormsModule, AdminNavComponent, PublicConfigSummaryComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './admin-config.page.html',
  styles: `
    fieldset {
      border: 1px solid var(--border);
      border-radius: 6px;
      padding: 0.5rem 1rem 1rem;
      margin: 0 0 1.5rem;
      max-width: 44rem;
    }
    legend {
      font-weight: 700;
      padding: 0 0.25rem;
    }
    .check {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      margin-bottom: 0.5rem;
    }
    .resolutions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1.25rem;
    }
  `,
})
export class AdminConfigPage {
  private readonly api = inject(ApiService);
  private readonly serverConfig = inject(ServerConfigService);
  protected readonly c = CUSTOM_CONFIG_CONSTRAINTS;
  protected readonly resolutions = CUSTOM_CONFIG_RESOLUTIONS;
  protected readonly form = signal<CustomConfig | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly saved = signal('');
  protected readonly busy = signal(false);
  /** Bumped after each save so the public summary reloads. */
  protected readonly version = signal(0);

  constructor() {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.form.set(await this.api.get<CustomConfig>('/config/custom'));
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }

  protected resolutionLabel(r: string): string {
    return r === '0p' ? 'Audio only' : r;
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const f = this.form();
    if (!f) return;
    if (!f.instance.name.trim()) {
      this.error.set('The instance needs a name.');
      document.getElementById('config-name')?.focus();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.saved.set('');
    try {
      const { restartRequired: _ignored, ...body } = f;
      const next = await this.api.put<CustomConfig>('/config/custom', {
        ...body,
        signup: { ...body.signup, limit: Number(body.signup.limit) },
      });
      this.form.set(next);
      this.version.update((n) => n + 1);
      // The header shows the instance name: refresh the client's copy of /config.
      void this.serverConfig.reload();
      this.saved.set(
        next.restartRequired.length ? 'Settings saved. The transcoding resolutions apply after a restart.' : 'Settings saved.',
      );
    } catch (err) {
      this.error.set(errorMessage(err));
    } finally {
      this.busy.set(false);
    }
  }
}
