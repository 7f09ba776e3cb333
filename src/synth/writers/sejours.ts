import { join } from 'node:path';
import { pad } from '../calendar.ts';
import { withoutDot } from '../cim10.ts';
import { truncateFields, type Dirt, type Written } from '../dirt.ts';
import type { GroundTruth } from '../ground-truth.ts';
import { latin1Safe, type Care, type Hospital, type Patient } from '../model.ts';
import { Scrambler } from '../random.ts';
import { TextFileWriter } from './text-file.ts';

export const SEJOURS_FILE = join('sejours', 'hospitalisations.csv');

const HEADER = 'Num_Hospitalisation;Id_patient;identifiant_organisation;Code_diagnostic;Suite_diagnostic_consultation;Date_Entree;Jour_Hospitalisation';
const FIELDS = HEADER.split(';').length;

/** CIM-10 codes absent from the care database's `Diagnostic` table, as the stays file writes them. */
const UNKNOWN_CODES = ['U999', 'E919', 'K945', 'D899'];

/**
 * The stays export: `;`-separated ASCII, no quoting (the label keeps its commas), establishment
 * as `F` + FINESS, codes without dot, dates `DD/MM/YYYY`, as the real file (shared/data/real).
 */
export class SejoursWriter {
  private readonly file: TextFileWriter;
  private readonly ids: Scrambler;
  private stays = 0;

  constructor(
    outDir: string,
    private readonly hospital: Hospital,
    private readonly dirt: Dirt,
    private readonly truth: GroundTruth,
  ) {
    this.file = new TextFileWriter(join(outDir, SEJOURS_FILE), 'latin1');
    this.file.line(HEADER);
    // Stay numbers look random but never repeat: at most six stays per patient, hence the size.
    this.ids = new Scrambler(6 * hospital.options.patients + 100, hospital.rng('stay-numbers'));
  }

  patient(patient: Patient, care: Care): void {
    for (const stay of care.stays) {
      const n = ++this.stays;
      const rng = this.hospital.rng('dirt-stay', n);
      const truncated = this.dirt.fires(rng, 'stayTruncated');
      const duplicate = this.dirt.fires(rng, 'stayDuplicate');
      const unknownCode = this.dirt.fires(rng, 'stayUnknownCode');
      const suffixed = this.dirt.fires(rng, 'stayFinessSuffix');
      const date = this.dirt.stayDate(rng, stay.day);
      const length = this.dirt.stayLength(rng, stay.lengthOfStay);
      const stayId = String(this.ids.map(n) + 1);
      const finess = stay.site.finessEt;
      const organisation: Written = suffixed
        ? { text: `F${finess}${pad(rng.int(1, 28))}${pad(rng.int(1, 12))}${rng.int(1995, 2012)}`, truth: { outcome: 'repair', code: 'finess-suffix', expected: { finess } } }
        : { text: `F${finess}`, truth: null };
      const code: Written = unknownCode
        ? { text: rng.pick(UNKNOWN_CODES), truth: { outcome: 'repair', code: 'fk-missing', expected: {} } }
        : { text: withoutDot(stay.diagnosis.code), truth: null };
      const fields: [string, Written][] = [
        ['Num_Hospitalisation', { text: stayId, truth: null }],
        ['Id_patient', { text: String(patient.id), truth: null }],
        ['identifiant_organisation', organisation],
        ['Code_diagnostic', code],
        ['Suite_diagnostic_consultation', { text: ascii(stay.diagnosis.label), truth: null }],
        ['Date_Entree', date],
        ['Jour_Hospitalisation', length],
      ];
      const whole = fields.map(([, w]) => w.text).join(';');
      const key = { Num_Hospitalisation: Number(stayId) };
      if (truncated) {
        const text = truncateFields(whole, ';', rng.int(3, FIELDS - 1));
        const line = this.file.line(text);
        this.add(line, key, null, text, { outcome: 'quarantine', code: 'field-count', expected: {} });
        continue;
      }
      const line = this.file.line(whole);
      // A rejected line is rejected once, for its first unreadable field, in file order.
      const rejected = fields.find(([, w]) => w.truth?.outcome === 'quarantine');
      for (const [field, w] of rejected ? [rejected] : fields) if (w.truth) this.add(line, key, field, w.text, w.truth);
      if (duplicate && !rejected) {
        const copy = this.file.line(whole);
        this.add(copy, key, null, whole, { outcome: 'duplicate', code: 'duplicate-row', expected: { of: { file: this.truth.path(this.file.path), line } } });
      }
    }
  }

  close(): void {
    this.file.close();
    this.truth.wrote('sejours', 'sejour', this.file.lineCount - 1, this.file.path);
  }

  private add(line: number, key: Record<string, number>, field: string | null, raw: string, truth: NonNullable<Written['truth']>): void {
    this.truth.add('sejours', { file: this.file.path, table: 'sejour', line, key, field, raw, ...truth });
  }
}

/** The export strips accents (`Lymphome blastique e cellules NK`): plain ASCII, commas kept. */
function ascii(text: string): string {
  return latin1Safe(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}
