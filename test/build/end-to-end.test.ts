// Scenario: a 300-patient synthetic hospital (seed 1), generated, configured and ingested through
// the CLI commands, then built and checked.
// Exercises: every model over real raw batches, Hive partitions, the consultation → establishment
// attribution and ages against an independent computation, duplicates against the generator's
// ground truth, the quality report, and that nothing of the identity vault reaches the build.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CliIo } from '../../src/cli/command.ts';
import { buildCommand } from '../../src/cli/commands/build.ts';
import { ingestCommand } from '../../src/cli/commands/ingest.ts';
import { initCommand } from '../../src/cli/commands/init.ts';
import { qualityCommand } from '../../src/cli/commands/quality.ts';
import { generateHospital } from '../../src/synth/generate.ts';
import { rawTableFiles } from '../../src/warehouse/catalogue.ts';
import { Engine, openMarts } from '../../src/warehouse/index.ts';
import type { BuildReport } from '../../src/warehouse/build.ts';
import { WarehouseLayout } from '../../src/warehouse/layout.ts';
import { loadModels } from '../../src/warehouse/models/runner.ts';

const silent: CliIo = { out() {}, err() {}, interactive: false };
const dir = mkdtempSync(join(tmpdir(), 'entrepot-build-e2e-'));
const synth = join(dir, 'synth');
const config = join(dir, 'entrepot.yaml');
const layout = new WarehouseLayout(join(dir, 'warehouse'));

interface Truth { table: string; outcome: string }
function groundTruth(source: string): Truth[] {
  return readFileSync(join(synth, 'ground-truth', `${source}.jsonl`), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Truth);
}
function rowsWritten(source: string, table: string): number {
  const summary = JSON.parse(readFileSync(join(synth, 'ground-truth', 'summary.json'), 'utf8')) as { rows: Record<string, Record<string, number>> };
  return summary.rows[source][table];
}
/** Rows the build must keep: written by the generator, less those it made to be refused or repeated. */
function expectedRows(source: string, table: string): number {
  const dropped = groundTruth(source).filter((t) => t.table === table && (t.outcome === 'quarantine' || t.outcome === 'duplicate'));
  return rowsWritten(source, table) - dropped.length;
}
function parquet(files: string[]): string {
  return `read_parquet([${files.map((f) => `'${f}'`).join(', ')}])`;
}
function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith('.parquet')).map((f) => join(root, f));
}

