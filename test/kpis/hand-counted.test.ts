import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KpiParamError, type RawParams } from '../../src/analytics/params.ts';
import { runKpi } from '../../src/analytics/run-kpi.ts';
import type { KpiResult } from '../../src/analytics/kpi-result.ts';
import { PRO_A, PRO_B, PRO_C, PRO_D, PRO_E, ROWS } from './hand-counted.fixture.ts';
import { STAR_ENGINES, type StarSchema } from './star-schema.ts';

// Scenario: the hand-built star schema of hand-counted.fixture.ts, each KPI counted by hand
// from KPIS.md. Exercises: empty period, unknown diagnosis, prefixes J / J4 / J45 / J45.0, the
// leap day 2020-02-29 inside and outside a period, PLUSIEURS / AUCUN attribution, a patient whose
// age band changes within the period, Corsica 2A/2B, deaths abroad and in unknown communes,
// e-Satis DI/NV/NR exclusions, and small-cell masking. The same rows on DuckDB and PostgreSQL.

/** key → [numerator, denominator] of the breakdown, for compact expectations. */
function cells(result: KpiResult): Record<string, [number | null, number | null]> {
  return Object.fromEntries(result.breakdown.map((c) => [c.key, [c.numerator, c.denominator]]));
}

function counts(result: KpiResult): [number | null, number | null, number | null] {
  return [result.numerator, result.denominator, result.rate];
}

const raw = { unmasked: true };

