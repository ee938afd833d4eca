import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { customConfigUpdateSchema } from '@shoal/models';
import { loadConfig } from '../../platform/config';
import { applyCustomConfig, readCustomConfig } from './custom-config.store';

const configDir = resolve(__dirname, '../../../../config');

describe('custom configuration overlay', () => {
  it('writes only the given fields into the configuration', () => {
    const config = loadConfig({ configDir, env: {} });
    const before = readCustomConfig(config);
    applyCustomConfig(config, {
      instance: { name: 'Renamed' },
      signup: { requiresApproval: true },
      transcoding: { resolutions: { '720p': false } },
    });
    const after = readCustomConfig(config);
    assert.equal(config.instance.name, 'Renamed');
    assert.equal(after.instance.terms, before.instance.terms);
    assert.equal(config.signup.requires_approval, true);
    assert.equal(after.signup.enabled, before.signup.enabled);
    assert.equal(config.transcoding.resolutions['720p'], false);
    assert.equal(after.transcoding.resolutions['480p'], before.transcoding.resolutions['480p']);
  });

  it('switches live on and off when the server has live streaming', () => {
    const config = loadConfig({ configDir, env: {} });
    applyCustomConfig(config, { live: { enabled: !config.live.enabled } });
    assert.equal(readCustomConfig(config).live?.enabled, config.live.enabled);
  });

  it('accepts a full PeerTube body, ignoring the sections Shoal lacks, and refuses turning transcoding off', () => {
    const full = { instance: { name: 'X', isNSFW: false }, theme: { default: 'dark' }, transcoding: { enabled: true, threads: 2 } };
    assert.equal(customConfigUpdateSchema.safeParse(full).success, true);
    assert.equal(customConfigUpdateSchema.safeParse({ transcoding: { enabled: false } }).success, false);
    assert.equal(customConfigUpdateSchema.safeParse({ instance: { name: '   ' } }).success, false);
  });
});
