// The warehouse's public surface: build the star schema, find and read the current build.
export { buildWarehouse, VAULT_READERS, type BuildOptions, type BuildProgress, type BuildReport } from './build.ts';
export { currentBuild, openMarts, type BuildManifest, type CurrentBuild } from './current-build.ts';
export { Engine, quoteIdentifier, quoteLiteral, type Row, type SqlParams } from './engine.ts';
export { WarehouseLayout } from './layout.ts';
