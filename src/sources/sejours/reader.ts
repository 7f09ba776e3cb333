import { SEJOURS_HEADER, sejourTable } from './layout.ts';
import { LineIssues } from '../line-issues.ts';
import { normaliseCim10 } from '../normalise/cim10.ts';
import { normaliseFiness } from '../normalise/codes.ts';
import { parseDate } from '../normalise/dates.ts';
import { fileSize, readLines } from '../text/lines.ts';
import { splitDelimited } from '../text/delimited.ts';
import type { SourceReader } from '../types.ts';
import { UserError } from '../../cli/command.ts';

const TABLE = sejourTable.name;

export const sejoursReader: SourceReader = {
  source: 'sejours',
  describe: 'hospital stays export (CSV, ;-separated, one row per stay)',
  mode: 'append',
  tables: [sejourTable],
  async read(input, sink, ctx) {
    if (input.kind !== 'file') throw new UserError('the sejours source reads files (--file)');
    const total = fileSize(input.path);
    let header: string[] | null = null;
    for await (const line of readLines(input.path, { encoding: 'utf-8' })) {
      if (header === null) {
        header = line.text.split(';').map((h) => h.trim());
        if (SEJOURS_HEADER.some((name, i) => header![i] !== name)) {
          throw new UserError(
            `${input.path}, line 1: header does not match the stays export layout ` +
              `(expected ${SEJOURS_HEADER.join(';')}, found ${line.text.slice(0, 200)})`,
          );
        }
        continue;
      }
      if (line.number % 8192 === 0) sink.progress(line.bytesRead, total);
      if (line.text.trim() === '') continue;
      sink.read(TABLE);
      const issues = new LineIssues(sink, line, TABLE);
      if (line.binary) {
        issues.reject('binary-content', {});
        continue;
      }
      const fields = splitDelimited(line.text, ';', false)!;
      if (fields.length !== SEJOURS_HEADER.length) {
        issues.reject('field-count', { expected: SEJOURS_HEADER.length, actual: fields.length });
        continue;
      }
      const [stayText, patientText, orgText, diagText, label, dateText, losText] = fields.map((f) => f.trim());
      if (!/^\d+$/.test(stayText)) {
        issues.reject('number-unparseable', { column: 'Num_Hospitalisation', raw: stayText }, 'Num_Hospitalisation');
        continue;
      }
      if (!/^\d+$/.test(patientText)) {
        issues.reject('value-invalid', { column: 'Id_patient', raw: patientText }, 'Id_patient');
        continue;
      }
      const finess = finessOfOrganisation(orgText);
      if (!finess) {
        issues.reject('code-invalid', { column: 'identifiant_organisation', raw: orgText }, 'identifiant_organisation');
        continue;
      }
      const diagnosis = normaliseCim10(diagText);
      if (!diagnosis) {
        issues.reject('code-invalid', { column: 'Code_diagnostic', raw: diagText }, 'Code_diagnostic');
        continue;
      }
      const admission = parseDate(dateText);
      if (!admission) {
        issues.reject('date-unparseable', { column: 'Date_Entree', raw: dateText }, 'Date_Entree');
        continue;
      }
      if (!/^-?\d+$/.test(losText)) {
        issues.reject('number-unparseable', { column: 'Jour_Hospitalisation', raw: losText }, 'Jour_Hospitalisation');
        continue;
      }
      if (losText.startsWith('-')) {
        issues.reject('value-invalid', { column: 'Jour_Hospitalisation', raw: losText }, 'Jour_Hospitalisation');
        continue;
      }
      sink.row(TABLE, line.number, [
        Number(stayText),
        ctx.pseudonymiser.pseudonym('patient', patientText),
        finess,
        diagnosis,
        label,
        admission,
        Number(losText),
      ]);
    }
    if (header === null) throw new UserError(`${input.path}: empty file (no header line)`);
    sink.progress(total, total);
  },
};

/**
 * The export writes establishments as `F` + 9-character FINESS (`F010000107`, `F2A0000123`), and a
 * few rows carry a date-like suffix after it (`F30001086501012007`): the FINESS is the 9 characters after `F`.
 */
export function finessOfOrganisation(text: string): string | null {
  const match = /^F?([0-9A-Z]{9})(\d{8})?$/.exec(text.trim().toUpperCase());
  return match ? normaliseFiness(match[1]) : null;
}
