import { join } from 'node:path';
import { french } from '../calendar.ts';
import { PROFESSIONS } from '../catalogues.ts';
import type { Dirt } from '../dirt.ts';
import type { GroundTruth } from '../ground-truth.ts';
import type { Activity, Hospital } from '../model.ts';
import { TextFileWriter } from './text-file.ts';

const RPPS_FILE = join('rpps', 'PS_LibreAcces_Personne_activite.txt');

const HEADER =
  "Type d'identifiant PP|Identifiant PP|Identification nationale PP|Code civilité d'exercice|Libellé civilité d'exercice|" +
  "Nom d'exercice|Prénom d'exercice|Code profession|Libellé profession|Code mode exercice|Libellé mode exercice|" +
  'Numéro FINESS site|Numéro FINESS établissement juridique|Raison sociale site|Code commune (coord. structure)|' +
  'Date début activité|Date fin activité|';

/** National professionals who never work for the group, per professional of the group. */
const NATIONAL_PER_GROUP_PROFESSIONAL = 3;

interface Person {
  id: string;
  idType: 'RPPS' | 'ADELI';
  civility: string;
  surname: string;
  firstName: string;
  profession: string;
  activities: Activity[];
}

/**
 * The RPPS "Annuaire Santé" extract of places of activity: `|`-separated UTF-8, one line per
 * professional and place, the group's professionals (salaried at a site, liberal, several sites,
 * or absent) interleaved with professionals of the whole country.
 */
export function writeRpps(outDir: string, hospital: Hospital, dirt: Dirt, truth: GroundTruth): string {
  const file = new TextFileWriter(join(outDir, RPPS_FILE), 'utf-8');
  file.line(HEADER);
  const write = (person: Person): void => {
    for (const activity of person.activities) {
      const rng = hospital.rng('dirt-rpps', file.lineCount);
      const idMissing = dirt.fires(rng, 'rppsIdMissing');
      const start = dirt.rppsDate(rng, activity.start);
      const id = idMissing ? '' : person.id;
      const typeCode = person.idType === 'RPPS' ? '8' : '0';
      const doctor = person.civility === 'Dr' || person.civility === 'Pr';
      const fields = [
        typeCode,
        id,
        idMissing ? '' : typeCode + person.id,
        doctor ? person.civility.toUpperCase() : '',
        doctor ? (person.civility === 'Pr' ? 'Professeur' : 'Docteur') : '',
        person.surname.toUpperCase(),
        person.firstName,
        person.profession,
        PROFESSIONS[person.profession as keyof typeof PROFESSIONS],
        activity.mode,
        activity.mode === 'S' ? 'Salarié' : 'Libéral',
        activity.site?.finessEt ?? '',
        activity.site?.finessEj ?? '',
        activity.site?.longName ?? (activity.mode === 'L' ? 'CABINET MÉDICAL' : ''),
        activity.commune.code,
        start.text,
        activity.end === null ? '' : french(activity.end),
      ];
      const text = fields.join('|') + '|';
      const line = file.line(text);
      if (idMissing) {
        truth.add('rpps', { file: file.path, table: 'activite', line, key: null, field: 'Identifiant PP', raw: text, outcome: 'quarantine', code: 'value-missing', expected: {} });
      } else if (start.truth) {
        truth.add('rpps', { file: file.path, table: 'activite', line, key: null, field: 'Date début activité', raw: start.text, ...start.truth });
      }
    }
  };
  let national = 0;
  for (const p of hospital.professionals) {
    write({ ...p, profession: p.specialty.profession });
    for (let i = 0; i < NATIONAL_PER_GROUP_PROFESSIONAL; i++) write(hospital.nationalProfessional(national++));
  }
  file.close();
  truth.wrote('rpps', 'activite', file.lineCount - 1, file.path);
  return file.path;
}
