import { quoteIdentifier, quoteList, quoteLiteral, type Engine } from '../engine.ts';
import type { WarehouseLayout } from '../layout.ts';
import { rawTableFiles } from '../catalogue.ts';
import { committedManifests } from '../../sources/ingest.ts';
import { readers } from '../../sources/registry.ts';
import type { RawColumn, SourceName } from '../../sources/types.ts';

/**
 * A raw-zone or vault table as the models see it: `raw.care_db_consultation`,
 * `vault.care_db_patient_identity`. Besides the reader's columns and the lineage columns
 * (`_batch`, `_file`, `_line`), each row carries `_batch_seq`, the rank of its batch in load
 * order (1 = oldest), so that models of append sources can let the latest batch win.
 */
export interface InputTable {
  name: string;
  source: SourceName;
  zone: 'raw' | 'vault';
  columns: Pick<RawColumn, 'name' | 'type'>[];
  files: string[];
  /** Batch id → rank in load order. */
  batches: Map<string, number>;
}

const LINEAGE: Pick<RawColumn, 'name' | 'type'>[] = [
  { name: '_batch', type: 'VARCHAR' },
  { name: '_file', type: 'VARCHAR' },
  { name: '_line', type: 'BIGINT' },
];

function inputTableName(zone: 'raw' | 'vault', source: string, table: string): string {
  return `${zone}.${source.replaceAll('-', '_')}_${table}`;
}

/** The committed raw and vault tables of every source, as `rawTableFiles` chooses them. */
export function warehouseInputs(layout: WarehouseLayout): InputTable[] {
  const inputs: InputTable[] = [];
  for (const reader of Object.values(readers)) {
    const order = new Map(committedManifests(layout, reader.source).map((m, i) => [m.batchId, i + 1]));
    for (const spec of reader.tables) {
      inputs.push({
        name: inputTableName(spec.zone, reader.source, spec.name),
        source: reader.source,
        zone: spec.zone,
        columns: [...spec.columns, ...LINEAGE],
        files: rawTableFiles(layout, reader.source, spec.name),
        batches: order,
      });
    }
  }
  return inputs;
}

/**
 * Creates the view of one input. A source never loaded still gets an empty, typed relation, so
 * a warehouse without e-Satis files builds an empty `fact_satisfaction` rather than failing.
 */
export async function createInputView(engine: Engine, input: InputTable): Promise<void> {
  await engine.run(`CREATE SCHEMA IF NOT EXISTS ${input.zone}`);
  const [schema, table] = input.name.split('.');
  const target = `${schema}.${quoteIdentifier(table)}`;
  if (input.files.length === 0) {
    const columns = input.columns.map((c) => `CAST(NULL AS ${c.type}) AS ${quoteIdentifier(c.name)}`);
    await engine.run(`CREATE OR REPLACE VIEW ${target} AS SELECT ${columns.join(', ')}, CAST(NULL AS INTEGER) AS _batch_seq WHERE false`);
    return;
  }
  const seq = [...input.batches].map(([batch, rank]) => `(${quoteLiteral(batch)}, ${rank})`).join(', ');
  const columns = input.columns.map((c) => `r.${quoteIdentifier(c.name)}`).join(', ');
  await engine.run(
    `CREATE OR REPLACE VIEW ${target} AS SELECT ${columns}, CAST(b.seq AS INTEGER) AS _batch_seq ` +
      `FROM read_parquet(${quoteList(input.files)}) r ` +
      `LEFT JOIN (VALUES ${seq}) b(batch, seq) ON r._batch = b.batch`,
  );
}
