// Child process of the benchmark: builds the marts of one warehouse through the library
// (buildWarehouse) and prints its BuildReport as JSON, so that the parent measures wall time and
// peak RSS of the build alone. Usage: node --import tsx bench/measure/build-child.ts <entrepot.yaml>
import { buildWarehouse } from '../../src/warehouse/index.ts';
import { openWorkspace } from '../../src/workspace.ts';

const workspace = openWorkspace(process.argv[2]);
const report = await buildWarehouse(workspace);
process.stdout.write('\n' + JSON.stringify(report) + '\n');
