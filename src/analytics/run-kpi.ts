import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KPI_CATALOGUE, type KpiDefinition, type SqlBinding } from './catalogue.ts';
import { isKpiId, KPI_IDS, type KpiCell, type KpiId, type KpiResult, type KpiUnit } from './kpi-result.ts';
import { KpiParamError, likePrefixPattern, resolveParams, SURVEY_ALIASES, type RawParams, type ResolvedParams } from './params.ts';
import { suppress, type SuppressionGroup } from './suppression.ts';

/**
 * What a KPI needs from a database: rows of a SQL text with positional parameters. The DuckDB
 * `Engine` of src/warehouse is one; the tests wrap a PostgreSQL client in the same shape, so that
 * the same .sql files answer on both engines.
 */
export interface QueryEngine {
  all<T = Record<string, unknown>>(sql: string, params?: string[]): Promise<T[]>;
}

export interface RunKpiOptions {
  /** Raw counts, no small-cell suppression: for the warehouse team only. */
  unmasked?: boolean;
}

export async function runKpi(engine: QueryEngine, id: KpiId | string, raw: RawParams = {}, options: RunKpiOptions = {}): Promise<KpiResult> {
  const normalisedId = String(id).trim().toUpperCase();
  if (!isKpiId(normalisedId)) throw new KpiParamError('kpi', 'unknown-kpi', `unknown KPI "${id}" (known: ${KPI_IDS.join(', ')})`);
  const def = KPI_CATALOGUE[normalisedId];
  const params = resolveParams(def.id, def.params, raw);
  const context = await lookUp(engine, def, params);
  const bindings = def.sqlParams.map((name) => binding(name, params, context));
  const rows = await engine.all(kpiSql(def.id), bindings);
  const draft = SHAPERS[def.id](rows, params);
  const shownParams: Record<string, string | number | null> = {};
  for (const spec of def.params) shownParams[spec.name] = (params[spec.name] as string | number | null | undefined) ?? null;
  Object.assign(shownParams, context.shown);
  return finish(def, shownParams, draft, options.unmasked ?? false);
}

/** The SQL text of a KPI, as stored in `src/analytics/kpis/`. */
export function kpiSql(id: KpiId): string {
  return readSql(join('kpis', KPI_CATALOGUE[id].sqlFile));
}

const sqlCache = new Map<string, string>();
function readSql(relative: string): string {
  let sql = sqlCache.get(relative);
  if (sql === undefined) {
    sql = readFileSync(join(import.meta.dirname, relative), 'utf8');
    sqlCache.set(relative, sql);
  }
  return sql;
}

// --- parameters checked against the warehouse -------------------------------------------------

interface LookupContext {
  specialtyCode: string;
  survey: string;
  /** Names shown beside the parameters (establishment name, region name, …). */
  shown: Record<string, string | number | null>;
}

async function lookUp(engine: QueryEngine, def: KpiDefinition, params: ResolvedParams): Promise<LookupContext> {
  const context: LookupContext = { specialtyCode: '', survey: params.survey ?? '', shown: {} };
  if (params.establishment) {
    const [row] = await engine.all<{ name: string | null }>(readSql('lookups/establishment.sql'), [params.establishment]);
    if (!row) throw new KpiParamError('establishment', 'not-found', `${params.establishment} is not an establishment of the warehouse's FINESS directory`);
    context.shown.establishment_name = row.name;
  }
  if (params.region) {
    const [row] = await engine.all<{ region_name: string | null }>(readSql('lookups/region.sql'), [params.region]);
    if (!row) throw new KpiParamError('region', 'not-found', `${params.region} is not a region code of the official geographic code`);
    context.shown.region_name = row.region_name;
  }
  if (params.professional) {
    const [row] = await engine.all<{ specialty: string | null }>(readSql('lookups/professional.sql'), [params.professional]);
    if (!row) throw new KpiParamError('professional', 'not-found', `no professional ${params.professional} in the warehouse`);
  }
  if (params.specialty) {
    const known = await engine.all<{ specialty_code: string; specialty: string | null }>(readSql('lookups/specialties.sql'), []);
    const wanted = fold(params.specialty);
    const match = known.find((s) => fold(String(s.specialty_code)) === wanted) ?? known.find((s) => s.specialty !== null && fold(s.specialty) === wanted);
    if (!match) {
      throw new KpiParamError('specialty', 'not-found', `no specialty "${params.specialty}" (known codes: ${known.map((s) => s.specialty_code).slice(0, 20).join(', ') || 'none'})`);
    }
    context.specialtyCode = String(match.specialty_code);
    context.shown.specialty_label = match.specialty;
  }
  if (def.params.some((p) => p.name === 'survey')) {
    const known = (await engine.all<{ survey: string }>(readSql('lookups/surveys.sql'), [])).map((r) => String(r.survey));
    const canonical = (s: string) => SURVEY_ALIASES[s.toLowerCase()] ?? s.toLowerCase();
    const match = known.find((s) => s === params.survey) ?? known.find((s) => canonical(s) === canonical(params.survey!));
    if (!match) {
      throw new KpiParamError('survey', 'not-found', known.length
        ? `no e-Satis survey "${params.survey}" in the warehouse (known: ${known.join(', ')})`
        : 'no e-Satis results in the warehouse (load the esatis source, then build)');
    }
    context.survey = match;
    context.shown.survey = match;
  }
  return context;
}