describe('entrepot build over a synthetic hospital', () => {
  let report: BuildReport;
  let marts: Engine;

  before(async () => {
    await generateHospital({ out: synth, seed: 1, patients: 300, fromYear: 2015, toYear: 2024, dirt: 0.02 });
    await initCommand.run({ dir, warehouse: 'warehouse', keyFile: 'secrets/entrepot.key', fromSynth: synth }, silent);
    await ingestCommand.run({ config, format: 'json' }, silent);
    report = await buildCommand.run({ config, format: 'json' }, silent);
    marts = await openMarts(layout);
  });
  after(() => {
    marts?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds every model and publishes the build', () => {
    assert.deepEqual(report.models.map((m) => m.model).sort(), loadModels().map((m) => m.name).sort());
    assert.ok(report.models.every((m) => m.rows > 0), 'no model is empty');
    assert.deepEqual(readdirSync(layout.builds), [report.buildId]);
  });

  it('keeps each consultation, stay and death once, as the ground truth counts them', async () => {
    const count = async (table: string) => (await marts.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`))!.n;
    assert.equal(await count('marts.fact_consultation'), expectedRows('care-db', 'consultation'));
    assert.equal(await count('marts.fact_hospitalisation'), expectedRows('sejours', 'sejour'));
    assert.equal(await count('marts.fact_deces'), expectedRows('deces', 'deces'));
  });

  it('partitions the facts by year, readable by a plain DuckDB', async () => {
    const root = join(report.dir, 'marts', 'fact_hospitalisation');
    const partitions = readdirSync(root).sort();
    assert.ok(partitions.length > 1 && partitions.every((p) => /^admission_year=\d{4}$/.test(p)), partitions.join(', '));
    const plain = await Engine.open();
    try {
      const rows = await plain.all<{ admission_year: number; n: number }>(
        `SELECT admission_year, count(*)::INTEGER AS n FROM read_parquet('${root}/**/*.parquet', hive_partitioning = true) GROUP BY 1`,
      );
      assert.equal(rows.reduce((s, r) => s + r.n, 0), expectedRows('sejours', 'sejour'));
    } finally {
      plain.close();
    }
  });

  it('attributes consultations to establishments as KPIS.md says, each once', async () => {
    const activity = await marts.all<{ professional_id: string; finess_site: string | null; start_date: Date | null; end_date: Date | null }>(
      `SELECT professional_id, finess_site, start_date, end_date FROM ${parquet(rawTableFiles(layout, 'rpps', 'activite'))}`,
    );
    const consultations = await marts.all<{ consultation_id: number; professional_id: string | null; consultation_date: Date; finess: string }>(
      'SELECT consultation_id, professional_id, consultation_date, finess FROM marts.fact_consultation',
    );
    const counts = { single: 0, several: 0, none: 0 };
    for (const c of consultations) {
      const day = c.consultation_date.getTime();
      const sites = new Set(
        activity
          .filter((a) => a.professional_id === c.professional_id && a.finess_site !== null)
          .filter((a) => (a.start_date === null || a.start_date.getTime() <= day) && (a.end_date === null || a.end_date.getTime() >= day))
          .map((a) => a.finess_site),
      );
      const expected = sites.size === 1 ? [...sites][0] : sites.size > 1 ? 'PLUSIEURS' : 'AUCUN';
      assert.equal(c.finess, expected, `consultation ${c.consultation_id}`);
      counts[sites.size === 1 ? 'single' : sites.size > 1 ? 'several' : 'none'] += 1;
    }
    assert.ok(counts.single > 0 && counts.none > 0, JSON.stringify(counts));
  });

  it('computes ages at the event from the exact birth date, in whole years', async () => {
    const vault = parquet(rawTableFiles(layout, 'care-db', 'patient_identity'));
    const rows = await marts.all<{ birth: Date; event: Date; age: number; age_band: string }>(
      `SELECT v.birth_date_parsed AS birth, f.admission_date AS event, f.age, f.age_band
       FROM marts.fact_hospitalisation f JOIN ${vault} v USING (patient_id) WHERE v.birth_date_parsed IS NOT NULL`,
    );
    assert.ok(rows.length > 0);
    for (const r of rows) {
      const b = r.birth, e = r.event;
      const age = e.getUTCFullYear() - b.getUTCFullYear() - (e.getUTCMonth() * 100 + e.getUTCDate() < b.getUTCMonth() * 100 + b.getUTCDate() ? 1 : 0);
      assert.equal(r.age, age);
      const band = age < 5 ? '0-4' : age >= 85 ? '85+' : `${Math.floor((age + 5) / 10) * 10 - 5}-${Math.floor((age + 5) / 10) * 10 + 4}`;
      assert.equal(r.age_band, band);
    }
  });

  it('maps deaths to régions as text codes, abroad and unknown apart', async () => {
    const rows = await marts.all<{ place_kind: string; region_code: string | null; n: number }>(
      'SELECT place_kind, region_code, count(*)::INTEGER AS n FROM marts.fact_deces GROUP BY ALL',
    );
    assert.ok(rows.every((r) => (r.place_kind === 'commune') === (r.region_code !== null)));
    assert.ok(rows.filter((r) => r.region_code).every((r) => /^\d{2,3}$/.test(r.region_code!)));
    const corsica = await marts.all<{ region_code: string }>("SELECT DISTINCT region_code FROM marts.fact_deces WHERE departement_code IN ('2A', '2B')");
    assert.ok(corsica.every((r) => r.region_code === '94'));
  });

  it('writes nothing of the identity vault into core or marts', async () => {
    const vaultFiles = rawTableFiles(layout, 'care-db', 'patient_identity');
    const vaultOnly = ['source_id', 'surname', 'first_names', 'birth_date', 'birth_date_parsed', 'address', 'city', 'postal_code', 'country', 'email', 'phone', 'nir'];
    const engine = await Engine.open();
    try {
      await engine.run(`CREATE TABLE vault AS SELECT * FROM ${parquet(vaultFiles)}`);
      // Surnames alone are left out: some are also place names (a département is called Savoie).
      await engine.run(`CREATE TABLE secrets AS SELECT DISTINCT s FROM (
        SELECT unnest([surname || ' ' || first_names, birth_date, strftime(birth_date_parsed, '%Y-%m-%d'), address, email, phone, nir]) AS s FROM vault
      ) WHERE s IS NOT NULL AND length(s) >= 6`);
      const files = filesUnder(report.dir);
      assert.ok(files.length > 20);
      for (const file of files) {
        const columns = await engine.all<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM read_parquet('${file}')`);
        const leaked = columns.filter((c) => vaultOnly.includes(c.column_name));
        assert.deepEqual(leaked, [], file);
        // Dates are compared per patient below: any date column meets some patient's birthday by chance.
        for (const c of columns.filter((c) => c.column_type === 'VARCHAR')) {
          const hits = await engine.one<{ n: number }>(
            `SELECT count(*)::INTEGER AS n FROM read_parquet('${file}') WHERE CAST("${c.column_name}" AS VARCHAR) IN (SELECT s FROM secrets)`,
          );
          assert.equal(hits!.n, 0, `${file}: ${c.column_name} holds vault values`);
        }
        if (columns.some((c) => c.column_name === 'patient_id')) {
          for (const c of columns.filter((c) => c.column_type === 'DATE')) {
            const share = await engine.one<{ matched: number; total: number }>(
              `SELECT count(*) FILTER (WHERE f."${c.column_name}" = v.birth_date_parsed)::INTEGER AS matched, count(*)::INTEGER AS total
               FROM read_parquet('${file}') f JOIN vault v USING (patient_id)`,
            );
            assert.ok(share!.matched <= share!.total / 10, `${file}: ${c.column_name} looks like birth dates`);
          }
        }
      }
    } finally {
      engine.close();
    }
  });

  it('reports quality checks with counts and the quarantine of every source', async () => {
    const quality = await qualityCommand.run({ config, format: 'json' }, silent);
    assert.equal(quality.buildId, report.buildId);
    assert.deepEqual(quality.checks.filter((c) => c.error), []);
    assert.ok(quality.checks.every((c) => c.violated !== null && c.denominator !== null && c.violated <= c.denominator));
    const stays = quality.quarantine.find((q) => q.source === 'sejours' && q.table === 'sejour')!;
    assert.equal(stays.quarantined, groundTruth('sejours').filter((t) => t.outcome === 'quarantine').length);
    assert.deepEqual([...new Set(quality.quarantine.map((q) => q.source))].sort(), ['care-db', 'deces', 'esatis', 'finess', 'rpps', 'sejours']);
  });
});
