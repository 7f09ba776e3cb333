import { classifyFirstLine, csvFields, type CsvLayout, type FirstLine } from './csv-variant.ts';
import { fixedWidthFields } from './fixed-width.ts';
import { DECES_FIELDS, decesTable, RECORD_LENGTH } from './layout.ts';
import { PlainRecords } from './plain-record.ts';
import { deathRow, LineIssues } from './record.ts';
import { redactCsvLine, redactFixedLine } from './redact.ts';
import { decodeLine, fileSize, readLines, scanLineBytes, type ByteRange } from '../text/lines.ts';
import type { BatchSink, ReaderContext, SourceReader } from '../types.ts';
import { UserError } from '../../cli/command.ts';

const TABLE = decesTable.name;

export const decesReader: SourceReader = {
  source: 'deces',
  describe: 'INSEE death registry (fixed-width 200-character lines, or the quoted CSV variant)',
  mode: 'append',
  tables: [decesTable],
  async read(input, sink, ctx) {
    if (input.kind !== 'file') throw new UserError('the deces source reads files (--file)');
    const first = await firstLine(input.path);
    if (first.kind === 'csv') await readCsv(input.path, first.layout, sink, ctx);
    else await readFixedWidth(input.path, { start: 0, end: fileSize(input.path) }, sink, ctx);
  },
  // Fixed-width lines stand alone, so a registry of tens of millions of lines is read in parallel segments.
  segments: {
    async plan(path) {
      return (await firstLine(path)).kind === 'fixed-width' ? { variant: 'fixed-width' } : null;
    },
    readSegment: (path, range, _plan, sink, ctx) => readFixedWidth(path, range, sink, ctx),
  },
};

/** The variant, told by the first non-blank line; a file with none, or with another kind of header, is refused. */
async function firstLine(path: string): Promise<Exclude<FirstLine, { kind: 'unknown-header' }>> {
  for await (const line of readLines(path, { encoding: 'utf-8' })) {
    if (isBlank(line.text)) continue;
    const first = classifyFirstLine(line.text, line.binary);
    if (first.kind === 'unknown-header') {
      throw new UserError(
        `${path}, line ${line.number}: header does not match the death registry layouts ` +
          `(expected a ${RECORD_LENGTH}-character NOM*PRENOMS/ record or the CSV header ${DECES_FIELDS.join(';')}, ` +
          `found ${first.columns.join(';').slice(0, 200)})`,
      );
    }
    return first;
  }
  throw new UserError(`${path}: empty file (no death record and no header)`);
}

/**
 * Fixed-width lines of `range`, numbered from 1 within it. INSEE files before 2020 are ISO-8859-1,
 * later ones UTF-8, and concatenations mix both: a line that is not plain ASCII is decoded as
 * UTF-8, or as windows-1252 when it is not valid UTF-8.
 */
async function readFixedWidth(path: string, range: ByteRange, sink: BatchSink, ctx: ReaderContext): Promise<number> {
  const issues = new LineIssues(sink);
  issues.redact = redactFixedLine;
  const plain = new PlainRecords(ctx.pseudonymiser);
  return scanLineBytes(
    path,
    range,
    (bytes, number) => {
      const values = plain.row(bytes);
      if (values !== null) {
        sink.read(TABLE);
        sink.row(TABLE, number, values);
        return;
      }
      const line = decodeLine(bytes, number, 'utf-8', 0);
      if (isBlank(line.text)) return;
      sink.read(TABLE);
      issues.line = number;
      issues.text = line.text;
      if (line.binary) {
        issues.reject('binary-content', {});
        return;
      }
      const fields = fixedWidthFields(line.text, issues);
      if (fields === null) return;
      const row = deathRow(fields, issues, ctx.pseudonymiser);
      if (row !== null) sink.row(TABLE, number, row);
    },
    (done) => sink.progress(done),
  );
}

/** The CSV variant: its header first (the first non-blank line), then one record a line. */
async function readCsv(path: string, layout: CsvLayout, sink: BatchSink, ctx: ReaderContext): Promise<void> {
  const total = fileSize(path);
  const issues = new LineIssues(sink);
  issues.redact = (text) => redactCsvLine(text, layout);
  let headerSeen = false;
  for await (const line of readLines(path, { encoding: 'utf-8' })) {
    if (line.number % 8192 === 0) sink.progress(line.bytesRead, total);
    const text = line.text;
    if (isBlank(text)) continue;
    if (!headerSeen) {
      headerSeen = true;
      continue;
    }
    sink.read(TABLE);
    issues.line = line.number;
    issues.text = text;
    if (line.binary) {
      issues.reject('binary-content', {});
      continue;
    }
    const fields = csvFields(text, layout, issues);
    if (fields === null) continue;
    const values = deathRow(fields, issues, ctx.pseudonymiser);
    if (values !== null) sink.row(TABLE, line.number, values);
  }
  sink.progress(total, total);
}

/** Blank lines (a trailing one, padding between concatenated files) hold no record. */
function isBlank(text: string): boolean {
  if (text.length === 0) return true;
  const c = text.charCodeAt(0);
  return (c === 32 || c === 9) && text.trim() === '';
}