/** Case- and accent-insensitive comparison of labels typed by users. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').trim().toUpperCase();
}

function binding(name: SqlBinding, params: ResolvedParams, context: LookupContext): string {
  switch (name) {
    case 'from':
      return params.from!;
    case 'to':
      return params.to!;
    case 'year':
      return String(params.year);
    case 'establishment':
      return params.establishment!;
    case 'diagnosis-like':
      return params.diagnosis ? likePrefixPattern(params.diagnosis) : '';
    case 'region':
      return params.region ?? '';
    case 'survey':
      return context.survey;
    case 'professional':
      return params.professional ?? '';
    case 'specialty-code':
      return context.specialtyCode;
  }
}

// --- from rows to one result shape ------------------------------------------------------------

/**
 * What a KPI's rows become before suppression. Every count has an id (`n:<key>`, `d:<key>`,
 * `note:<name>`) so that groups can name the additive relations suppression must respect; a
 * cell whose denominator is the total's (K2, K4, K6) points at `d:total`.
 */
interface Draft {
  numerator: number;
  denominator: number | null;
  scoreSum?: number | null;
  cells: DraftCell[];
  notes: { name: string; value: number | null; counted: boolean }[];
  groups: SuppressionGroup[];
  /** False when denominators are public figures (populations, numbers of establishments). */
  countedDenominators: boolean;
}

interface DraftCell {
  key: string;
  label: string;
  numerator: number;
  denominator: number | null;
  scoreSum?: number | null;
  denominatorId?: string;
}

type Row = Record<string, unknown>;
type Shaper = (rows: Row[], params: ResolvedParams) => Draft;

const num = (value: unknown): number => toNumber(value) ?? 0;

export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

const isTotal = (row: Row, column = 'is_total') => num(row[column]) === 1;

const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** Every month of the period, so that a month with no event shows 0 rather than nothing. */
export function periodMonths(from: string, to: string): { monthKey: number; key: string; label: string }[] {
  const out = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const [lastYear, lastMonth] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    out.push({ monthKey: year * 100 + month, key: `${year}-${String(month).padStart(2, '0')}`, label: `${MONTHS_FR[month - 1]} ${year}` });
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return out;
}