for (const { name, open } of STAR_ENGINES) {
  describe(`KPIs counted by hand (${name})`, () => {
    let star: StarSchema;
    const kpi = (id: string, params: RawParams, options = raw) => runKpi(star.engine, id, params, options);
    const rejects = async (id: string, params: RawParams, param: string, code: string) => {
      await assert.rejects(kpi(id, params), (error: unknown) => {
        assert.ok(error instanceof KpiParamError, String(error));
        assert.deepEqual([error.param, error.code], [param, code], error.message);
        return true;
      });
    };
    before(async () => {
      star = await open(ROWS);
    });
    after(async () => star?.close());

    it('K1 2020, 010000107: 3 of 8 consultations; PLUSIEURS 1 (c3), AUCUN 2 (c5, c6); c7 of 2019 left out', async () => {
      const r = await kpi('K1', { establishment: '010000107', year: 2020 });
      assert.deepEqual(counts(r), [3, 8, 37.5]);
      assert.deepEqual(r.notes, { PLUSIEURS: 1, AUCUN: 2 });
      assert.equal(r.breakdown.length, 12);
      const c = cells(r);
      assert.deepEqual([c['2020-01'], c['2020-02'], c['2020-03'], c['2020-06'], c['2020-11'], c['2020-12'], c['2020-04']], [[1, 1], [1, 2], [0, 2], [1, 1], [0, 1], [0, 1], [0, 0]]);
      assert.equal(r.breakdown[1].label, 'février 2020');
      assert.equal(r.params.establishment_name, 'CH Bresse');
      assert.deepEqual([r.params.from, r.params.to, r.params.year], ['2020-01-01', '2020-12-31', 2020]);
      assert.equal(r.masked, false);
    });

    it('K1 2020 masked: every count of 1–9 hidden, zeros shown', async () => {
      const r = await kpi('K1', { establishment: '010000107', year: 2020 }, { unmasked: false });
      assert.deepEqual(counts(r), [null, null, null]);
      assert.deepEqual(r.notes, { PLUSIEURS: null, AUCUN: null });
      assert.equal(r.masked, true);
      const april = r.breakdown.find((c) => c.key === '2020-04')!;
      assert.deepEqual([april.numerator, april.denominator, april.masked], [0, 0, false]);
    });

    it('K1 2018 masked: March (3) is small, February (12) is masked with it, the rest shown', async () => {
      // Numerator 25 + 12 + 3 = 40; denominator 40 + 30 AUCUN = 70.
      const r = await kpi('K1', { establishment: '010000107', year: 2018 }, { unmasked: false });
      assert.deepEqual(counts(r), [40, 70, 57.1]);
      const c = cells(r);
      assert.deepEqual([c['2018-01'], c['2018-02'], c['2018-03']], [[25, 25], [null, 12], [null, 33]]);
      // 40 − 25 leaves 15 for February and March together: neither can be told.
      assert.equal(r.breakdown.find((x) => x.key === '2018-02')!.rate, null);
      assert.deepEqual(r.notes, { PLUSIEURS: 0, AUCUN: 30 });
      assert.equal(r.masked, true);
    });

    it('K1 Corsica 2A0000123: c4 and c9', async () => {
      assert.deepEqual(counts(await kpi('K1', { establishment: '2a0000123', year: 2020 })), [2, 8, 25]);
    });

    it('K1 leap day: 2020-02-29 alone holds c2; February without it holds c3 only', async () => {
      const leap = await kpi('K1', { establishment: '010000107', from: '2020-02-29', to: '2020-02-29' });
      assert.deepEqual(counts(leap), [1, 1, 100]);
      assert.deepEqual(cells(leap), { '2020-02': [1, 1] });
      assert.deepEqual(counts(await kpi('K1', { establishment: '010000107', from: '2020-02-01', to: '2020-02-28' })), [0, 1, 0]);
    });

    it('K1 empty period: 0 of 0, no rate, twelve empty months', async () => {
      const r = await kpi('K1', { establishment: '010000107', year: 2021 }, { unmasked: false });
      assert.deepEqual(counts(r), [0, 0, null]);
      assert.deepEqual(r.notes, { PLUSIEURS: 0, AUCUN: 0 });
      assert.equal(r.breakdown.length, 12);
      assert.equal(r.masked, false);
    });

    it('parameter errors name the parameter and the reason', async () => {
      await rejects('K1', { establishment: 'F01000010', year: 2020 }, 'establishment', 'malformed');
      await rejects('K1', { establishment: '999999999', year: 2020 }, 'establishment', 'not-found');
      await rejects('K1', { year: 2020 }, 'establishment', 'required');
      await rejects('K1', { establishment: '010000107', from: '2020-03-01', to: '2020-02-01' }, 'from', 'period-inverted');
      await rejects('K1', { establishment: '010000107', from: '2019-02-29', to: '2019-03-01' }, 'from', 'malformed');
      await rejects('K1', { establishment: '010000107', from: '2019-02-01' }, 'to', 'required');
      await rejects('K1', { establishment: '010000107', year: 1850 }, 'year', 'out-of-range');
      await rejects('K1', { establishment: '010000107', year: 2020, from: '2020-01-01', to: '2020-02-01' }, 'year', 'conflict');
      await rejects('K1', { establishment: '010000107' }, 'year', 'required');
      await rejects('K1', { establishment: '010000107', year: 2020, diagnosis: 'J45' }, 'diagnosis', 'unknown-param');
      await rejects('K9', {}, 'kpi', 'unknown-kpi');
      await rejects('K2', { diagnosis: 'J4%', year: 2020 }, 'diagnosis', 'malformed');
      await rejects('K6', { professional: 'e'.repeat(32), year: 2020 }, 'professional', 'not-found');
      await rejects('K6', { specialty: 'cardiologie', year: 2020 }, 'specialty', 'not-found');
      await rejects('K7', { region: '99' }, 'region', 'not-found');
      await rejects('K7', { region: 'Corse' }, 'region', 'malformed');
      await rejects('K8', { survey: 'xyz' }, 'survey', 'not-found');
    });

    it('K2 2020 by prefix: J 5, J4 4, J45 4, J45.0 2, j450 2, Z99 0, of 8 consultations', async () => {
      const numerators = [];
      for (const diagnosis of ['J', 'J4', 'J45', 'J45.0', 'j450', 'Z99']) {
        const r = await kpi('K2', { diagnosis, year: 2020 });
        assert.equal(r.denominator, 8, diagnosis);
        numerators.push(r.numerator);
      }
      assert.deepEqual(numerators, [5, 4, 4, 2, 2, 0]);
      const j45 = await kpi('K2', { diagnosis: 'J45', year: 2020 });
      assert.deepEqual(cells(j45), { J450: [2, 8], J451: [1, 8], J459: [1, 8] });
      assert.equal(j45.breakdown[0].label, 'Asthme à prédominance allergique');
      assert.equal(j45.rate, 50);
      assert.equal((await kpi('K2', { diagnosis: 'J45.0', year: 2020 })).params.diagnosis, 'J450');
    });

    it('K2 2020 without diagnosis: by chapter, the unknown code in its own row', async () => {
      const r = await kpi('K2', { year: 2020 });
      assert.deepEqual(counts(r), [8, 8, 100]);
      assert.deepEqual(r.breakdown.map((c) => [c.key, c.numerator]), [['IV', 1], ['IX', 1], ['X', 5], ['unknown', 1]]);
      assert.equal(r.breakdown[2].label, "Maladies de l'appareil respiratoire");
    });

    it('K2 leap day: J45 from 2020-02-29 to 2020-03-01 is c2 of c2, c4, c5; March alone has 2', async () => {
      assert.deepEqual(counts(await kpi('K2', { diagnosis: 'J45', from: '2020-02-29', to: '2020-03-01' })), [1, 3, 33.3]);
      assert.deepEqual(counts(await kpi('K2', { diagnosis: 'J45', from: '2020-03-01', to: '2020-03-31' })), [0, 2, 0]);
    });

    it('K2 empty period', async () => {
      const r = await kpi('K2', { year: 2021 });
      assert.deepEqual(counts(r), [0, 0, null]);
      assert.deepEqual(r.breakdown, []);
    });

    it('K3 2020: 4 hospitalised (p1, p2, p3, p7) of an active file of 7 (p1–p7)', async () => {
      const r = await kpi('K3', { year: 2020 });
      assert.deepEqual(counts(r), [4, 7, 57.1]);
      const c = cells(r);
      assert.deepEqual(
        ['2020-01', '2020-02', '2020-03', '2020-06', '2020-07', '2020-11', '2020-12', '2020-05'].map((k) => c[k]),
        [[1, 2], [1, 3], [1, 3], [0, 1], [1, 1], [0, 1], [1, 2], [0, 0]],
      );
      // The leap day alone: c2 (p2) and s1 (p1).
      assert.deepEqual(counts(await kpi('K3', { from: '2020-02-29', to: '2020-02-29' })), [1, 2, 50]);
      assert.deepEqual(counts(await kpi('K3', { year: 2021 })), [0, 0, null]);
    });

    it('K4 2020: of 5 stays (s4 of 2019 out), J 3, J45 2, J450 1; by chapter with the unknown code', async () => {
      assert.deepEqual(counts(await kpi('K4', { diagnosis: 'J', year: 2020 })), [3, 5, 60]);
      assert.deepEqual(counts(await kpi('K4', { diagnosis: 'J45', year: 2020 })), [2, 5, 40]);
      assert.deepEqual(counts(await kpi('K4', { diagnosis: 'J45.0', year: 2020 })), [1, 5, 20]);
      const r = await kpi('K4', { year: 2020 });
      assert.deepEqual(r.breakdown.map((c) => [c.key, c.numerator]), [['IX', 1], ['X', 3], ['unknown', 1]]);
      // March to December leaves out s1 (2020-02-29) and s6 (2020-01-01).
      assert.deepEqual(counts(await kpi('K4', { from: '2020-03-01', to: '2020-12-31' })), [3, 3, 100]);
    });

    it('K5 2020: by sex and age band at each event; p3 is in 0-4 and in 5-14', async () => {
      const r = await kpi('K5', { year: 2020 });
      assert.deepEqual(counts(r), [4, 7, 57.1]);
      const c = cells(r);
      assert.deepEqual(
        ['F:0-4', 'F:5-14', 'F:15-24', 'F:25-34', 'M:15-24', 'M:45-54', 'M:65-74', 'M:85+', 'F:35-44'].map((k) => c[k]),
        [[0, 1], [1, 1], [0, 1], [1, 1], [1, 1], [1, 1], [0, 1], [0, 1], [0, 0]],
      );
      assert.deepEqual([c['F:*'], c['M:*'], c['*:15-24'], c['*:0-4'], c['*:5-14']], [[2, 3], [2, 4], [1, 2], [0, 1], [1, 1]]);
      assert.equal(r.breakdown.find((x) => x.key === 'F:5-14')!.label, 'Femmes, 5-14 ans');
    });

    it('K6 2020: A 3, B 1, C 2, D 2; specialties 01 and 07 4 each, of 8', async () => {
      const r = await kpi('K6', { year: 2020 });
      assert.deepEqual(counts(r), [8, 8, 100]);
      assert.deepEqual(r.breakdown.map((x) => [x.key, x.numerator, x.denominator]), [
        ['specialty:01', 4, 8],
        [`professional:${PRO_A}`, 3, 8],
        [`professional:${PRO_B}`, 1, 8],
        ['specialty:07', 4, 8],
        [`professional:${PRO_C}`, 2, 8],
        [`professional:${PRO_D}`, 2, 8],
      ]);
      assert.deepEqual(counts(await kpi('K6', { professional: PRO_A, year: 2020 })), [3, 8, 37.5]);
      assert.deepEqual(counts(await kpi('K6', { specialty: '07', year: 2020 })), [4, 8, 50]);
      const byLabel = await kpi('K6', { specialty: 'gynecologie', year: 2020 });
      assert.deepEqual(counts(byLabel), [4, 8, 50]);
      assert.equal(byLabel.params.specialty_label, 'Gynécologie');
    });

    it('K6 2017: a professional missing from the care database counts under their own pseudonym, specialty unknown', async () => {
      const r = await kpi('K6', { year: 2017 });
      assert.deepEqual(counts(r), [2, 2, 100]);
      assert.deepEqual(r.breakdown.map((x) => [x.key, x.numerator]), [
        ['specialty:01', 1],
        [`professional:${PRO_A}`, 1],
        ['specialty:unknown', 1],
        [`professional:${PRO_E}`, 1],
      ]);
    });

    it('K7 2019 (the default year): Corse 3, ARA 1, IDF 1 (day unknown), Guadeloupe 0, abroad 1, unknown 2', async () => {
      const r = await kpi('K7', {});
      assert.equal(r.params.year, 2019);
      // Population of the four regions: 385,000 + 12,000,000 + 8,000,000 + 340,000.
      assert.deepEqual(counts(r), [8, 20725000, 0]);
      assert.deepEqual(r.breakdown.map((c) => [c.key, c.numerator, c.denominator]), [
        ['01', 0, 385000], ['11', 1, 12000000], ['84', 1, 8000000], ['94', 3, 340000], ['abroad', 1, null], ['unknown', 2, null],
      ]);
      assert.equal(r.breakdown.find((c) => c.key === '94')!.rate, 0.9); // 3 / 340,000 × 100,000 = 0.88
      assert.equal(r.breakdown.find((c) => c.key === 'abroad')!.label, "décès à l'étranger");
      assert.equal(r.unit, 'per100k');
    });

    it('K7 drill-down: Corse is 2A 1 and 2B 2, never a number; 2018 has d7 only', async () => {
      const corse = await kpi('K7', { year: 2019, region: '94' });
      assert.deepEqual(counts(corse), [3, 340000, 0.9]);
      assert.deepEqual(corse.breakdown.map((c) => [c.key, c.label, c.numerator, c.denominator]), [
        ['2A', 'Corse-du-Sud', 1, 160000], ['2B', 'Haute-Corse', 2, 180000],
      ]);
      assert.equal(corse.params.region_name, 'Corse');
      assert.deepEqual(cells(await kpi('K7', { year: 2019, region: '84' })), { '01': [0, 650000], '69': [1, 7350000] });
      assert.deepEqual(cells(await kpi('K7', { year: 2018 }))['94'], [1, 340000]);
    });

    it('K7 masked: small death counts hidden, zeros and populations shown', async () => {
      const r = await kpi('K7', { year: 2019 }, { unmasked: false });
      assert.deepEqual(counts(r), [null, 20725000, null]);
      assert.deepEqual(cells(r)['01'], [0, 385000]);
      assert.deepEqual(cells(r)['94'], [null, 340000]);
    });

    it('K8 2020 +48h MCO (the defaults): 3 validated of 6, DI/NV/NR excluded, weighted mean 72.8', async () => {
      const r = await kpi('K8', {}, { unmasked: false });
      // (80 × 100 + 70 × 300 + 75 × 50) / 450 = 72.78
      assert.deepEqual(counts(r), [450, 3, 72.8]);
      assert.deepEqual(r.notes, { excluded: 3, excluded_DI: 1, excluded_NV: 1, excluded_NR: 1 });
      assert.deepEqual(r.breakdown.map((c) => [c.key, c.numerator, c.denominator, c.rate]), [
        ['11', 0, 0, null], ['84', 400, 2, 72.5], ['94', 50, 1, 75],
      ]);
      assert.equal(r.masked, false);
      assert.deepEqual([r.params.year, r.params.survey], [2020, '48h-mco']);
    });

    it('K8 other survey, other year, establishment drill-down', async () => {
      assert.deepEqual(counts(await kpi('K8', { survey: 'ca' })), [40, 1, 60]);
      assert.deepEqual(counts(await kpi('K8', { survey: 'esatisca' })), [40, 1, 60]);
      assert.deepEqual(counts(await kpi('K8', { year: 2019 })), [100, 1, 90]);
      const corse = await kpi('K8', { region: '94' });
      assert.deepEqual(corse.breakdown.map((c) => [c.key, c.label, c.numerator, c.rate]), [['2A0000123', 'CH Ajaccio', 50, 75]]);
      assert.deepEqual(corse.notes, { excluded: 1, excluded_DI: 1, excluded_NV: 0, excluded_NR: 0 });
    });
  });
}

