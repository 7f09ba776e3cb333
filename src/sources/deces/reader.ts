import { classifyFirstLine, csvFields, type CsvLayout } from './csv-variant.ts';
import { fixedWidthFields } from './fixed-width.ts';
import { DECES_FIELDS, decesTable, RECORD_LENGTH } from './layout.ts';
import { deathRow, LineIssues } from './record.ts';
import { redactCsvLine, redactFixedLine } from './redact.ts';
import { fileSize, readLines } from '../text/lines.ts';
import type { SourceReader } from '../types.ts';
import { UserError } from '../../cli/command.ts';

const TABLE = decesTable.name;

export const decesReader: SourceReader = {
  source: 'deces',
  describe: 'INSEE death registry (fixed-width 200-character lines, or the quoted CSV variant)',
  mode: 'append',
  tables: [decesTable],
  async read(input, sink, ctx) {
    if (input.kind !== 'file') throw new UserError('the deces source reads files (--file)');
    const total = fileSize(input.path);
    const issues = new LineIssues(sink);
    // Decided by the first non-blank line: undefined before it, null for fixed width.
    let csv: CsvLayout | null | undefined;
    // INSEE files before 2020 are ISO-8859-1, later ones UTF-8, and concatenations mix both:
    // readLines falls back to windows-1252 line by line.
    for await (const line of readLines(input.path, { encoding: 'utf-8' })) {
      if (line.number % 8192 === 0) sink.progress(line.bytesRead, total);
      const text = line.text;
      if (isBlank(text)) continue;
      if (csv === undefined) {
        const first = classifyFirstLine(text, line.binary);
        if (first.kind === 'unknown-header') {
          throw new UserError(
            `${input.path}, line ${line.number}: header does not match the death registry layouts ` +
              `(expected a ${RECORD_LENGTH}-character NOM*PRENOMS/ record or the CSV header ${DECES_FIELDS.join(';')}, ` +
              `found ${first.columns.join(';').slice(0, 200)})`,
          );
        }
        csv = first.kind === 'csv' ? first.layout : null;
        const layout = csv;
        issues.redact = layout === null ? redactFixedLine : (t) => redactCsvLine(t, layout);
        if (csv !== null) continue;
      }
      sink.read(TABLE);
      issues.line = line.number;
      issues.text = text;
      if (line.binary) {
        issues.reject('binary-content', {});
        continue;
      }
      const fields = csv === null ? fixedWidthFields(text, issues) : csvFields(text, csv, issues);
      if (fields === null) continue;
      const values = deathRow(fields, issues, ctx.pseudonymiser);
      if (values !== null) sink.row(TABLE, line.number, values);
    }
    if (csv === undefined) throw new UserError(`${input.path}: empty file (no death record and no header)`);
    sink.progress(total, total);
  },
};

/** Blank lines (a trailing one, padding between concatenated files) hold no record. */
function isBlank(text: string): boolean {
  if (text.length === 0) return true;
  const c = text.charCodeAt(0);
  return (c === 32 || c === 9) && text.trim() === '';
}