/** K1 and K3: one cell per month, the months adding up to the total (exactly for K1, at least for K3's distinct patients). */
function byMonth(rows: Row[], params: ResolvedParams, notes: (total: Row | undefined) => Draft['notes']): Draft {
  const total = rows.find((r) => isTotal(r));
  const found = new Map(rows.filter((r) => !isTotal(r)).map((r) => [num(r.month_key), r]));
  const cells = periodMonths(params.from!, params.to!).map(({ monthKey, key, label }) => {
    const row = found.get(monthKey);
    return { key, label, numerator: num(row?.numerator), denominator: num(row?.denominator) };
  });
  return {
    numerator: num(total?.numerator),
    denominator: num(total?.denominator),
    cells,
    notes: notes(total),
    groups: [
      { total: 'n:total', parts: cells.map((c) => `n:${c.key}`) },
      { total: 'd:total', parts: cells.map((c) => `d:${c.key}`) },
    ],
    countedDenominators: true,
  };
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX', 'XXI', 'XXII'];

/** K2 and K4: by code within the prefix, or by chapter (in chapter order, unknown last). */
function byDiagnosis(rows: Row[], params: ResolvedParams): Draft {
  const total = rows.find((r) => isTotal(r));
  const denominator = num(total?.denominator ?? rows[0]?.denominator);
  const byChapter = !params.diagnosis;
  const order = (key: string) => (key === 'unknown' ? 1000 : byChapter ? ROMAN.indexOf(key) : 0);
  const cells: DraftCell[] = rows
    .filter((r) => !isTotal(r))
    .map((r) => {
      const key = r.key === null || r.key === undefined ? 'unknown' : String(r.key);
      const label = key === 'unknown' ? 'diagnostic inconnu' : r.label === null || r.label === undefined ? '' : String(r.label);
      return { key, label, numerator: num(r.numerator), denominator, denominatorId: 'd:total' };
    })
    .sort((a, b) => order(a.key) - order(b.key) || a.key.localeCompare(b.key));
  return {
    numerator: num(total?.numerator),
    denominator,
    cells,
    notes: [],
    groups: [{ total: 'n:total', parts: cells.map((c) => `n:${c.key}`) }],
    countedDenominators: true,
  };
}

export const AGE_BANDS = ['0-4', '5-14', '15-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75-84', '85+'];
const SEX_LABELS: Record<string, string> = { F: 'femmes', M: 'hommes', unknown: 'sexe inconnu' };

/** K5: sex × age band with both margins; rows and columns are the suppression groups. */
function bySexAndAge(rows: Row[]): Draft {
  const sexOf = (r: Row) => (r.sex === null || r.sex === undefined ? 'unknown' : String(r.sex));
  const bandOf = (r: Row) => (r.age_band === null || r.age_band === undefined ? 'unknown' : String(r.age_band));
  const found = new Map<string, Row>();
  for (const r of rows) {
    const key = `${num(r.all_sexes) === 1 ? '*' : sexOf(r)}:${num(r.all_bands) === 1 ? '*' : bandOf(r)}`;
    found.set(key, r);
  }
  const details = rows.filter((r) => num(r.all_sexes) === 0 && num(r.all_bands) === 0);
  const sexes = ['F', 'M', ...new Set(details.map(sexOf).filter((s) => s !== 'F' && s !== 'M').sort())];
  const extraBands = [...new Set(details.map(bandOf).filter((b) => !AGE_BANDS.includes(b)))].sort((a, b) => (a === 'unknown' ? 1 : b === 'unknown' ? -1 : a.localeCompare(b)));
  const bands = [...AGE_BANDS, ...extraBands];
  const sexLabel = (s: string) => SEX_LABELS[s] ?? `sexe ${s}`;
  const bandLabel = (b: string) => (b === 'unknown' ? 'âge inconnu' : `${b} ans`);
  const cell = (key: string, label: string): DraftCell => ({
    key,
    label,
    numerator: num(found.get(key)?.numerator),
    denominator: num(found.get(key)?.denominator),
  });
  const cells: DraftCell[] = [];
  for (const sex of sexes) {
    for (const band of bands) cells.push(cell(`${sex}:${band}`, `${capitalise(sexLabel(sex))}, ${bandLabel(band)}`));
    cells.push(cell(`${sex}:*`, `${capitalise(sexLabel(sex))}, tous âges`));
  }
  for (const band of bands) cells.push(cell(`*:${band}`, `Tous sexes, ${bandLabel(band)}`));
  const total = found.get('*:*');
  const groups: SuppressionGroup[] = [];
  for (const side of ['n', 'd']) {
    for (const sex of sexes) groups.push({ total: `${side}:${sex}:*`, parts: bands.map((b) => `${side}:${sex}:${b}`) });
    for (const band of bands) groups.push({ total: `${side}:*:${band}`, parts: sexes.map((s) => `${side}:${s}:${band}`) });
    groups.push({ total: `${side}:total`, parts: sexes.map((s) => `${side}:${s}:*`) });
    groups.push({ total: `${side}:total`, parts: bands.map((b) => `${side}:*:${b}`) });
  }
  return { numerator: num(total?.numerator), denominator: num(total?.denominator), cells, notes: [], groups, countedDenominators: true };
}

/** K6: each specialty, then its professionals; professionals add up to their specialty, specialties to the total. */
function byProfessional(rows: Row[]): Draft {
  const total = rows.find((r) => num(r.all_specialties) === 1);
  const denominator = num(total?.denominator ?? rows[0]?.denominator);
  const specialtyKey = (r: Row) => `specialty:${r.specialty_code === null || r.specialty_code === undefined ? 'unknown' : String(r.specialty_code)}`;
  const specialties = rows.filter((r) => num(r.all_specialties) === 0 && num(r.all_professionals) === 1).sort((a, b) => specialtyKey(a).localeCompare(specialtyKey(b)));
  // One pass over the professionals: with 30,000 of them, filtering them again for each specialty took longer than the query.
  const bySpecialty = new Map<string, { key: string; numerator: number }[]>();
  for (const p of rows) {
    if (num(p.all_professionals) !== 0) continue;
    const key = specialtyKey(p);
    let members = bySpecialty.get(key);
    if (!members) bySpecialty.set(key, (members = []));
    members.push({ key: `professional:${p.professional_id === null || p.professional_id === undefined ? 'unknown' : String(p.professional_id)}`, numerator: num(p.numerator) });
  }
  const cells: DraftCell[] = [];
  const groups: SuppressionGroup[] = [{ total: 'n:total', parts: specialties.map((s) => `n:${specialtyKey(s)}`) }];
  for (const s of specialties) {
    const label = s.specialty_label === null || s.specialty_label === undefined ? 'spécialité inconnue' : String(s.specialty_label);
    cells.push({ key: specialtyKey(s), label, numerator: num(s.numerator), denominator, denominatorId: 'd:total' });
    // Sorted by pseudonym, never by count: an order by count would place a masked cell between two visible ones.
    // Pseudonyms are hex, so code-unit order is the alphabetical one; localeCompare took 100 ms for 30,000 in random order.
    const members = (bySpecialty.get(specialtyKey(s)) ?? []).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const p of members) cells.push({ key: p.key, label: `  ${label}`, numerator: p.numerator, denominator, denominatorId: 'd:total' });
    groups.push({ total: `n:${specialtyKey(s)}`, parts: members.map((p) => `n:${p.key}`) });
  }
  return { numerator: num(total?.numerator), denominator, cells, notes: [], groups, countedDenominators: true };
}

