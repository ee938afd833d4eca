import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError, loadConfig } from './config.loader';

const configDir = resolve(__dirname, '../../../../config');

function extraFile(yaml: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'shoal-config-')), 'extra.yaml');
  writeFileSync(file, yaml);
  return file;
}

describe('configuration loader', () => {
  it('reads the documented defaults', () => {
    const config = loadConfig({ configDir, env: {} });
    assert.equal(config.listen.port, 9000);
    assert.equal(config.oauth2.token_lifetime.access_token, 86_400_000);
    assert.equal(config.rates_limit.login.window, 300_000);
  });

  it('merges PT_CONFIG files and lets environment variables win', () => {
    const file = extraFile('listen:\n  port: 9100\ninstance:\n  name: Other\n');
    const config = loadConfig({ configDir, env: { PT_CONFIG: file, PT_LISTEN_PORT: '9200', PT_HTTPS: 'true' } });
    assert.equal(config.listen.port, 9200);
    assert.equal(config.instance.name, 'Other');
    assert.equal(config.webserver.https, true);
  });

  it('stops on an unknown key and names it', () => {
    const file = extraFile('listen:\n  portt: 1\n');
    assert.throws(() => loadConfig({ configDir, env: { PT_CONFIG: file } }), /unknown key listen\.portt/);
  });

  it('stops on a wrong value and names the key', () => {
    const file = extraFile('oauth2:\n  token_lifetime:\n    access_token: soon\n');
    assert.throws(() => loadConfig({ configDir, env: { PT_CONFIG: file } }), /oauth2\.token_lifetime\.access_token/);
  });

  it('rejects a malformed environment override', () => {
    assert.throws(() => loadConfig({ configDir, env: { PT_LISTEN_PORT: 'abc' } }), ConfigError);
  });
});
