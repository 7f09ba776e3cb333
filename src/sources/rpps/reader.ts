import { ID_TYPES, PRACTICE_MODES, REQUIRED_COLUMNS, RPPS_COLUMNS, activiteTable, fold, type RppsColumn } from './layout.ts';
import { normaliseCommuneCode, normaliseFiness } from '../normalise/codes.ts';
import { LineIssues } from '../line-issues.ts';
import { parseDate } from '../normalise/dates.ts';
import { decodeLine, fileSize, readLines, scanLineBytes, type ByteRange, type TextLine } from '../text/lines.ts';
import type { BatchSink, ReaderContext, SourceReader } from '../types.ts';
import { UserError } from '../../cli/command.ts';

const TABLE = activiteTable.name;

interface Header {
  columns: Partial<Record<RppsColumn, number>>;
  /** Positions whose text may be kept with a quarantine record: the columns read, less the identifier. */
  kept: Set<number>;
  width: number;
  /** The real extract closes every line with `|`; a line that lost it is still whole. */
  trailingSeparator: boolean;
}

export const rppsReader: SourceReader = {
  source: 'rpps',
  describe: "professionals' places of activity (RPPS Annuaire Santé extract, |-separated, one line per professional and place)",
  mode: 'snapshot',
  tables: [activiteTable],
  async read(input, sink, ctx) {
    if (input.kind !== 'file') throw new UserError('the rpps source reads files (--file)');
    const header = await firstLine(input.path);
    await readActivities(input.path, { start: 0, end: fileSize(input.path) }, header, sink, ctx);
  },
  // Lines stand alone once the header is known: the national extract (millions of lines) is read in parallel segments.
  segments: {
    plan: async (path) => ({ ...(await firstLine(path)) }),
    readSegment: (path, range, plan, sink, ctx) => readActivities(path, range, plan as unknown as Header, sink, ctx),
  },
};

async function firstLine(path: string): Promise<Header> {
  for await (const line of readLines(path, { encoding: 'utf-8' })) return readHeader(path, line);
  throw new UserError(`${path}: empty file (no header line)`);
}

/** The activities of `range` (the header skipped when the range starts the file), numbered from 1 within it. */
async function readActivities(path: string, range: ByteRange, header: Header, sink: BatchSink, ctx: ReaderContext): Promise<number> {
  return scanLineBytes(
    path,
    range,
    (bytes, number) => {
      if (range.start === 0 && number === 1) return;
      const line = decodeLine(bytes, number, 'utf-8', 0);
      if (line.text.trim() !== '') readActivity(line, header, sink, ctx);
    },
    (done) => sink.progress(done),
  );
}

function readHeader(path: string, line: TextLine): Header {
  if (line.binary) throw new UserError(`${path}, line 1: binary content where the |-separated header was expected`);
  const names = line.text.split('|').map(fold);
  const columns: Header['columns'] = {};
  for (const [key, name] of Object.entries(RPPS_COLUMNS) as [RppsColumn, string][]) {
    const index = names.indexOf(fold(name));
    if (index !== -1) columns[key] = index;
  }
  const missing = REQUIRED_COLUMNS.filter((key) => columns[key] === undefined);
  if (missing.length > 0) {
    throw new UserError(
      `${path}, line 1: header is not an RPPS activity extract: no column ${missing.map((k) => `"${RPPS_COLUMNS[k]}"`).join(', ')}; ` +
        `columns found: ${line.text.split('|').join(', ').slice(0, 400)}`,
    );
  }
  const kept = new Set(Object.entries(columns).filter(([key]) => key !== 'id').map(([, index]) => index));
  return { columns, kept, width: names.length, trailingSeparator: names.at(-1) === '' };
}

function readActivity(line: TextLine, header: Header, sink: BatchSink, ctx: ReaderContext): void {
  sink.read(TABLE);
  const fields = line.text.split('|');
  const issues = new LineIssues(sink, line, TABLE, () => redact(fields, header, ctx));
  if (line.binary) return issues.reject('binary-content', {});
  const whole = fields.length === header.width || (header.trailingSeparator && fields.length === header.width - 1);
  if (!whole) return issues.reject('field-count', { expected: header.width, actual: fields.length });
  const value = (key: RppsColumn): string => {
    const index = header.columns[key];
    return index === undefined ? '' : (fields[index] ?? '').trim();
  };

  const id = value('id');
  if (id === '') return issues.reject('value-missing', { column: RPPS_COLUMNS.id }, RPPS_COLUMNS.id);
  if (!/^[0-9A-Za-z]+$/.test(id)) return issues.reject('value-invalid', { column: RPPS_COLUMNS.id, raw: shape(id) }, RPPS_COLUMNS.id);

  sink.row(TABLE, line.number, [
    // The care database's Professionnel_de_sante."Identifiant" is pseudonymised from the same text,
    // leading zeros kept, so that consultations join their professional's places.
    ctx.pseudonymiser.pseudonym('professional', id),
    issues.optional(RPPS_COLUMNS.idType, value('idType'), (t) => ID_TYPES[fold(t)] ?? null, 'code-invalid'),
    value('professionCode') || null,
    value('profession') || null,
    practiceMode(value('modeCode'), value('modeLabel'), issues),
    issues.optional(RPPS_COLUMNS.finessSite, value('finessSite'), normaliseFiness, 'code-invalid'),
    issues.optional(RPPS_COLUMNS.finessEj, value('finessEj'), normaliseFiness, 'code-invalid'),
    issues.optional(RPPS_COLUMNS.commune, value('commune'), normaliseCommuneCode, 'code-invalid'),
    // An activity without a readable start still links the professional to the place.
    issues.optional(RPPS_COLUMNS.start, value('start'), parseDate, 'date-unparseable'),
    issues.optional(RPPS_COLUMNS.end, value('end'), parseDate, 'date-unparseable'),
  ]);
}

/** The code decides when present; a label alone (`Salarié`, `Libéral`, `Mixte`) also does. */
function practiceMode(code: string, label: string, issues: LineIssues): string | null {
  if (code !== '') return issues.optional(RPPS_COLUMNS.modeCode, code, (t) => PRACTICE_MODES[fold(t)] ?? null, 'code-invalid');
  return issues.optional(RPPS_COLUMNS.modeLabel, label, (t) => PRACTICE_MODES[fold(t)] ?? null, 'code-invalid');
}

/**
 * The line as kept in quarantine: every line of the extract names a professional (and may give
 * a phone or an e-mail), which must not reach the warehouse. Only the columns read are kept, the
 * identifier as its pseudonym; a line with too many fields may be shifted, so none of it is kept
 * but its shape.
 */
function redact(fields: string[], header: Header, ctx: ReaderContext): string {
  if (fields.length > header.width) return shape(fields.join('|'));
  const idIndex = header.columns.id!;
  return fields
    .map((field, i) => {
      if (i === idIndex && field.trim() !== '') return ctx.pseudonymiser.pseudonym('professional', field.trim());
      return header.kept.has(i) || field === '' ? field : '*';
    })
    .join('|');
}

/** Letters as `A`, digits as `9`: what a value looked like, without the value. */
function shape(text: string): string {
  return text.replace(/\p{L}/gu, 'A').replace(/\p{N}/gu, '9');
}
