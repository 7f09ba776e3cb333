import { join } from 'node:path';
import { compact, iso } from '../calendar.ts';
import type { FinessKind } from '../catalogues.ts';
import { truncateFields, type Dirt } from '../dirt.ts';
import type { GroundTruth } from '../ground-truth.ts';
import { fold, type Establishment, type Hospital } from '../model.ts';
import { sample } from '../random.ts';
import { encodeSingleByte, TextFileWriter } from './text-file.ts';

/** FINESS writes the overseas départements with a letter (`9A` + `101` is COG `97101`). */
const OVERSEAS: Record<string, string> = { '971': '9A', '972': '9B', '973': '9C', '974': '9D', '975': '9E', '976': '9F' };

const FUNDING: Partial<Record<FinessKind, [mft: string, mftLabel: string, sph: string, sphLabel: string]>> = {
  public: ['03', 'ARS établissements Publics de santé dotation globale', '1', 'Etablissement public de santé'],
  espic: ['04', 'ARS établissements de santé PSPH dotation globale', '2', "Etablissement de santé privé d'intérêt collectif"],
  private: ['07', 'ARS établissements de santé privés à but lucratif', '3', 'Etablissement de santé privé'],
  'medico-social': ['41', 'ARS / Conseil Départemental tarif global', '', ''],
};

function finessFileName(hospital: Hospital): string {
  return join('finess', `etalab-cs1100507-stock-${compact(hospital.snapshotDay)}.csv`);
}

/**
 * The FINESS `etalab` extract: ISO-8859-1, a header line, every `structureet` line, then every
 * `geolocalisation` line (docs/raw-zone.md). The group's sites are never made dirty: the KPIs
 * need their names.
 */
export function writeFiness(outDir: string, hospital: Hospital, dirt: Dirt, truth: GroundTruth): string {
  const file = new TextFileWriter(join(outDir, finessFileName(hospital)), 'latin1');
  const rng = hospital.rng('dirt-finess');
  const establishments = [...hospital.establishments].sort((a, b) => (a.finessEt < b.finessEt ? -1 : 1));
  const others = establishments.filter((e) => !e.site);
  const truncated = new Set(sample(rng, others, dirt.atLeastOne(others.length, 'finessTruncated', 2)));
  const accented = others.filter((e) => /[^\x00-\x7f]/.test(e.longName) && !truncated.has(e));
  const utf8Names = new Set(sample(rng, accented, dirt.atLeastOne(accented.length, 'finessUtf8Name')));
  const brokenGeolocation = sample(rng, others, Math.min(1, truncated.size))[0];

  file.line(`finess;etalab;${100 + hospital.options.toYear - 2015};${iso(hospital.snapshotDay)}`);
  let structures = 0;
  for (const e of establishments) {
    const fields = structureFields(hospital, e);
    structures += 1;
    if (truncated.has(e)) {
      const text = truncateFields(fields.join(';'), ';', rng.int(5, fields.length - 3));
      const line = file.line(text);
      truth.add('finess', { file: file.path, table: 'etablissement', line, key: null, field: null, raw: text, outcome: 'quarantine', code: 'field-count', expected: {} });
    } else if (utf8Names.has(e)) {
      // An export tool that wrote one name in UTF-8 inside the Latin-1 file: readers see mojibake.
      const bytes = Buffer.concat(fields.flatMap((f, i) => [i === 4 ? Buffer.from(f, 'utf8') : encodeSingleByte(f, 'latin1'), Buffer.from(i < fields.length - 1 ? ';' : '')]));
      const line = file.bytes(bytes);
      const seen = new TextDecoder('windows-1252').decode(Buffer.from(fields[4], 'utf8'));
      truth.add('finess', { file: file.path, table: 'etablissement', line, key: null, field: 'rslongue', raw: seen, outcome: 'repair', code: 'encoding-mixed', expected: { long_name: e.longName } });
    } else {
      file.line(fields.join(';'));
    }
  }
  for (const e of establishments) {
    const c = e.coordinates;
    const fields = ['geolocalisation', e.finessEt, c.x.toFixed(1), c.y.toFixed(1), `1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,${c.projection}`, iso(e.updatedOn)];
    if (e === brokenGeolocation) {
      const text = truncateFields(fields.join(';'), ';', 3);
      const line = file.line(text);
      truth.add('finess', { file: file.path, table: 'geolocalisation', line, key: null, field: null, raw: text, outcome: 'quarantine', code: 'field-count', expected: {} });
    } else {
      file.line(fields.join(';'));
    }
  }
  file.close();
  truth.wrote('finess', 'etablissement', structures, file.path);
  truth.wrote('finess', 'geolocalisation', establishments.length, file.path);
  return file.path;
}

function structureFields(hospital: Hospital, e: Establishment): string[] {
  const c = e.commune;
  const departement = OVERSEAS[c.departement] ?? c.departement;
  const funding = FUNDING[e.category.kind] ?? ['', '', '', ''];
  const departementName = hospital.geography.departementNames.get(c.departement) ?? '';
  return [
    'structureet',
    e.finessEt,
    e.finessEj,
    e.name,
    e.longName,
    '',
    '',
    e.street.number,
    e.street.typeCode,
    e.street.name,
    '',
    '',
    // The commune number within the département: `053` of `01053`, `004` of `2A004`, `101` of `97101`.
    c.code.slice(2),
    departement,
    departementName.toUpperCase(),
    `${c.postalCodes[0]} ${fold(c.name).replace(/[-']/g, ' ')}`,
    e.phone,
    e.fax,
    e.category.code,
    e.category.label,
    e.category.groupCode,
    e.category.groupLabel,
    e.siret,
    e.category.ape,
    funding[0],
    funding[1],
    funding[2],
    funding[3],
    iso(e.openedOn),
    iso(e.authorisedOn),
    iso(e.updatedOn),
    '',
  ];
}