const PLACE_LABELS: Record<string, string> = { abroad: "décès à l'étranger", unknown: 'commune inconnue' };

/** K7: regions (or départements), deaths abroad and in unknown communes; populations are public, not masked. */
function byRegionDeaths(rows: Row[], params: ResolvedParams): Draft {
  const total = rows.find((r) => r.level === 'total');
  const rank = (r: Row) => (r.level === 'place' ? (r.key === 'abroad' ? 1 : 2) : r.key === 'unknown' ? 3 : 0);
  const cells: DraftCell[] = rows
    .filter((r) => r.level !== 'total')
    .sort((a, b) => rank(a) - rank(b) || String(a.key).localeCompare(String(b.key)))
    .map((r) => {
      const key = String(r.key);
      const label = r.label !== null && r.label !== undefined ? String(r.label) : params.region && key === 'unknown' ? 'département inconnu' : (PLACE_LABELS[key] ?? '');
      return { key, label, numerator: num(r.numerator), denominator: toNumber(r.denominator) };
    });
  return {
    numerator: num(total?.numerator),
    denominator: toNumber(total?.denominator),
    cells,
    notes: [],
    groups: [{ total: 'n:total', parts: cells.map((c) => `n:${c.key}`) }],
    countedDenominators: false,
  };
}

/** K8: regions (or establishments); respondents are people and masked, establishments are not. */
function byRegionSatisfaction(rows: Row[], params: ResolvedParams): Draft {
  const total = rows.find((r) => isTotal(r));
  const keyOf = (r: Row) => (r.key === null || r.key === undefined ? 'unknown' : String(r.key));
  const cells: DraftCell[] = rows
    // In the drill-down an establishment without a validated score is no row of its own: it is excluded, and counted in the notes.
    .filter((r) => !isTotal(r) && !(params.region && num(r.denominator) === 0))
    .map((r) => ({
      key: keyOf(r),
      label: r.label !== null && r.label !== undefined ? String(r.label) : keyOf(r) === 'unknown' ? (params.region ? 'établissement inconnu' : 'région inconnue') : '',
      numerator: num(r.numerator),
      denominator: num(r.denominator),
      scoreSum: toNumber(r.score_sum),
    }))
    .sort((a, b) => Number(a.key === 'unknown') - Number(b.key === 'unknown') || a.key.localeCompare(b.key));
  const note = (name: string, column: string) => ({ name, value: num(total?.[column]), counted: false });
  return {
    numerator: num(total?.numerator),
    denominator: num(total?.denominator),
    scoreSum: toNumber(total?.score_sum),
    cells,
    notes: [
      note('excluded', 'excluded'),
      note('excluded_DI', 'excluded_di'),
      note('excluded_NV', 'excluded_nv'),
      note('excluded_NR', 'excluded_nr'),
    ],
    groups: [{ total: 'n:total', parts: cells.map((c) => `n:${c.key}`) }],
    countedDenominators: false,
  };
}

