import { join } from 'node:path';
import { deathLinkId } from '../../identity/pseudonymiser.ts';
import { compact } from '../calendar.ts';
import type { Dirt, Written } from '../dirt.ts';
import type { GroundTruth } from '../ground-truth.ts';
import { DEATH_FILE_YEARS, fold, latin1Safe, type DeathRecord, type Hospital } from '../model.ts';
import { sample } from '../random.ts';
import { encodeSingleByte, TextFileWriter, type FileEncoding } from './text-file.ts';

interface DeathFile {
  path: string;
  encoding: FileEncoding;
  format: 'fixed' | 'csv';
}

/** INSEE switched its files to UTF-8 in 2020; the CSV variant is what data.gouv.fr serves besides. */
const FILES: Record<number, DeathFile> = {
  2019: { path: join('deces', 'deces-2019.txt'), encoding: 'latin1', format: 'fixed' },
  2020: { path: join('deces', 'deces-2020.txt'), encoding: 'utf-8', format: 'fixed' },
  2021: { path: join('deces', 'deces-2021.csv'), encoding: 'utf-8', format: 'csv' },
};

const CSV_HEADER = '"nomprenom";"sexe";"datenaiss";"lieunaiss";"commnaiss";"paysnaiss";"datedeces";"lieudeces";"actedeces"';
const RECORD_LENGTH = 200;
/** Deaths in the national file per patient of the group and per year (France: ~600 000 a year). */
const NATIONAL_DEATHS_PER_PATIENT = 0.4;
const ACCENTED_SURNAMES = ['LEFÈVRE', 'GUÉRIN', 'MÉNARD', 'NOËL', 'BENOÎT', 'HÉBERT'];

/** A record of one file written again in the next: a late duplicate, or a correction of the death place. */
interface Carry {
  record: DeathRecord;
  of: { file: string; line: number };
  correctedPlace: string | null;
}

/**
 * The INSEE death files: national deaths spread over every region (and abroad), with the group's
 * patients who died among them under the same name, sex and birth date as in the care database.
 */
