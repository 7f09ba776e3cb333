import { basename } from 'node:path';
import { parseDecimal } from '../normalise/decimal.ts';
import { CLASSES, COLUMN_ALIASES, DEFAULT_SURVEY, REQUIRED_FIELDS, SURVEYS, resultatTable, type EsatisField } from './layout.ts';
import { normaliseFiness } from '../normalise/codes.ts';
import { LineIssues } from '../line-issues.ts';
import { splitDelimited } from '../text/delimited.ts';
import { fileSize, readLines, type TextLine } from '../text/lines.ts';
import type { BatchSink, SourceReader } from '../types.ts';
import { UserError } from '../../cli/command.ts';

const TABLE = resultatTable.name;

type Columns = Partial<Record<EsatisField, number>>;

interface FileContext {
  survey: string;
  year: number | null;
  columns: Columns;
  /** Header names as written, to name columns in quarantine records. */
  names: string[];
}

export const esatisReader: SourceReader = {
  source: 'esatis',
  describe: 'HAS e-Satis satisfaction results (CSV, ;-separated, one file per survey and year)',
  mode: 'append',
  tables: [resultatTable],
  async read(input, sink) {
    if (input.kind !== 'file') throw new UserError('the esatis source reads files (--file)');
    const total = fileSize(input.path);
    const name = basename(input.path);
    let file: FileContext | null = null;
    // HAS publishes CP1252; a file re-saved as UTF-8 is still read right, line by line.
    for await (const line of readLines(input.path, { encoding: 'utf-8' })) {
      if (file === null) {
        const { columns, names } = headerColumns(input.path, line);
        file = { survey: surveyOfFileName(name), year: yearOfFileName(name), columns, names };
        if (file.year === null && columns.year === undefined) {
          throw new UserError(`${input.path}: the year of the results is neither in the file name (4 digits) nor in a year/annee column`);
        }
        continue;
      }
      if (line.number % 8192 === 0) sink.progress(line.bytesRead, total);
      if (line.text.trim() === '') continue;
      readResult(line, file, sink);
    }
    if (file === null) throw new UserError(`${input.path}: empty file (no header line)`);
    sink.progress(total, total);
  },
};

/** Where each field sits in this file, or a UserError when the file is not an e-Satis result file. */
function headerColumns(path: string, line: TextLine): { columns: Columns; names: string[] } {
  const refuse = (why: string, found: string[]) =>
    new UserError(`${path}, line 1: not an e-Satis file: ${why}; columns found: ${found.join(', ').slice(0, 400)}`);
  if (line.binary) throw refuse('binary content where a CSV header was expected (save a workbook or UTF-16 text as CSV, CP1252 or UTF-8)', []);
  const names = (splitDelimited(line.text, ';') ?? line.text.split(';')).map((n) => n.trim());
  const lower = names.map((n) => n.toLowerCase());
  if (names.length === 1 && line.text.includes(',')) {
    throw refuse('the header is comma-separated, e-Satis files are ;-separated (HAS quality-indicator files use commas)', line.text.split(','));
  }
  const columns: Columns = {};
  for (const [field, aliases] of Object.entries(COLUMN_ALIASES) as [EsatisField, string[]][]) {
    const index = aliases.map((alias) => lower.indexOf(alias)).find((i) => i !== -1);
    if (index !== undefined) columns[field] = index;
  }
  const missing = REQUIRED_FIELDS.filter((fields) => fields.every((field) => columns[field] === undefined));
  if (missing.length > 0) {
    const wanted = missing.map((fields) => `no ${fields[0]} column (${fields.flatMap((f) => COLUMN_ALIASES[f]).join(' / ')})`);
    throw refuse(wanted.join(', '), names);
  }
  return { columns, names };
}

function readResult(line: TextLine, file: FileContext, sink: BatchSink): void {
  sink.read(TABLE);
  const issues = new LineIssues(sink, line, TABLE);
  if (line.binary) return issues.reject('binary-content', {});
  const fields = splitDelimited(line.text, ';');
  if (fields === null) return issues.reject('quote-unclosed', {});
  if (fields.length !== file.names.length) return issues.reject('field-count', { expected: file.names.length, actual: fields.length });
  const value = (field: EsatisField): string => {
    const index = file.columns[field];
    return index === undefined ? '' : fields[index].trim();
  };
  const column = (field: EsatisField): string => file.names[file.columns[field] ?? -1] ?? COLUMN_ALIASES[field][0];

  let year = file.year;
  const yearText = value('year');
  if (yearText !== '') {
    if (!/^\d{4}$/.test(yearText)) return issues.reject('number-unparseable', { column: 'year', raw: yearText }, 'year');
    year = Number(yearText);
  }
  if (year === null) return issues.reject('value-missing', { column: 'year' }, 'year');

  const geoField: EsatisField = file.columns.finess_geo === undefined ? 'finess' : 'finess_geo';
  const geoText = value(geoField);
  if (geoText === '') return issues.reject('value-missing', { column: column(geoField) }, column(geoField));
  const finessGeo = normaliseFiness(geoText);
  if (finessGeo === null) return issues.reject('code-invalid', { column: column(geoField), raw: geoText }, column(geoField));

  const scoreText = value('score');
  const score = scoreText === '' ? null : parseDecimal(scoreText);
  if (scoreText !== '' && score === null) return issues.reject('number-unparseable', { column: column('score'), raw: scoreText }, column('score'));
  if (score !== null && (score < 0 || score > 100)) return issues.reject('value-invalid', { column: column('score'), raw: scoreText }, column('score'));

  sink.row(TABLE, line.number, [
    file.survey,
    year,
    issues.optional(column('finess'), value('finess'), normaliseFiness, 'code-invalid'),
    finessGeo,
    value('name') || null,
    value('region') || null,
    value('participation') || null,
    issues.optional(column('respondents'), value('respondents'), parseCount, 'number-unparseable'),
    score,
    issues.optional(column('class'), value('class'), normaliseClass, 'code-invalid'),
    value('evolution') || null,
    issues.optional(column('reco_rate'), value('reco_rate'), parseDecimal, 'number-unparseable'),
  ]);
}

function parseCount(text: string): number | null {
  const number = parseDecimal(text);
  return number !== null && Number.isInteger(number) && number >= 0 ? number : null;
}

/** `B`, `b`, `Classe B` are the same class; anything outside A–D, DI, NV, NR is not a class. */
export function normaliseClass(text: string): string | null {
  const code = text.trim().toUpperCase().replace(/^CLASSE\s+/, '');
  return CLASSES.has(code) ? code : null;
}

export function surveyOfFileName(name: string): string {
  return SURVEYS.find(({ pattern }) => pattern.test(name))?.survey ?? DEFAULT_SURVEY;
}

/** The campaign year a file name gives: the `recueil` year when named, else its first 4-digit year. */
export function yearOfFileName(name: string): number | null {
  const match = /recueil[-_ ]?((?:19|20)\d{2})(?!\d)/i.exec(name) ?? /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(name);
  return match ? Number(match[1]) : null;
}
