import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../cli/command.ts';

/** Environment variable that may carry the key (64 hex characters), overriding the key file. */
export const KEY_ENV = 'ENTREPOT_SECRET_KEY';

/**
 * Reads the pseudonymisation key. A missing key is an error, never a reason to make a new one:
 * a new key would silently give every patient a new pseudonym and split the warehouse in two.
 */
export function loadKey(keyFile: string): Buffer {
  const fromEnv = process.env[KEY_ENV];
  if (fromEnv) return parseKey(fromEnv, `$${KEY_ENV}`);
  if (!existsSync(keyFile)) {
    throw new UserError(
      `pseudonymisation key not found: ${keyFile} (and $${KEY_ENV} is not set). ` +
        'Restore the key from your backup; without it new loads would not match existing pseudonyms. ' +
        'See README, "The pseudonymisation key".',
    );
  }
  return parseKey(readFileSync(keyFile, 'utf8'), keyFile);
}

/** Creates the key file (mode 0600) unless it exists; returns whether it was created. */
export function createKeyIfMissing(keyFile: string): boolean {
  if (process.env[KEY_ENV] || existsSync(keyFile)) return false;
  mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
  writeFileSync(keyFile, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  return true;
}

function parseKey(text: string, where: string): Buffer {
  const hex = text.trim();
  if (!/^[0-9a-fA-F]{64,}$/.test(hex)) {
    throw new UserError(`pseudonymisation key in ${where} must be at least 64 hexadecimal characters`);
  }
  return Buffer.from(hex, 'hex');
}
