import assert from 'node:assert/strict';
import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { describe, it } from 'node:test';
import { KeyedSha256 } from './hmac-sha256.ts';
import { Pseudonymiser } from './pseudonymiser.ts';

describe('KeyedSha256', () => {
  it('gives the same digests as createHmac for messages of every length and alphabet', () => {
    const alphabet = 'ABCdef0123456789 |:-éÉçœ𝄞\u0000';
    for (let round = 0; round < 3000; round++) {
      const key = randomBytes(round % 2 ? 32 : 64);
      const hmac = new KeyedSha256(key);
      const length = round < 1500 ? round % 130 : randomInt(0, 1500);
      let message = '';
      for (let i = 0; i < length; i++) message += [...alphabet][randomInt(0, [...alphabet].length)];
      assert.equal(hmac.hex(message), createHmac('sha256', key).update(message).digest('hex'), `length ${length}`);
    }
  });

  it('keeps the documented pseudonym: HMAC-SHA-256(key, domain:id), 128 bits in hex', () => {
    const key = randomBytes(32);
    const expected = createHmac('sha256', key).update('patient:29620').digest('hex').slice(0, 32);
    assert.equal(new Pseudonymiser(key).pseudonym('patient', '29620'), expected);
  });
});