// Every request above, on both engines: the whole results must be identical, labels and order included.
const REQUESTS: [string, RawParams, boolean][] = [
  ['K1', { establishment: '010000107', year: 2020 }, false],
  ['K1', { establishment: '010000107', year: 2018 }, false],
  ['K1', { establishment: '010000107', year: 2020 }, true],
  ['K2', { year: 2020 }, true],
  ['K2', { diagnosis: 'J45', year: 2020 }, false],
  ['K2', { diagnosis: 'J45', from: '2020-02-29', to: '2020-03-01' }, true],
  ['K3', { year: 2020 }, true],
  ['K3', { year: 2018 }, false],
  ['K4', { year: 2020 }, true],
  ['K5', { year: 2020 }, true],
  ['K5', { year: 2020 }, false],
  ['K6', { year: 2020 }, true],
  ['K6', { year: 2018 }, false],
  ['K7', {}, true],
  ['K7', { region: '94' }, true],
  ['K7', {}, false],
  ['K8', {}, false],
  ['K8', { region: '84' }, true],
];

describe('two engines, one number', () => {
  const stars: StarSchema[] = [];
  before(async () => {
    for (const { open } of STAR_ENGINES) stars.push(await open(ROWS));
  });
  after(async () => {
    for (const star of stars) await star.close();
  });

  it('DuckDB and PostgreSQL return the same results for every request', async () => {
    for (const [id, params, unmasked] of REQUESTS) {
      const [duck, post] = await Promise.all(stars.map((s) => runKpi(s.engine, id, params, { unmasked })));
      assert.deepEqual(post, duck, `${id} ${JSON.stringify(params)} unmasked=${unmasked}`);
    }
  });
});
