/**
 * KPI parameters: their schema (what the catalogue, the CLI help and the API expose) and their
 * validation. A bad value is a `KpiParamError` naming the parameter and the reason, never a SQL
 * error: values reach the SQL only as bound parameters, after this file has normalised them.
 */

export type ParamName = 'establishment' | 'diagnosis' | 'from' | 'to' | 'year' | 'region' | 'survey' | 'professional' | 'specialty';

export type ParamType = 'finess' | 'diagnosis-prefix' | 'date' | 'year' | 'region-code' | 'survey' | 'pseudonym' | 'specialty';

export interface ParamSpec {
  name: ParamName;
  type: ParamType;
  required: boolean;
  /** Applied when the parameter is absent (K7 year 2019, K8 year 2020 and survey). */
  default?: string | number;
  description: string;
  example?: string;
}

export type KpiParamErrorCode =
  | 'unknown-kpi'
  | 'unknown-param'
  | 'required'
  | 'malformed'
  | 'out-of-range'
  | 'period-inverted'
  | 'conflict'
  | 'not-found';

export class KpiParamError extends Error {
  constructor(
    readonly param: string,
    readonly code: KpiParamErrorCode,
    readonly reason: string,
  ) {
    super(`${param}: ${reason}`);
    this.name = 'KpiParamError';
  }
}

/** As received from the CLI or a query string; empty strings count as absent. */
export type RawParams = Partial<Record<string, string | number | null | undefined>>;

/** Validated and normalised values; a period KPI always has `from` and `to`. */
export interface ResolvedParams {
  from?: string;
  to?: string;
  year?: number;
  establishment?: string;
  /** Upper case, no dot; null when absent (breakdown by chapter). */
  diagnosis?: string | null;
  region?: string | null;
  survey?: string;
  professional?: string | null;
  specialty?: string | null;
}

export const YEAR_MIN = 1900;
export const YEAR_MAX = 2100;

/** e-Satis surveys under their warehouse names, with the spellings users and files use for them. */
export const SURVEY_ALIASES: Record<string, string> = {
  '48h-mco': '48h-mco',
  esatis48h: '48h-mco',
  '48h': '48h-mco',
  mco: '48h-mco',
  ca: 'ca',
  esatisca: 'ca',
  'ca-mco': 'ca',
};

// The three period parameters shared by K1–K6: either --year, or both --from and --to.
export const PERIOD_PARAMS: ParamSpec[] = [
  { name: 'from', type: 'date', required: false, description: 'first day of the period (YYYY-MM-DD), with --to', example: '2019-01-01' },
  { name: 'to', type: 'date', required: false, description: 'last day of the period, included (YYYY-MM-DD), with --from', example: '2019-12-31' },
  { name: 'year', type: 'year', required: false, description: 'the calendar year as period, when --from/--to are absent', example: '2019' },
];

export function resolveParams(kpi: string, specs: ParamSpec[], raw: RawParams): ResolvedParams {
  const given = new Map<string, string>();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined || value === null) continue;
    const text = String(value).trim();
    if (text === '') continue;
    if (!specs.some((s) => s.name === name)) {
      throw new KpiParamError(name, 'unknown-param', `${kpi} takes no "${name}" (its parameters: ${specs.map((s) => s.name).join(', ')})`);
    }
    given.set(name, text);
  }
  const resolved: ResolvedParams = {};
  for (const spec of specs) {
    if (spec.name === 'from' || spec.name === 'to') continue;
    const text = given.get(spec.name);
    if (text === undefined) {
      if (spec.default !== undefined) assign(resolved, spec.name, normalise(spec, String(spec.default)));
      else if (spec.required) throw new KpiParamError(spec.name, 'required', `${kpi} needs ${spec.description}`);
      else if (spec.name !== 'year') assign(resolved, spec.name, null);
      continue;
    }
    assign(resolved, spec.name, normalise(spec, text));
  }
  if (specs.some((s) => s.name === 'from')) resolvePeriod(resolved, given);
  return resolved;
}

function resolvePeriod(resolved: ResolvedParams, given: Map<string, string>): void {
  const from = given.get('from');
  const to = given.get('to');
  if (from === undefined && to === undefined) {
    if (resolved.year === undefined) {
      throw new KpiParamError('year', 'required', 'give a period: a year (--year 2019), or --from and --to');
    }
    resolved.from = `${resolved.year}-01-01`;
    resolved.to = `${resolved.year}-12-31`;
    return;
  }
  if (resolved.year !== undefined) {
    throw new KpiParamError('year', 'conflict', 'give either a year or --from/--to, not both');
  }
  if (from === undefined) throw new KpiParamError('from', 'required', '--to needs --from (the first day of the period)');
  if (to === undefined) throw new KpiParamError('to', 'required', '--from needs --to (the last day of the period, included)');
  resolved.from = parseDate('from', from);
  resolved.to = parseDate('to', to);
  if (resolved.from > resolved.to) {
    throw new KpiParamError('from', 'period-inverted', `the period starts (${resolved.from}) after it ends (${resolved.to})`);
  }
}

