import { existsSync, readFileSync } from 'node:fs';
import { loadConfig, type EntrepotConfig } from './config.ts';
import { UserError } from './cli/command.ts';
import { loadKey } from './identity/key.ts';
import { Pseudonymiser } from './identity/pseudonymiser.ts';
import { writeFileAtomic } from './sources/ingest.ts';
import { WarehouseLayout } from './warehouse/layout.ts';

/** A configured warehouse: its config, its layout on disk and the key its pseudonyms were made with. */
export interface Workspace {
  config: EntrepotConfig;
  layout: WarehouseLayout;
  pseudonymiser: Pseudonymiser;
}

export function openWorkspace(configFile?: string): Workspace {
  const config = loadConfig(configFile);
  const layout = new WarehouseLayout(config.warehouse);
  const pseudonymiser = new Pseudonymiser(loadKey(config.keyFile));
  checkKeyFingerprint(layout, pseudonymiser);
  return { config, layout, pseudonymiser };
}

/**
 * The warehouse records which key made its pseudonyms; loading with another key would give every
 * patient a second pseudonym, so it is refused.
 */
export function checkKeyFingerprint(layout: WarehouseLayout, pseudonymiser: Pseudonymiser): void {
  const fingerprint = pseudonymiser.fingerprint();
  if (!existsSync(layout.keyFingerprint)) {
    writeFileAtomic(layout.keyFingerprint, fingerprint + '\n');
    return;
  }
  const recorded = readFileSync(layout.keyFingerprint, 'utf8').trim();
  if (recorded !== fingerprint) {
    throw new UserError(
      `the pseudonymisation key does not match the one this warehouse was built with (fingerprint ${recorded}, ` +
        `key gives ${fingerprint}). Restore the original key; see README, "The pseudonymisation key".`,
    );
  }
}
