import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { readCareDb } from './reader.ts';
import { Ingestor, type BatchReport } from '../ingest.ts';
import { batchIdOf, BatchWriter, stagedToParquet } from '../batch-writer.ts';
import { readerFor } from '../registry.ts';
import { Engine, quoteIdentifier, quoteLiteral } from '../../warehouse/engine.ts';
import { WarehouseLayout } from '../../warehouse/layout.ts';
import { generateHospital, type GenerateReport } from '../../synth/generate.ts';
import type { GroundTruthSummary, IdentifierSample } from '../../synth/ground-truth.ts';
import { TestWarehouse } from '../../../test/support/workspace.ts';

const SERVER = 'postgres://postgres@127.0.0.1:5432';

interface TruthLine {
  table: string;
  key: Record<string, number>;
  field: string | null;
  raw: string;
  outcome: 'repair' | 'warning' | 'quarantine' | 'duplicate';
  code: string;
  expected: Record<string, unknown>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The seeded synthetic hospital, its care database in PGlite (the default) or in PostgreSQL. */
function generate(out: string, pg?: string): Promise<GenerateReport> {
  return generateHospital({ out, pg, seed: 1, patients: 300, fromYear: 2015, toYear: 2021, dirt: 0.02 });
}

describe('care-db reader', () => {
  const wh = new TestWarehouse();
  const database = `entrepot_caredb_test_${randomBytes(6).toString('hex')}`;
  const pgUrl = `${SERVER}/${database}`;
  const pgOut = join(wh.dir, 'generated-pg');
  const liteOut = join(wh.dir, 'generated-pglite');
  // The inputs as the generator's manifest names them, as `entrepot init --from-synth` takes them.
  let serverUrl: string;
  let liteUrl: string;
  let fromServer: BatchReport;
  let fromPglite: BatchReport;
  const pgliteLayout = new WarehouseLayout(join(wh.dir, 'warehouse-pglite'));

  before(async () => {
    await admin((c) => c.query(`CREATE DATABASE ${quoteIdentifier(database)}`));
    serverUrl = (await generate(pgOut, pgUrl)).manifest.sources['care-db'].url!;
    liteUrl = (await generate(liteOut)).manifest.sources['care-db'].url!;
    fromServer = await wh.ingestor.ingest('care-db', { kind: 'postgres', url: serverUrl });
    fromPglite = await new Ingestor(pgliteLayout, wh.pseudonymiser).ingest('care-db', { kind: 'postgres', url: liteUrl });
  });

  after(async () => {
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`));
    wh.remove();
  });

  it('loads the same rows, pseudonyms, counts and issues from PostgreSQL (big tables typed in SQL) as from PGlite (row by row)', async () => {
    assert.equal(fromPglite.status, 'loaded');
    assert.deepEqual(fromPglite.tables, fromServer.tables);
    for (const spec of readerFor('care-db').tables) {
      const server = await parquetRows(join(wh.layout.root, wh.layout.tableBatch(spec.zone, 'care-db', spec.name, fromServer.batchId)));
      const lite = await parquetRows(join(pgliteLayout.root, pgliteLayout.tableBatch(spec.zone, 'care-db', spec.name, fromPglite.batchId)));
      assert.deepEqual(lite, server, spec.name);
    }
    const issues = (layout: WarehouseLayout, batch: string) =>
      parquetRows(join(layout.root, layout.quarantineBatch('care-db', batch)), 'issues.parquet', 'table_name, line, field, code');
    const serverIssues = await issues(wh.layout, fromServer.batchId);
    assert.ok(serverIssues.length > 0);
    assert.deepEqual(await issues(pgliteLayout, fromPglite.batchId), serverIssues);
  });

  it('reads in pages without losing or repeating a row, keys repeated across a page boundary included', async () => {
    // Pages of 11 rows end inside runs of the same key in Prescription and Adher, which have no primary key.
    const batches = new Set<string>();
    for (const url of [serverUrl, liteUrl]) {
      const writer = new BatchWriter(join(wh.dir, `pages-${batches.size}`), readerFor('care-db'));
      await readCareDb(url, writer, { pseudonymiser: wh.pseudonymiser, fileLabel: 'pages' }, { pageRows: 11 });
      batches.add(batchIdOf([writer.close()]));
    }
    // The batch id hashes every staged row, line numbers and issues included.
    assert.deepEqual([...batches], [fromPglite.batchId]);
  });

  it('types in SQL only what the row mapper takes as it stands: edge values load and warn as row by row', async () => {
    // The big tables with text columns, so that any spelling reaches the reader, and values at the
    // edges of what sql/plain-values.sql calls plain, each in a row of its own.
    await withClient(pgUrl, async (c) => {
      await c.query('CREATE SCHEMA edges');
      for (const table of ['Specialites', 'Professionnel_de_sante', 'Diagnostic', 'Patient', 'Mutuelle', 'Medicaments']) {
        await c.query(`CREATE TABLE edges.${quoteIdentifier(table)} AS TABLE public.${quoteIdentifier(table)}`);
      }
      const asText = (table: string, columns: string[]) => c.query(
        `CREATE TABLE edges.${quoteIdentifier(table)} AS SELECT ${columns.map((col) => `${quoteIdentifier(col)}::text AS ${quoteIdentifier(col)}`).join(', ')} ` +
          `FROM public.${quoteIdentifier(table)}`,
      );
      await asText('Consultation', ['Num_consultation', 'Id_mut', 'Id_patient', 'Id_prof_sante', 'Code_diag', 'Motif', 'Date', 'Heure_debut', 'Heure_fin']);
      await asText('Adher', ['Id_patient', 'Id_mut']);
      await asText('Prescription', ['Num_consultation', 'Code_CIS']);
      const edges: [string, string | null][] = [
        ['Num_consultation', '000000000000012'], ['Num_consultation', '1234567890123456'], ['Num_consultation', ' 12'], ['Num_consultation', '-3'],
        ['Num_consultation', null],
        ['Id_patient', '007'], ['Id_patient', '7.0'], ['Id_patient', ''], ['Id_patient', '999999999999999'], ['Id_patient', '1234567890123456'],
        ['Id_prof_sante', ' 10001 '], ['Id_prof_sante', '10001\u00a0'], ['Id_prof_sante', '\ufeff10001'], ['Id_prof_sante', 'A B'],
        ['Id_prof_sante', 'a,"b"'], ['Id_prof_sante', ''],
        ['Id_mut', '2147483647'], ['Id_mut', '000000012'], ['Id_mut', '+5'],
        ['Code_diag', 'J45.0'], ['Code_diag', 'J450'], ['Code_diag', 'j45.0'], ['Code_diag', 'J45.'], ['Code_diag', 'J45.01234'], ['Code_diag', 'J4'],
        ['Code_diag', 'Z00+'], ['Code_diag', 'J45.0\n'],
        ['Motif', 'Fièvre'], ['Motif', 'Fièvre\u2003'], ['Motif', '\tToux'], ['Motif', 'toux\ngrasse'], ['Motif', 'dit "urgent", revu'],
        ['Motif', '\\N'], ['Motif', '   '], ['Motif', ''],
        ['Date', '2019-02-29'], ['Date', '2020-02-29'], ['Date', '1799-12-31'], ['Date', '1800-01-01'], ['Date', '2200-12-31'], ['Date', '2201-01-01'],
        ['Date', '29/02/2020'], ['Date', '2020-2-3'], ['Date', '20200203'],
        ['Heure_debut', '23:59:59'], ['Heure_debut', '24:00:00'], ['Heure_debut', '08:30'], ['Heure_debut', '8h30'], ['Heure_debut', '08:30:00.5'],
        ['Heure_fin', '07:60:00'], ['Heure_fin', ''],
      ];
      for (const [index, [column, value]] of edges.entries()) {
        await c.query(
          `UPDATE edges."Consultation" SET ${quoteIdentifier(column)} = $1 WHERE ctid = ` +
            `(SELECT ctid FROM edges."Consultation" ORDER BY "Num_consultation"::bigint OFFSET $2 LIMIT 1)`,
          [value, 10 + index * 3],
        );
      }
      await c.query(`UPDATE edges."Adher" SET "Id_mut" = ' 4' WHERE ctid = (SELECT min(ctid) FROM edges."Adher")`);
      await c.query(`UPDATE edges."Prescription" SET "Code_CIS" = 'CIS ' WHERE ctid = (SELECT min(ctid) FROM edges."Prescription")`);
    });
    const edgesUrl = `${pgUrl}?schema=edges`;
    const typed = await stageAndRead(edgesUrl, 'typed', {});
    // Pages make the reader map every row itself.
    const rowByRow = await stageAndRead(edgesUrl, 'rows', { pageRows: 1000 });
    assert.ok(typed.typedRows > 0 && rowByRow.typedRows === 0);
    assert.ok(typed.issues.length >= 10, `${typed.issues.length} issues`);
    assert.deepEqual(typed.issues, rowByRow.issues);
    assert.deepEqual(typed.tables, rowByRow.tables);
  });

  /** One read of the care database into staged parts, turned into Parquet as a load does, read back. */
  async function stageAndRead(url: string, name: string, options: { pageRows?: number }) {
    const dir = join(wh.dir, `stage-${name}`);
    const reader = readerFor('care-db');
    const writer = new BatchWriter(join(dir, 'csv'), reader);
    const scratch = { dir: join(dir, 'scratch'), memoryLimit: '256MB' };
    await readCareDb(url, writer, { pseudonymiser: wh.pseudonymiser, fileLabel: name, scratch }, options);
    const part = writer.close();
    const layout = new WarehouseLayout(join(dir, 'warehouse'));
    const engine = await Engine.open();
    try {
      await stagedToParquet(engine, layout, layout.root, reader, [part], { id: 'edges', fileLabel: 'edges' }, new Map());
    } finally {
      engine.close();
    }
    const tables: Record<string, Record<string, unknown>[]> = {};
    for (const spec of reader.tables) tables[spec.name] = await parquetRows(join(layout.root, layout.tableBatch(spec.zone, 'care-db', spec.name, 'edges')));
    const issues = await parquetRows(join(layout.root, layout.quarantineBatch('care-db', 'edges')), 'issues.parquet', 'table_name, line, field, code');
    return { tables, issues, typedRows: Object.keys(part.typed).length };
  }

  it('repairs or reports every dirty value of the ground truth, and loses no row', async () => {
    const summary = JSON.parse(readFileSync(join(pgOut, 'ground-truth', 'summary.json'), 'utf8')) as GroundTruthSummary;
    const truth = readFileSync(join(pgOut, 'ground-truth', 'care-db.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as TruthLine);
    assert.ok(truth.length > 50, 'the generated database carries dirt');

    for (const spec of readerFor('care-db').tables.filter((t) => t.zone === 'raw')) {
      const counts = fromServer.tables[spec.name];
      const quarantined = truth.filter((t) => t.table === spec.name && t.outcome === 'quarantine').length;
      assert.equal(counts.read, summary.rows['care-db']![spec.name], `${spec.name} rows read`);
      assert.deepEqual([counts.loaded, counts.quarantined], [counts.read - quarantined, quarantined], spec.name);
      const duplicates = truth.filter((t) => t.table === spec.name && t.outcome === 'duplicate').length;
      assert.equal(counts.duplicates, duplicates, `${spec.name} duplicates`);
    }

    const patients = new Map((await wh.rows('care-db', 'patient')).map((r) => [r.patient_id, r]));
    const consultations = new Map((await wh.rows('care-db', 'consultation')).map((r) => [r.consultation_id, r]));
    // The generator houses 99.5 % of patients in a French commune, written as the COG names it.
    const housed = [...patients.values()].filter((p) => p.commune_code !== null).length;
    assert.ok(housed / patients.size >= 0.98, `${housed} of ${patients.size} patients have a commune`);
    const rowOf = (t: TruthLine) =>
      t.table === 'patient' ? patients.get(wh.pseudonymiser.pseudonym('patient', String(t.key.Id_patient)))
      : t.table === 'consultation' ? consultations.get(t.key.Num_consultation)
      : assert.fail(`no lookup for ground truth of table ${t.table}`);
    const issues = (await wh.issues('care-db')).map((i) => `${i.table_name}:${i.line}:${i.field}:${i.severity}:${i.code}`);
    const expectedIssues: string[] = [];
    for (const t of truth) {
      const row = rowOf(t);
      if (t.outcome === 'quarantine') {
        assert.equal(row, undefined, `${JSON.stringify(t.key)} is quarantined`);
        continue;
      }
      assert.ok(row, `${t.table} ${JSON.stringify(t.key)} is loaded`);
      if (t.outcome === 'duplicate') continue;
      for (const [column, value] of Object.entries(t.expected)) {
        assert.deepEqual(row[column], value, `${t.table} ${JSON.stringify(t.key)} ${t.field}="${t.raw}" → ${column}`);
      }
      if (t.outcome === 'warning') expectedIssues.push(`${t.table}:${row._line}:${t.field}:warning:${t.code}`);
    }
    // Clean values raise nothing: the quarantine holds exactly the expected warnings.
    assert.deepEqual(issues.sort(), expectedIssues.sort());
  });

  it('keeps names, phones, e-mails and NIR in the vault only', async () => {
    const sample = JSON.parse(readFileSync(join(pgOut, 'ground-truth', 'identifiers.json'), 'utf8')) as IdentifierSample;
    const identifiers = [...sample.surnames, ...sample.phones, ...sample.emails, ...sample.nirs];
    assert.ok(sample.surnames.length > 10 && sample.nirs.length > 10);
    const outside = await varcharValues([join(wh.layout.root, 'raw', 'care-db'), join(wh.layout.root, 'quarantine', 'care-db')]);
    const vault = await varcharValues([join(wh.layout.root, 'vault', 'care-db')]);
    const found = (values: Set<string>) => identifiers.filter((id) => [...values].some((v) => v.toUpperCase().includes(id.toUpperCase())));
    assert.deepEqual(found(outside), []);
    // The search can find them: every one is in the vault.
    assert.deepEqual(found(vault), identifiers);
  });

  it('reads absent optional tables as empty, and names a missing table', async () => {
    await withClient(pgUrl, async (c) => {
      await c.query('CREATE SCHEMA bare');
      for (const table of ['Specialites', 'Professionnel_de_sante', 'Diagnostic', 'Patient', 'Consultation']) {
        await c.query(`CREATE TABLE bare.${quoteIdentifier(table)} AS TABLE public.${quoteIdentifier(table)}`);
      }
    });
    const bare = await wh.ingestor.ingest('care-db', { kind: 'postgres', url: `${pgUrl}?schema=bare` });
    assert.deepEqual(
      ['mutuelle', 'adhesion', 'prescription', 'medicament'].map((t) => bare.tables[t].read),
      [0, 0, 0, 0],
    );
    assert.equal(bare.tables.consultation.read, fromServer.tables.consultation.read);
    await withClient(pgUrl, (c) => c.query('DROP TABLE bare."Consultation"'));
    await assert.rejects(
      wh.ingestor.ingest('care-db', { kind: 'postgres', url: `${pgUrl}?schema=bare` }),
      { name: 'UserError', message: 'the care database has no table "Consultation" in schema "bare"' },
    );
  });

  it('names the server without its password when it refuses the connection', async () => {
    const refused = wh.ingestor.ingest('care-db', { kind: 'postgres', url: 'postgres://reader:s3cret@127.0.0.1:1/care' });
    await assert.rejects(refused, (error: Error) => {
      assert.equal(error.name, 'UserError');
      assert.match(error.message, /^cannot connect to the care database postgres:\/\/reader:\*\*\*@127\.0\.0\.1:1\/care: .*ECONNREFUSED/);
      assert.doesNotMatch(error.message, /s3cret/);
      return true;
    });
  });

  it('refuses a directory that holds no PGlite database rather than creating one', async () => {
    const empty = join(wh.dir, 'no-database');
    await assert.rejects(
      wh.ingestor.ingest('care-db', { kind: 'postgres', url: `pglite:${empty}` }),
      { name: 'UserError', message: `no PGlite database in ${empty} (pglite:${empty})` },
    );
    assert.deepEqual(readdirSync(wh.dir).includes('no-database'), false);
  });
});

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Rows of one batch directory without the columns that name the input (a URL differs between
 * engines) or the batch (its id hashes how the rows were staged).
 */
async function parquetRows(batchDir: string, file = 'part-0.parquet', order = '_line'): Promise<Record<string, unknown>[]> {
  const engine = await Engine.open();
  const input = file === 'issues.parquet' ? 'file' : '_file';
  try {
    return await engine.all(
      `SELECT * EXCLUDE (${input}, _batch) FROM read_parquet(${quoteLiteral(join(batchDir, file))}, hive_partitioning = false) ORDER BY ${order}`,
    );
  } finally {
    engine.close();
  }
}

/** Every distinct text value of every Parquet file under the given directories. */
async function varcharValues(dirs: string[]): Promise<Set<string>> {
  const values = new Set<string>();
  const engine = await Engine.open();
  try {
    for (const dir of dirs) {
      for (const file of readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.parquet'))) {
        const source = `read_parquet(${quoteLiteral(join(dir, file))})`;
        const columns = await engine.all<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM ${source}`);
        for (const { column_name } of columns.filter((c) => c.column_type === 'VARCHAR')) {
          const rows = await engine.all<{ v: string }>(`SELECT DISTINCT ${quoteIdentifier(column_name)} AS v FROM ${source} WHERE v IS NOT NULL`);
          for (const { v } of rows) values.add(v);
        }
      }
    }
  } finally {
    engine.close();
  }
  return values;
}
