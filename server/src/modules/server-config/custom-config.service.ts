import { CUSTOM_CONFIG_RESOLUTIONS, type CustomConfig, type CustomConfigUpdate } from '@shoal/models';
import { AppError } from '../../platform/errors';
import type { AppContext } from '../../platform/context';
import { applyCustomConfig, readCustomConfig, storeCustomConfig } from './custom-config.store';

/** `GET/PUT /config/custom`: the settings an administrator may change without editing files. */
export class CustomConfigService {
  /** The transcoding pipeline reads its ladder once at boot; edits reach it after a restart. */
  private readonly bootResolutions: string;
  private readonly listeners: Array<() => void> = [];

  constructor(private readonly ctx: AppContext) {
    this.bootResolutions = JSON.stringify(ctx.config.transcoding.resolutions);
  }

  /** Called after each change (the public `GET /config` is rebuilt then). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  get(): CustomConfig {
    const restartRequired =
      JSON.stringify(this.ctx.config.transcoding.resolutions) === this.bootResolutions ? [] : ['transcoding.resolutions'];
    return { ...readCustomConfig(this.ctx.config), restartRequired };
  }

  async update(update: CustomConfigUpdate): Promise<CustomConfig> {
    const next = { ...this.ctx.config.transcoding.resolutions, ...stripUndefined(update.transcoding?.resolutions ?? {}) };
    if (!CUSTOM_CONFIG_RESOLUTIONS.some((r) => r !== '0p' && next[r])) {
      throw AppError.badRequest('At least one video resolution must stay enabled');
    }
    applyCustomConfig(this.ctx.config, update);
    await storeCustomConfig(this.ctx);
    this.ctx.logger.info({ sections: Object.keys(update) }, 'custom configuration updated');
    for (const listener of this.listeners) listener();
    return this.get();
  }
}

function stripUndefined(record: Record<string, boolean | undefined>): Record<string, boolean> {
  return Object.fromEntries(Object.entries(record).filter((e): e is [string, boolean] => e[1] !== undefined));
}
