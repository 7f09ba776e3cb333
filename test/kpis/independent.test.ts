import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { AGE_BANDS, periodMonths, runKpi } from '../../src/analytics/run-kpi.ts';
import type { KpiResult } from '../../src/analytics/kpi-result.ts';
import type { RawParams } from '../../src/analytics/params.ts';
import { kpiCommand } from '../../src/cli/commands/kpi.ts';
import { writeConfig } from '../../src/config.ts';
import { Pseudonymiser } from '../../src/identity/pseudonymiser.ts';
import { Ingestor } from '../../src/sources/ingest.ts';
import type { SourceName } from '../../src/sources/types.ts';
import { generateHospital } from '../../src/synth/generate.ts';
import { refreshRawViews } from '../../src/warehouse/catalogue.ts';
import { buildWarehouse, openMarts, WarehouseLayout, type Engine } from '../../src/warehouse/index.ts';
import {
  Cog, patientBirthDate, readActivities, readDeaths, readEsatis, readFinessDepartements, readStays, readTruth, type TruthRecord,
} from './independent-sources.ts';
import { throwawayDatabase } from './star-schema.ts';

// Issue 3, "Done when": every KPI of the warehouse equals an independent count of the same
// definition (KPIS.md) made on the sources themselves. A seeded hospital is generated into a
// throwaway PostgreSQL database and files, loaded and built through the library, then each KPI's
// unmasked numerator, denominator and breakdown are compared with plain SQL on the care database
// tables ("Consultation", "Patient", …) and with the files parsed here (stays CSV, RPPS, death
// files, e-Satis, FINESS), dirt resolved by the generator's ground truth, never by our readers.
//
// Conventions the independent count shares with the warehouse, because KPIS.md leaves them open:
// - an RPPS place whose start date is unreadable (ground truth: warning, start_date null) is
//   taken as valid since ever (core_activite does the same);
// - a consultation whose patient or professional is not in the care database still counts, under
//   its own (unknown) patient or professional.

type Cells = Record<string, [number | null, number | null]>;

interface Expected {
  numerator: number;
  denominator: number | null;
  cells: Cells;
  notes?: Record<string, number>;
}

function observed(result: KpiResult): Expected {
  return {
    numerator: result.numerator!,
    denominator: result.denominator,
    cells: Object.fromEntries(result.breakdown.map((c) => [c.key, [c.numerator, c.denominator]])),
    ...(Object.keys(result.notes).length ? { notes: result.notes as Record<string, number> } : {}),
  };
}

/** Cells 0 of 0 say nothing; the warehouse lists every month and band, the count only what it saw. */
function withoutEmptyCells(e: Expected): Expected {
  return { ...e, cells: Object.fromEntries(Object.entries(e.cells).filter(([, [n, d]]) => !(n === 0 && (d === 0 || d === null)))) };
}

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

// CIM-10 chapters by block range (KPIS.md: a code's chapter follows from its letter and number).
const CHAPTERS: [string, string, string][] = [
  ['A00', 'B99', 'I'], ['C00', 'D48', 'II'], ['D50', 'D89', 'III'], ['E00', 'E90', 'IV'], ['F00', 'F99', 'V'], ['G00', 'G99', 'VI'],
  ['H00', 'H59', 'VII'], ['H60', 'H95', 'VIII'], ['I00', 'I99', 'IX'], ['J00', 'J99', 'X'], ['K00', 'K93', 'XI'], ['L00', 'L99', 'XII'],
  ['M00', 'M99', 'XIII'], ['N00', 'N99', 'XIV'], ['O00', 'O99', 'XV'], ['P00', 'P96', 'XVI'], ['Q00', 'Q99', 'XVII'], ['R00', 'R99', 'XVIII'],
  ['S00', 'T98', 'XIX'], ['V01', 'Y98', 'XX'], ['Z00', 'Z99', 'XXI'], ['U00', 'U99', 'XXII'],
];
function chapterOf(code: string | null): string {
  if (!code) return 'unknown';
  const block = code.slice(0, 3);
  return CHAPTERS.find(([first, last]) => block >= first && block <= last)?.[2] ?? 'unknown';
}