function assign(resolved: ResolvedParams, name: ParamName, value: string | number | null): void {
  (resolved as Record<string, unknown>)[name] = value;
}

function normalise(spec: ParamSpec, text: string): string | number | null {
  switch (spec.type) {
    case 'finess':
      return parseFiness(spec.name, text);
    case 'diagnosis-prefix':
      return parseDiagnosisPrefix(spec.name, text);
    case 'date':
      return parseDate(spec.name, text);
    case 'year':
      return parseYear(spec.name, text);
    case 'region-code':
      return parseRegionCode(spec.name, text);
    case 'survey':
      return parseSurvey(spec.name, text);
    case 'pseudonym':
      return parsePseudonym(spec.name, text);
    case 'specialty':
      if (text.length > 100) throw new KpiParamError(spec.name, 'malformed', 'a specialty code or label is at most 100 characters');
      return text;
  }
}

/** FINESS: 9 characters, digits, or `2A`/`2B` for Corsica; the `F` of some exports is not part of it. */
export function parseFiness(param: string, text: string): string {
  const value = text.trim().toUpperCase();
  if (!/^[0-9AB]{9}$/.test(value)) {
    throw new KpiParamError(param, 'malformed', `"${text}" is not a FINESS number (9 characters, digits or A/B, e.g. 010000107 or 2A0000123)`);
  }
  return value;
}

/**
 * A CIM-10 code or prefix (`J`, `J4`, `J45`, `J45.0`, `j450`): upper case, dots and spaces
 * dropped, the spelling of `diagnosis_code` in the marts.
 */
export function parseDiagnosisPrefix(param: string, text: string): string | null {
  const value = text.trim().toUpperCase().replace(/[.\s]/g, '');
  if (value === '') return null;
  if (!/^[A-Z]([0-9]{1,2}[0-9A-Z+]{0,4})?$/.test(value)) {
    throw new KpiParamError(param, 'malformed', `"${text}" is not a CIM-10 code or prefix (a letter, then digits: J, J4, J45, J45.0)`);
  }
  return value;
}

/** The LIKE pattern selecting the codes that start with `prefix` (used with `ESCAPE '\'`). */
export function likePrefixPattern(prefix: string): string {
  return prefix.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
}

export function parseDate(param: string, text: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) throw new KpiParamError(param, 'malformed', `"${text}" is not a date written YYYY-MM-DD`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new KpiParamError(param, 'malformed', `${text} is not a day of the calendar`);
  }
  if (year < YEAR_MIN || year > YEAR_MAX) {
    throw new KpiParamError(param, 'out-of-range', `${text} is outside ${YEAR_MIN}–${YEAR_MAX}`);
  }
  return match[0];
}

export function parseYear(param: string, text: string): number {
  if (!/^\d{1,6}$/.test(text.trim())) throw new KpiParamError(param, 'malformed', `"${text}" is not a year (e.g. 2019)`);
  const year = Number(text);
  if (year < YEAR_MIN || year > YEAR_MAX) {
    throw new KpiParamError(param, 'out-of-range', `${year} is outside ${YEAR_MIN}–${YEAR_MAX}`);
  }
  return year;
}

/** Region codes of the official geographic code since 2016: two digits (01–06 overseas, 11–94). */
export function parseRegionCode(param: string, text: string): string {
  const value = text.trim();
  if (!/^\d{2}$/.test(value)) throw new KpiParamError(param, 'malformed', `"${text}" is not a region code (two digits, e.g. 84 or 94)`);
  return value;
}

export function parseSurvey(param: string, text: string): string {
  const value = text.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(value)) {
    throw new KpiParamError(param, 'malformed', `"${text}" is not a survey name (e.g. 48h-mco, ca)`);
  }
  return SURVEY_ALIASES[value] ?? value;
}

/** Professional pseudonyms: the first 32 hex characters of the HMAC (docs/raw-zone.md). */
export function parsePseudonym(param: string, text: string): string {
  const value = text.trim().toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(value)) {
    throw new KpiParamError(param, 'malformed', `"${text}" is not a professional pseudonym (32 hexadecimal characters, as shown by K6)`);
  }
  return value;
}
