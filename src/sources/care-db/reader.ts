import { describeTables } from './catalog.ts';
import { openCareDb } from './connection.ts';
import { copyTable } from './copy-pages.ts';
import { patientIdentityTable, professionalIdentityTable } from './layout.ts';
import { MAPPERS, type MapperOutput } from './mappers.ts';
import { PseudonymCache } from '../pseudonym-cache.ts';
import { SourceRow } from './source-row.ts';
import type { BatchSink, ReaderContext, SourceReader } from '../types.ts';
import { UserError } from '../../cli/command.ts';

const PROGRESS_EVERY = 8192;

export const careDbReader: SourceReader = {
  source: 'care-db',
  describe: 'hospital care database (PostgreSQL server or PGlite directory), read with COPY',
  mode: 'snapshot',
  tables: [...MAPPERS.map((m) => m.table), patientIdentityTable, professionalIdentityTable],
  async read(input, sink, ctx) {
    if (input.kind !== 'postgres') throw new UserError('the care-db source reads a database (--url postgres://… or pglite:<directory>)');
    await readCareDb(input.url, sink, ctx);
  },
};

/**
 * Reads every table of the care database in one read-only snapshot, so that consultations and
 * the patients they name come from the same moment of a live database. `pageRows` overrides
 * the rows per COPY (tests use small pages to cross page boundaries).
 */
export async function readCareDb(url: string, sink: BatchSink, ctx: ReaderContext, options: { pageRows?: number | null } = {}): Promise<void> {
  const db = await openCareDb(url, options);
  try {
    await db.client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const shapes = await describeTables(db.client, db.schema, MAPPERS.map((m) => m.source));
    const estimates = [...shapes.values()].map((s) => s.estimatedRows);
    const total = estimates.includes(null) ? undefined : estimates.reduce<number>((sum, n) => sum + n!, 0);
    const out: MapperOutput = {
      sink,
      pseudonymiser: ctx.pseudonymiser,
      patients: new PseudonymCache(ctx.pseudonymiser, 'patient'),
      professionals: new PseudonymCache(ctx.pseudonymiser, 'professional'),
    };
    let done = 0;
    for (const mapper of MAPPERS) {
      const shape = shapes.get(mapper.source.name);
      if (!shape) continue;
      const row = new SourceRow(mapper.source, mapper.table.name, sink);
      await copyTable(db.client, { schema: db.schema, table: mapper.source, collatable: shape.collatable }, db.pageRows, (fields) => {
        row.line += 1;
        row.fields = fields;
        sink.read(mapper.table.name);
        mapper.map(row, out);
        if (++done % PROGRESS_EVERY === 0) sink.progress(done, total);
      });
    }
    await db.client.query('COMMIT');
    sink.progress(done, done);
  } finally {
    await db.close();
  }
}