export function writeDeaths(outDir: string, hospital: Hospital, dirt: Dirt, truth: GroundTruth, patientDeaths: Map<number, DeathRecord[]>): string[] {
  const national = Math.round(hospital.options.patients * NATIONAL_DEATHS_PER_PATIENT);
  const paths: string[] = [];
  let carried: Carry[] = [];
  for (const year of DEATH_FILE_YEARS) {
    const spec = FILES[year];
    const file = new TextFileWriter(join(outDir, spec.path), spec.encoding);
    const relative = truth.path(file.path);
    if (spec.format === 'csv') file.line(CSV_HEADER);
    const hasNext = DEATH_FILE_YEARS.includes(year + 1);
    const next: Carry[] = [];
    const patients = patientDeaths.get(year) ?? [];
    const mixedEncoding = new Set(
      spec.encoding === 'utf-8' && spec.format === 'fixed'
        ? sample(hospital.rng(`death-encoding-${year}`), [...Array(national).keys()], dirt.atLeastOne(national, 'deathWrongEncoding'))
        : [],
    );
    // Patients' deaths and the previous file's carried records are spread evenly among the national ones.
    const slot = (i: number, count: number): number => Math.floor(((i + 1) * national) / (count + 1));
    let patientIndex = 0;
    let carryIndex = 0;
    const emitDue = (k: number): void => {
      for (; patientIndex < patients.length && (slot(patientIndex, patients.length) <= k || k === national); patientIndex++) {
        const record = patients[patientIndex];
        const line = file.line(format(record, compact(record.birth), compact(record.death), record.deathPlace, spec));
        truth.link(file.path, line, record.patientId!, deathLinkId(record.surname, record.givenNames[0], record.sex, compact(record.birth)));
      }
      for (; carryIndex < carried.length && (slot(carryIndex, carried.length) <= k || k === national); carryIndex++) {
        const { record, of, correctedPlace } = carried[carryIndex];
        const text = format(record, compact(record.birth), compact(record.death), correctedPlace ?? record.deathPlace, spec);
        const line = file.line(text);
        truth.add('deces', {
          file: file.path, table: 'deces', line, key: null, field: correctedPlace ? 'lieudeces' : null, raw: correctedPlace ?? text,
          ...(correctedPlace
            ? { outcome: 'duplicate', code: 'death-corrected', expected: { of, death_place_code: correctedPlace } }
            : { outcome: 'duplicate', code: 'duplicate-record', expected: { of } }),
        });
      }
    };
    for (let k = 0; k < national; k++) {
      let record = hospital.nationalDeath(year, k);
      const rng = hospital.rng(`dirt-death-${year}`, k);
      const birth = dirt.deathBirthDate(rng, record.birth);
      const death = dirt.deathDate(rng, record.death);
      const truncated = dirt.fires(rng, 'deathTruncated');
      const duplicate = dirt.fires(rng, 'deathDuplicate');
      const corrected = dirt.fires(rng, 'deathCorrected');
      if (mixedEncoding.has(k)) {
        // One line in Latin-1 inside a UTF-8 file: it must hold an accent for the bytes to differ.
        if (!/[^\x00-\x7f]/.test(record.surname.toUpperCase() + record.givenNames.join(' '))) record = { ...record, surname: rng.pick(ACCENTED_SURNAMES) };
        const text = latin1Safe(format(record, compact(record.birth), compact(record.death), record.deathPlace, spec));
        const line = file.bytes(encodeSingleByte(text, 'latin1'));
        truth.add('deces', {
          file: file.path, table: 'deces', line, key: null, field: 'nomprenom', raw: text.slice(0, 80).trimEnd(), outcome: 'repair', code: 'encoding-mixed',
          expected: { death_link_key: deathLinkId(record.surname, record.givenNames[0], record.sex, compact(record.birth)) },
        });
        continue;
      }
      const text = format(record, birth.text, death.text, record.deathPlace, spec);
      if (truncated) {
        const cut = truncate(text, spec, rng.int(5, 8), rng.int(90, 190));
        const line = file.line(cut);
        truth.add('deces', {
          file: file.path, table: 'deces', line, key: null, field: null, raw: cut, outcome: 'quarantine',
          code: spec.format === 'csv' ? 'field-count' : 'line-length', expected: {},
        });
      } else {
        const line = file.line(text);
        for (const [field, written] of [['datenaiss', birth], ['datedeces', death]] as [string, Written][]) {
          if (written.truth) truth.add('deces', { file: file.path, table: 'deces', line, key: null, field, raw: written.text, ...written.truth });
        }
        if (hasNext && !birth.truth && !death.truth && (duplicate || corrected)) {
          let correctedPlace: string | null = null;
          while (!duplicate && (correctedPlace === null || correctedPlace === record.deathPlace)) correctedPlace = hospital.geography.pick(rng).code;
          next.push({ record, of: { file: relative, line }, correctedPlace });
        }
      }
      emitDue(k);
    }
    emitDue(national);
    file.close();
    truth.wrote('deces', 'deces', file.lineCount - (spec.format === 'csv' ? 1 : 0), file.path);
    paths.push(file.path);
    carried = next;
  }
  return paths;
}

function format(record: DeathRecord, birth: string, death: string, deathPlace: string, spec: DeathFile): string {
  // INSEE wrote plain upper-case ASCII names until its files became UTF-8.
  const latin = spec.encoding === 'latin1';
  const upper = (text: string): string => (latin ? fold(text) : text.toUpperCase());
  const name = `${upper(record.surname)}*${upper(record.givenNames.join(' '))}/`;
  const birthName = latin ? latin1Safe(record.birthPlace.name) : record.birthPlace.name;
  const sex = record.sex === 'M' ? '1' : '2';
  if (spec.format === 'csv') {
    return [name, sex, birth, record.birthPlace.code, birthName, record.birthPlace.country, death, deathPlace, record.recordNumber]
      .map((v) => `"${v}"`)
      .join(';');
  }
  return (
    fit(name, 80) + sex + fit(birth, 8) + fit(record.birthPlace.code, 5) + fit(birthName, 30) + fit(record.birthPlace.country, 30) +
    fit(death, 8) + fit(deathPlace, 5) + fit(record.recordNumber, 9)
  ).padEnd(RECORD_LENGTH, ' ');
}

function fit(text: string, width: number): string {
  return text.length > width ? text.slice(0, width) : text.padEnd(width, ' ');
}

/** A record cut short: fields missing from a CSV line, or a fixed-width line ending early (never 200 characters nor 200 bytes). */
function truncate(text: string, spec: DeathFile, keepFields: number, keepChars: number): string {
  if (spec.format === 'csv') return text.split(';').slice(0, keepFields).join(';');
  let cut = text.slice(0, keepChars).trimEnd();
  while (Buffer.byteLength(cut) === RECORD_LENGTH) cut = cut.slice(0, -1);
  return cut;
}
