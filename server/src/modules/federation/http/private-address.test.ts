import assert from 'node:assert/strict';
import { isPrivateAddress } from './private-address';

describe('isPrivateAddress', () => {
  it('refuses loopback, private, link-local and mapped addresses', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '0.0.0.0',
    ]) {
      assert.equal(isPrivateAddress(a), true, a);
    }
  });

  it('allows public addresses', () => {
    for (const a of ['93.184.216.34', '2606:2800:220:1::1', '8.8.8.8']) assert.equal(isPrivateAddress(a), false, a);
  });
});
