import { SEJOURS_HEADER, sejourTable } from './layout.ts';
import { LineIssues } from '../line-issues.ts';
import { normaliseCim10 } from '../normalise/cim10.ts';
import { normaliseFiness } from '../normalise/codes.ts';
import { parseDate } from '../normalise/dates.ts';
import { decodeLine, fileSize, readLines, scanLineBytes, type ByteRange, type TextLine } from '../text/lines.ts';
import { splitDelimited } from '../text/delimited.ts';
import type { BatchSink, ReaderContext, SourceReader } from '../types.ts';
import { PseudonymCache } from '../pseudonym-cache.ts';
import { UserError } from '../../cli/command.ts';

const TABLE = sejourTable.name;

export const sejoursReader: SourceReader = {
  source: 'sejours',
  describe: 'hospital stays export (CSV, ;-separated, one row per stay)',
  mode: 'append',
  tables: [sejourTable],
  async read(input, sink, ctx) {
    if (input.kind !== 'file') throw new UserError('the sejours source reads files (--file)');
    await checkHeader(input.path);
    await readStays(input.path, { start: 0, end: fileSize(input.path) }, sink, ctx);
  },
  // Rows stand alone once the header is checked: large exports are read in parallel segments.
  segments: {
    async plan(path) {
      await checkHeader(path);
      return {};
    },
    readSegment: (path, range, _plan, sink, ctx) => readStays(path, range, sink, ctx),
  },
};

async function checkHeader(path: string): Promise<void> {
  for await (const line of readLines(path, { encoding: 'utf-8' })) {
    const header = line.text.split(';').map((h) => h.trim());
    if (SEJOURS_HEADER.some((name, i) => header[i] !== name)) {
      throw new UserError(
        `${path}, line 1: header does not match the stays export layout ` +
          `(expected ${SEJOURS_HEADER.join(';')}, found ${line.text.slice(0, 200)})`,
      );
    }
    return;
  }
  throw new UserError(`${path}: empty file (no header line)`);
}

/** The stays of `range` (the header skipped when the range starts the file), numbered from 1 within it. */
async function readStays(path: string, range: ByteRange, sink: BatchSink, ctx: ReaderContext): Promise<number> {
  // Stays name the same patients again and again; an HMAC costs more than the rest of a row.
  const patients = new PseudonymCache(ctx.pseudonymiser, 'patient');
  return scanLineBytes(
    path,
    range,
    (bytes, number) => {
      if (range.start === 0 && number === 1) return;
      stay(decodeLine(bytes, number, 'utf-8', 0), sink, patients);
    },
    (done) => sink.progress(done),
  );
}

function stay(line: TextLine, sink: BatchSink, patients: PseudonymCache): void {
  if (line.text.trim() === '') return;
  sink.read(TABLE);
  const issues = new LineIssues(sink, line, TABLE);
  if (line.binary) {
    issues.reject('binary-content', {});
    return;
  }
  const fields = splitDelimited(line.text, ';', false)!;
  if (fields.length !== SEJOURS_HEADER.length) {
    issues.reject('field-count', { expected: SEJOURS_HEADER.length, actual: fields.length });
    return;
  }
  const [stayText, patientText, orgText, diagText, label, dateText, losText] = fields.map((f) => f.trim());
  if (!/^\d+$/.test(stayText)) {
    issues.reject('number-unparseable', { column: 'Num_Hospitalisation', raw: stayText }, 'Num_Hospitalisation');
    return;
  }
  if (!/^\d+$/.test(patientText)) {
    issues.reject('value-invalid', { column: 'Id_patient', raw: patientText }, 'Id_patient');
    return;
  }
  const finess = finessOfOrganisation(orgText);
  if (!finess) {
    issues.reject('code-invalid', { column: 'identifiant_organisation', raw: orgText }, 'identifiant_organisation');
    return;
  }
  const diagnosis = normaliseCim10(diagText);
  if (!diagnosis) {
    issues.reject('code-invalid', { column: 'Code_diagnostic', raw: diagText }, 'Code_diagnostic');
    return;
  }
  const admission = parseDate(dateText);
  if (!admission) {
    issues.reject('date-unparseable', { column: 'Date_Entree', raw: dateText }, 'Date_Entree');
    return;
  }
  if (!/^-?\d+$/.test(losText)) {
    issues.reject('number-unparseable', { column: 'Jour_Hospitalisation', raw: losText }, 'Jour_Hospitalisation');
    return;
  }
  if (losText.startsWith('-')) {
    issues.reject('value-invalid', { column: 'Jour_Hospitalisation', raw: losText }, 'Jour_Hospitalisation');
    return;
  }
  sink.row(TABLE, line.number, [Number(stayText), patients.get(patientText), finess, diagnosis, label, admission, Number(losText)]);
}

/**
 * The export writes establishments as `F` + 9-character FINESS (`F010000107`, `F2A0000123`), and a
 * few rows carry a date-like suffix after it (`F30001086501012007`): the FINESS is the 9 characters after `F`.
 */
export function finessOfOrganisation(text: string): string | null {
  const match = /^F?([0-9A-Z]{9})(\d{8})?$/.exec(text.trim().toUpperCase());
  return match ? normaliseFiness(match[1]) : null;
}