describe('KPIs against an independent count on a generated hospital (issue 3)', { timeout: 600_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'entrepot-kpi-independent-'));
  const out = join(dir, 'synth');
  const layout = new WarehouseLayout(join(dir, 'warehouse'));
  const pseudonymiser = new Pseudonymiser(randomBytes(32));
  let database: Awaited<ReturnType<typeof throwawayDatabase>>;
  let care: pg.Client;
  let marts: Engine;
  const cog = new Cog();
  let deaths: ReturnType<typeof readDeaths>;
  let esatis: ReturnType<typeof readEsatis>;
  let finessDepartement: Map<string, string>;

  const kpi = (id: string, params: RawParams) => runKpi(marts, id, params, { unmasked: true });
  const sql = async (text: string, params: unknown[] = []) => (await care.query(text, params)).rows as Record<string, unknown>[];

  before(async () => {
    database = await throwawayDatabase('entrepot_kpi_independent');
    const report = await generateHospital({ seed: 1, patients: 300, out, pg: database.url, dirt: 0.02, fromYear: 2015, toYear: 2024 });
    const ingestor = new Ingestor(layout, pseudonymiser);
    for (const [source, m] of Object.entries(report.manifest.sources)) {
      if (m.url) await ingestor.ingest(source as SourceName, { kind: 'postgres', url: m.url });
      for (const path of m.files ?? []) await ingestor.ingest(source as SourceName, { kind: 'file', path });
    }
    await refreshRawViews(layout);
    await buildWarehouse({ layout, pseudonymiser, config: { baseDir: dir, warehouse: layout.root, keyFile: '', sources: {} } });
    marts = await openMarts(layout);

    care = new pg.Client(database.url);
    await care.connect();
    await loadIndependentTables();
    deaths = readDeaths(out, readTruth(out, 'deces'));
    esatis = readEsatis(out);
    finessDepartement = readFinessDepartements(out, readTruth(out, 'finess'));
  });

  after(async () => {
    marts?.close();
    await care?.end();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The file sources and the ground truth's decisions, as tables beside the care database. */
  async function loadIndependentTables(): Promise<void> {
    const careTruth = readTruth(out, 'care-db');
    await sql('CREATE SCHEMA independent');
    await sql('CREATE TABLE independent.duplicate_consultation (num integer)');
    const duplicates = careTruth.filter((t) => t.table === 'consultation' && t.outcome === 'duplicate').map((t) => Number(t.key!.Num_consultation));
    await sql('INSERT INTO independent.duplicate_consultation SELECT unnest($1::integer[])', [duplicates]);

    // Patients: sex and birth date as the ground truth says the raw values must be read.
    const fix = (field: string) => new Map<number, TruthRecord>(careTruth.filter((t) => t.table === 'patient' && t.field === field).map((t) => [Number(t.key!.Id_patient), t]));
    const [sexFix, dateFix] = [fix('Sexe'), fix('Date')];
    const patients = await sql('SELECT "Id_patient" AS id, "Sexe" AS sex, "Date" AS birth FROM public."Patient"');
    const ids: number[] = [], sexes: (string | null)[] = [], births: (string | null)[] = [];
    for (const p of patients) {
      const id = Number(p.id);
      const sexTruth = sexFix.get(id);
      const sex = sexTruth ? (sexTruth.expected.sex as string | null) : String(p.sex);
      assert.ok(sex === null || sex === 'M' || sex === 'F', `patient ${id}: sex "${p.sex}" has no ground truth`);
      const dateTruth = dateFix.get(id);
      const birth = dateTruth?.outcome === 'warning' ? null : patientBirthDate(String(p.birth));
      assert.ok(birth !== null || dateTruth?.outcome === 'warning', `patient ${id}: birth date "${p.birth}" unreadable`);
      ids.push(id);
      sexes.push(sex);
      births.push(birth);
    }
    await sql('CREATE TABLE independent.patient (id_patient integer, sex text, birth date)');
    await sql('INSERT INTO independent.patient SELECT * FROM unnest($1::integer[], $2::text[], $3::date[])', [ids, sexes, births]);

    const stays = readStays(out, readTruth(out, 'sejours'));
    await sql('CREATE TABLE independent.stay (stay_id bigint, id_patient integer, finess text, code text, admission date)');
    await sql('INSERT INTO independent.stay SELECT * FROM unnest($1::bigint[], $2::integer[], $3::text[], $4::text[], $5::date[])', [
      stays.map((s) => s.stayId), stays.map((s) => s.patient), stays.map((s) => s.finess), stays.map((s) => s.code), stays.map((s) => s.admission),
    ]);

    const activities = readActivities(out, readTruth(out, 'rpps'));
    await sql('CREATE TABLE independent.activity (professional text, finess_site text, start_date date, end_date date)');
    await sql('INSERT INTO independent.activity SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::date[])', [
      activities.map((a) => a.professional), activities.map((a) => a.finessSite), activities.map((a) => a.start), activities.map((a) => a.end),
    ]);

    // Consultations once each: the double entries the ground truth lists are left out.
    await sql(`CREATE VIEW independent.consultation AS
      SELECT c."Num_consultation" AS num, c."Id_patient" AS id_patient, c."Id_prof_sante" AS professional,
             upper(replace(trim(c."Code_diag"), '.', '')) AS code, c."Date" AS day
      FROM public."Consultation" c
      WHERE c."Num_consultation" NOT IN (SELECT num FROM independent.duplicate_consultation)`);
  }

  function period(p: { year?: number; from?: string; to?: string }): [string, string] {
    return p.year ? [`${p.year}-01-01`, `${p.year}-12-31`] : [p.from!, p.to!];
  }

  function months(from: string, to: string, rows: Record<string, unknown>[], n: string, d: string): Cells {
    const found = new Map(rows.map((r) => [String(r.month), r]));
    return Object.fromEntries(periodMonths(from, to).map(({ key }) => [key, [num(found.get(key)?.[n]), num(found.get(key)?.[d])]]));
  }

  const PERIODS = [{ year: 2019 }, { year: 2020 }, { year: 2021 }, { from: '2020-02-01', to: '2020-03-31' }, { from: '2019-07-01', to: '2020-06-30' }];

  it('ground truth first: the generator wrote what the count below expects', async () => {
    const codes = readTruth(out, 'care-db').filter((t) => t.field === 'Code_diag' && t.code === 'code-format');
    assert.ok(codes.length > 0);
    for (const t of codes) assert.equal(t.raw.trim().toUpperCase().replace(/\./g, ''), t.expected.diagnosis_code, t.raw);
    const [{ n }] = await sql('SELECT count(*) AS n FROM independent.consultation');
    assert.ok(Number(n) > 1000, 'a hospital with consultations to count');
  });

  it('K1: consultations of an establishment, by month, PLUSIEURS and AUCUN, as the RPPS places say', async () => {
    // Attribution by KPIS.md: the distinct FINESS sites of the professional's places valid on the day.
    const attributed = `
      WITH c AS (SELECT * FROM independent.consultation WHERE day BETWEEN $1::date AND $2::date),
      sites AS (
        SELECT c.num, c.day, count(DISTINCT a.finess_site) AS n, min(a.finess_site) AS site
        FROM c LEFT JOIN independent.activity a
          ON a.professional = c.professional AND a.finess_site IS NOT NULL
         AND coalesce(a.start_date, '-infinity'::date) <= c.day AND (a.end_date IS NULL OR a.end_date >= c.day)
        GROUP BY c.num, c.day
      )`;
    const top = await sql(`${attributed} SELECT site FROM sites WHERE n = 1 GROUP BY site ORDER BY count(*) DESC, site LIMIT 3`, ['2015-01-01', '2024-12-31']);
    assert.equal(top.length, 3);
    for (const { site } of top) {
      for (const p of PERIODS) {
        const [from, to] = period(p);
        const rows = await sql(`${attributed}
          SELECT to_char(day, 'YYYY-MM') AS month,
                 count(*) FILTER (WHERE n = 1 AND site = $3) AS numerator, count(*) AS denominator,
                 count(*) FILTER (WHERE n > 1) AS plusieurs, count(*) FILTER (WHERE n = 0) AS aucun
          FROM sites GROUP BY ROLLUP (to_char(day, 'YYYY-MM'))`, [from, to, site]);
        const total = rows.find((r) => r.month === null)!;
        const expected: Expected = {
          numerator: num(total.numerator),
          denominator: num(total.denominator),
          cells: months(from, to, rows.filter((r) => r.month !== null), 'numerator', 'denominator'),
          notes: { PLUSIEURS: num(total.plusieurs), AUCUN: num(total.aucun) },
        };
        assert.deepEqual(observed(await kpi('K1', { establishment: String(site), ...p })), expected, `K1 ${site} ${JSON.stringify(p)}`);
      }
    }
  });

  it('K2: consultations whose code starts with the prefix, by code, or by chapter without one', async () => {
    for (const diagnosis of ['', 'J', 'J4', 'E11', 'I10', 'Z', 'F32.9', 'U99']) {
      const prefix = diagnosis.toUpperCase().replace('.', '');
      for (const p of PERIODS) {
        const [from, to] = period(p);
        const rows = await sql(`SELECT code, count(*) AS n FROM independent.consultation WHERE day BETWEEN $1::date AND $2::date GROUP BY code`, [from, to]);
        const denominator = rows.reduce((s, r) => s + num(r.n), 0);
        const cells: Cells = {};
        let numerator = 0;
        for (const r of rows) {
          const code = r.code === null ? null : String(r.code);
          if (prefix && !(code ?? '').startsWith(prefix)) continue;
          const key = prefix ? code! : chapterOf(code);
          cells[key] = [num(cells[key]?.[0]) + num(r.n), denominator];
          numerator += num(r.n);
        }
        assert.deepEqual(observed(await kpi('K2', { diagnosis, ...p })), { numerator, denominator, cells }, `K2 "${diagnosis}" ${JSON.stringify(p)}`);
      }
    }
  });

  it('K3: distinct hospitalised patients over the active file, by month', async () => {
    // The two long periods reach past the 63 months of K3's head mask, one from the middle of a month.
    for (const p of [...PERIODS, { from: '2015-01-01', to: '2024-12-31' }, { from: '2015-03-15', to: '2024-11-30' }]) {
      const [from, to] = period(p);
      const rows = await sql(`
        WITH events AS (
          SELECT id_patient, day, 0 AS is_stay FROM independent.consultation WHERE day BETWEEN $1::date AND $2::date
          UNION ALL
          SELECT id_patient, admission, 1 FROM independent.stay WHERE admission BETWEEN $1::date AND $2::date
        )
        SELECT to_char(day, 'YYYY-MM') AS month,
               count(DISTINCT id_patient) FILTER (WHERE is_stay = 1) AS numerator, count(DISTINCT id_patient) AS denominator
        FROM events GROUP BY ROLLUP (to_char(day, 'YYYY-MM'))`, [from, to]);
      const total = rows.find((r) => r.month === null);
      const expected: Expected = {
        numerator: num(total?.numerator),
        denominator: num(total?.denominator),
        cells: months(from, to, rows.filter((r) => r.month !== null), 'numerator', 'denominator'),
      };
      assert.deepEqual(observed(await kpi('K3', p)), expected, `K3 ${JSON.stringify(p)}`);
    }
  });

  it('K4: stays whose code starts with the prefix, by code, or by chapter without one', async () => {
    for (const diagnosis of ['', 'J', 'C', 'I2', 'S06', 'U999']) {
      const prefix = diagnosis.toUpperCase();
      for (const p of [...PERIODS, { from: '2015-01-01', to: '2024-12-31' }]) {
        const [from, to] = period(p);
        const rows = await sql(`SELECT code, count(*) AS n FROM independent.stay WHERE admission BETWEEN $1::date AND $2::date GROUP BY code`, [from, to]);
        const denominator = rows.reduce((s, r) => s + num(r.n), 0);
        const cells: Cells = {};
        let numerator = 0;
        for (const r of rows) {
          const code = String(r.code);
          if (!code.startsWith(prefix)) continue;
          const key = prefix ? code : chapterOf(code);
          cells[key] = [num(cells[key]?.[0]) + num(r.n), denominator];
          numerator += num(r.n);
        }
        assert.deepEqual(observed(await kpi('K4', { diagnosis, ...p })), { numerator, denominator, cells }, `K4 "${diagnosis}" ${JSON.stringify(p)}`);
      }
    }
  });

  it('K5: by sex and by age band at the date of each event', async () => {
    for (const p of [...PERIODS, { from: '2015-01-01', to: '2024-12-31' }]) {
      const [from, to] = period(p);
      const rows = await sql(`
        WITH events AS (
          SELECT id_patient, day, 0 AS is_stay FROM independent.consultation WHERE day BETWEEN $1::date AND $2::date
          UNION ALL
          SELECT id_patient, admission, 1 FROM independent.stay WHERE admission BETWEEN $1::date AND $2::date
        ),
        aged AS (
          SELECT e.id_patient, e.is_stay, coalesce(p.sex, 'unknown') AS sex,
                 CASE WHEN p.birth IS NULL THEN NULL
                      ELSE extract(year FROM e.day)::int - extract(year FROM p.birth)::int
                           - CASE WHEN (extract(month FROM e.day), extract(day FROM e.day)) < (extract(month FROM p.birth), extract(day FROM p.birth)) THEN 1 ELSE 0 END
                 END AS age
          FROM events e LEFT JOIN independent.patient p ON p.id_patient = e.id_patient
        ),
        banded AS (
          SELECT id_patient, is_stay, sex,
                 CASE WHEN age IS NULL OR age < 0 THEN 'unknown' WHEN age < 5 THEN '0-4' WHEN age < 15 THEN '5-14' WHEN age < 25 THEN '15-24'
                      WHEN age < 35 THEN '25-34' WHEN age < 45 THEN '35-44' WHEN age < 55 THEN '45-54' WHEN age < 65 THEN '55-64'
                      WHEN age < 75 THEN '65-74' WHEN age < 85 THEN '75-84' ELSE '85+' END AS band
          FROM aged
        )
        SELECT grouping(sex) AS all_sexes, grouping(band) AS all_bands, sex, band,
               count(DISTINCT id_patient) FILTER (WHERE is_stay = 1) AS numerator, count(DISTINCT id_patient) AS denominator
        FROM banded GROUP BY GROUPING SETS ((sex, band), (sex), (band), ())`, [from, to]);
      const cells: Cells = {};
      let total: Record<string, unknown> | undefined;
      for (const r of rows) {
        const sex = r.all_sexes ? '*' : String(r.sex);
        const band = r.all_bands ? '*' : String(r.band);
        if (sex === '*' && band === '*') total = r;
        else cells[`${sex}:${band}`] = [num(r.numerator), num(r.denominator)];
      }
      assert.ok(AGE_BANDS.length === 10);
      const expected = withoutEmptyCells({ numerator: num(total?.numerator), denominator: num(total?.denominator), cells });
      assert.deepEqual(withoutEmptyCells(observed(await kpi('K5', p))), expected, `K5 ${JSON.stringify(p)}`);
    }
  });

  it('K6: consultations by professional and by specialty', async () => {
    const [{ code: topSpecialty }] = await sql(`SELECT s."Code_specialite" AS code FROM independent.consultation c
      JOIN public."Professionnel_de_sante" s ON s."Identifiant" = c.professional GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
    const [{ professional: topProfessional }] = await sql(`SELECT professional FROM independent.consultation GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
    const filters: RawParams[] = [{}, { specialty: String(topSpecialty) }, { professional: pseudonymiser.pseudonym('professional', String(topProfessional)) }];
    for (const filter of filters) {
      for (const p of PERIODS) {
        const [from, to] = period(p);
        const rows = await sql(`
          SELECT c.professional, s."Code_specialite" AS specialty, count(*) AS n
          FROM independent.consultation c LEFT JOIN public."Professionnel_de_sante" s ON s."Identifiant" = c.professional
          WHERE c.day BETWEEN $1::date AND $2::date GROUP BY 1, 2`, [from, to]);
        const denominator = rows.reduce((s, r) => s + num(r.n), 0);
        const cells: Cells = {};
        let numerator = 0;
        for (const r of rows) {
          const professional = pseudonymiser.pseudonym('professional', String(r.professional));
          const specialty = r.specialty === null ? 'unknown' : String(r.specialty);
          if (filter.specialty && specialty !== filter.specialty) continue;
          if (filter.professional && professional !== filter.professional) continue;
          cells[`specialty:${specialty}`] = [num(cells[`specialty:${specialty}`]?.[0]) + num(r.n), denominator];
          cells[`professional:${professional}`] = [num(cells[`professional:${professional}`]?.[0]) + num(r.n), denominator];
          numerator += num(r.n);
        }
        assert.deepEqual(observed(await kpi('K6', { ...filter, ...p })), { numerator, denominator, cells }, `K6 ${JSON.stringify(filter)} ${JSON.stringify(p)}`);
      }
    }
  });

  it('K7: deaths of the year by region of the death commune, abroad and unknown apart, per 100,000', async () => {
    for (const year of [2019, 2020, 2021]) {
      const cells: Cells = {};
      for (const [code, r] of cog.regions) cells[code] = [0, r.population];
      cells.abroad = [0, null];
      cells.unknown = [0, null];
      let numerator = 0;
      for (const d of deaths.filter((d) => d.deathYear === year)) {
        const place = cog.place(d.place);
        const key = place.kind === 'commune' ? place.region : place.kind;
        cells[key] = [num(cells[key][0]) + 1, cells[key][1]];
        numerator += 1;
      }
      const population = [...cog.regions.values()].reduce((s, r) => s + (r.population ?? 0), 0);
      const result = await kpi('K7', { year });
      assert.deepEqual(observed(result), { numerator, denominator: population, cells }, `K7 ${year}`);
      assert.ok(numerator > 50, `K7 ${year}: deaths to count`);

      // Drill-down into the region with most deaths, and Corsica (2A/2B).
      const busiest = Object.entries(cells).filter(([k]) => cog.regions.has(k)).sort((a, b) => num(b[1][0]) - num(a[1][0]))[0][0];
      for (const region of new Set([busiest, '94'])) {
        const sub: Cells = {};
        for (const [code, dep] of cog.departements) if (dep.region === region) sub[code] = [0, dep.population];
        let inRegion = 0;
        for (const d of deaths.filter((d) => d.deathYear === year)) {
          const place = cog.place(d.place);
          if (place.kind !== 'commune' || place.region !== region) continue;
          sub[place.departement] = [num(sub[place.departement][0]) + 1, sub[place.departement][1]];
          inRegion += 1;
        }
        assert.deepEqual(observed(await kpi('K7', { year, region })), { numerator: inRegion, denominator: cog.regions.get(region)!.population, cells: sub }, `K7 ${year} region ${region}`);
      }
    }
  });

  it('K8: respondent-weighted e-Satis score by region, DI/NV/NR excluded and counted', async () => {
    const regionOf = (row: (typeof esatis)[number]) => {
      const departement = finessDepartement.get(row.finessGeo);
      return (departement && cog.departements.get(departement)?.region) ?? cog.regionOfLabel(row.regionLabel);
    };
    for (const [year, survey] of [[2017, '48h-mco'], [2019, '48h-mco'], [2020, '48h-mco'], [2020, 'ca']] as const) {
      const rows = esatis.filter((r) => r.year === year && r.survey === survey);
      assert.ok(rows.length > 100, `${survey} ${year}: results to count`);
      const validated = (r: (typeof rows)[number]) => r.score !== null && ['A', 'B', 'C', 'D'].includes(r.klass);
      const aggregate = (subset: typeof rows) => {
        const kept = subset.filter(validated);
        const respondents = kept.reduce((s, r) => s + (r.respondents ?? 0), 0);
        const weighted = kept.reduce((s, r) => s + (r.score ?? 0) * (r.respondents ?? 0), 0);
        return { respondents, establishments: kept.length, mean: respondents ? Math.round((weighted / respondents) * 10) / 10 : null };
      };
      const all = aggregate(rows);
      const cells: Cells = {};
      const means: Record<string, number | null> = {};
      for (const region of new Set(rows.map((r) => regionOf(r) ?? 'unknown'))) {
        const a = aggregate(rows.filter((r) => (regionOf(r) ?? 'unknown') === region));
        cells[region] = [a.respondents, a.establishments];
        means[region] = a.mean;
      }
      const excluded = rows.filter((r) => !validated(r));
      const notes = {
        excluded: excluded.length,
        excluded_DI: excluded.filter((r) => r.klass === 'DI').length,
        excluded_NV: excluded.filter((r) => r.klass === 'NV').length,
        excluded_NR: excluded.filter((r) => r.klass === 'NR').length,
      };
      const result = await kpi('K8', { year, survey });
      assert.deepEqual(observed(result), { numerator: all.respondents, denominator: all.establishments, cells, notes }, `K8 ${survey} ${year}`);
      assert.equal(result.rate, all.mean, `K8 ${survey} ${year} mean`);
      assert.deepEqual(Object.fromEntries(result.breakdown.map((c) => [c.key, c.rate])), means, `K8 ${survey} ${year} regional means`);

      const [region] = Object.entries(cells).filter(([k]) => k !== 'unknown').sort((a, b) => num(b[1][1]) - num(a[1][1]))[0];
      const inRegion = rows.filter((r) => regionOf(r) === region);
      const byEstablishment = Object.fromEntries(inRegion.filter(validated).map((r) => [r.finessGeo, [r.respondents, 1]])) as Cells;
      const drill = await kpi('K8', { year, survey, region });
      assert.deepEqual(observed(drill).cells, byEstablishment, `K8 ${survey} ${year} region ${region}`);
      assert.equal(drill.notes.excluded, inRegion.filter((r) => !validated(r)).length);
    }
  });

  it('masked results never show a count of 1–9, whatever the parameters', async () => {
    const [{ finess }] = await marts.all<{ finess: string }>(
      `SELECT finess FROM marts.fact_consultation WHERE finess NOT IN ('PLUSIEURS', 'AUCUN') GROUP BY finess ORDER BY count(*) DESC, finess LIMIT 1`,
    );
    const requests: [string, RawParams][] = [
      ['K1', { establishment: finess, year: 2020 }], ['K2', { year: 2020 }], ['K2', { diagnosis: 'J', year: 2021 }], ['K3', { year: 2020 }],
      ['K4', { year: 2020 }], ['K5', { year: 2020 }], ['K6', { year: 2020 }], ['K7', { year: 2020 }], ['K8', {}],
    ];
    for (const [id, params] of requests) {
      const r = await runKpi(marts, id, params);
      const counts = [r.numerator, ...r.breakdown.map((c) => c.numerator), ...Object.values(r.notes)];
      if (r.unit === 'percent') counts.push(r.denominator, ...r.breakdown.map((c) => c.denominator));
      for (const value of counts) assert.ok(value === null || value === 0 || value >= 10, `${id} ${JSON.stringify(params)} shows ${value}`);
    }
  });

  it('entrepot kpi reads the current build through openMarts, and prints what runKpi returns', async () => {
    const config = join(dir, 'entrepot.yaml');
    writeConfig(config, { warehouse: layout.root, keyFile: join(dir, 'unused.key'), sources: {} });
    const printed: string[] = [];
    const io = { out: (line: string) => printed.push(line), err: () => {}, interactive: false };
    const options = { args: ['K3'], config, year: '2020', format: 'json' as const };
    const result = await kpiCommand.run(options, io);
    kpiCommand.print!(result, io, options);
    assert.deepEqual(JSON.parse(printed.join('\n')), await runKpi(marts, 'K3', { year: 2020 }));
    assert.ok(readFileSync(config, 'utf8').includes('warehouse'));
  });
});