const SHAPERS: Record<KpiId, Shaper> = {
  K1: (rows, params) =>
    byMonth(rows, params, (total) => [
      { name: 'PLUSIEURS', value: num(total?.several), counted: true },
      { name: 'AUCUN', value: num(total?.no_establishment), counted: true },
    ]),
  K2: byDiagnosis,
  K3: (rows, params) => byMonth(rows, params, () => []),
  K4: byDiagnosis,
  K5: (rows) => bySexAndAge(rows),
  K6: (rows) => byProfessional(rows),
  K7: byRegionDeaths,
  K8: byRegionSatisfaction,
};

/** Applies the small-cell rule (unless unmasked) and computes the rates from what is left. */
function finish(def: KpiDefinition, params: KpiResult['params'], draft: Draft, unmasked: boolean): KpiResult {
  const counts = new Map<string, number>();
  const numeratorId = (cell: DraftCell) => `n:${cell.key}`;
  const denominatorId = (cell: DraftCell) => cell.denominatorId ?? `d:${cell.key}`;
  counts.set('n:total', draft.numerator);
  if (draft.countedDenominators && draft.denominator !== null) counts.set('d:total', draft.denominator);
  for (const cell of draft.cells) {
    counts.set(numeratorId(cell), cell.numerator);
    if (draft.countedDenominators && cell.denominator !== null && !cell.denominatorId) counts.set(denominatorId(cell), cell.denominator);
  }
  for (const note of draft.notes) if (note.counted && note.value !== null) counts.set(`note:${note.name}`, note.value);
  const masked = unmasked ? new Set<string>() : suppress({ counts, groups: draft.groups }).masked;

  const figure = (id: string, value: number | null) => (masked.has(id) ? null : value);
  const cellOf = (key: string, label: string, n: number, d: number | null, dId: string, scoreSum: number | null | undefined): KpiCell => {
    const nMasked = masked.has(`n:${key}`);
    const dMasked = masked.has(dId);
    return {
      key,
      label,
      numerator: nMasked ? null : n,
      denominator: dMasked ? null : d,
      rate: nMasked || dMasked ? null : rate(def.unit, n, d, scoreSum),
      masked: nMasked || dMasked,
    };
  };
  const totalCell = cellOf('total', '', draft.numerator, draft.denominator, 'd:total', draft.scoreSum);
  const notes: Record<string, number | null> = {};
  for (const note of draft.notes) notes[note.name] = figure(`note:${note.name}`, note.value);
  return {
    kpi: def.id,
    title: def.title,
    params,
    numerator: totalCell.numerator,
    denominator: totalCell.denominator,
    rate: totalCell.rate,
    unit: def.unit,
    masked: masked.size > 0,
    breakdown: draft.cells.map((c) => cellOf(c.key, c.label, c.numerator, c.denominator, denominatorId(c), c.scoreSum)),
    notes,
  };
}

/** Percent and per-100,000 rates and mean scores, one decimal, halves rounded up. */
export function rate(unit: KpiUnit, numerator: number, denominator: number | null, scoreSum?: number | null): number | null {
  switch (unit) {
    case 'percent':
      return denominator ? round1((100 * numerator) / denominator) : null;
    case 'per100k':
      return denominator ? round1((100_000 * numerator) / denominator) : null;
    case 'score':
      return numerator && scoreSum !== null && scoreSum !== undefined ? round1(scoreSum / numerator) : null;
  }
}

function round1(value: number): number {
  return Math.round(value * 10 + 1e-9) / 10;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
