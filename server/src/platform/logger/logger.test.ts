import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import { REDACTED_PATHS } from './logger';

describe('logger redaction', () => {
  it('never writes passwords, tokens or authorization headers', () => {
    let out = '';
    const sink = new Writable({
      write(chunk, _enc, cb) {
        out += chunk.toString();
        cb();
      },
    });
    const logger = pino({ redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink);
    logger.info(
      { req: { headers: { authorization: 'Bearer s3cret-token' } }, body: { password: 'hunter22', refresh_token: 'r3fresh' } },
      'request',
    );
    assert.doesNotMatch(out, /s3cret-token|hunter22|r3fresh/);
    assert.match(out, /\[redacted\]/);
  });
});
