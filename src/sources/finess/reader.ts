import { LineIssues } from '../line-issues.ts';
import { repairUtf8Field } from './mixed-encoding.ts';
import { cogCommune, cogDepartement, departementOfCommune, normaliseFiness } from '../normalise/codes.ts';
import {
  EPSG_PROJECTIONS,
  GEOLOCALISATION_AT,
  GEOLOCALISATION_FIELDS,
  HEADER_TAG,
  STRUCTURE_AT,
  STRUCTURE_FIELDS,
  etablissementTable,
  geolocalisationTable,
} from './layout.ts';
import { parseDecimal } from '../normalise/decimal.ts';
import { parseDate } from '../normalise/dates.ts';
import { splitDelimited } from '../text/delimited.ts';
import { fileSize, readLines, type TextLine } from '../text/lines.ts';
import type { BatchSink, RawValue, SourceReader } from '../types.ts';
import { UserError } from '../../cli/command.ts';

const ETABLISSEMENT = etablissementTable.name;
const GEOLOCALISATION = geolocalisationTable.name;

export const finessReader: SourceReader = {
  source: 'finess',
  describe: 'FINESS establishment directory, etalab extract (;-separated, ISO-8859-1, structureet and geolocalisation lines)',
  mode: 'snapshot',
  tables: [etablissementTable, geolocalisationTable],
  async read(input, sink) {
    if (input.kind !== 'file') throw new UserError('the finess source reads files (--file)');
    const total = fileSize(input.path);
    let headerSeen = false;
    // The extract is single-byte, but lines that went through a UTF-8 tool come back as valid
    // UTF-8: the UTF-8-first decoding keeps those right and falls back to windows-1252 for the rest.
    for await (const line of readLines(input.path, { encoding: 'utf-8' })) {
      if (!headerSeen) {
        checkHeader(input.path, line);
        headerSeen = true;
        continue;
      }
      if (line.number % 8192 === 0) sink.progress(line.bytesRead, total);
      if (line.text.trim() === '') continue;
      readRecord(line, sink);
    }
    if (!headerSeen) throw new UserError(`${input.path}: empty file (no "finess;etalab;…" header line)`);
    sink.progress(total, total);
  },
};

function checkHeader(path: string, line: TextLine): void {
  const fields = line.text.split(';').map((f) => f.trim().toLowerCase());
  if (line.binary || HEADER_TAG.some((tag, i) => fields[i] !== tag)) {
    const found = line.binary ? 'binary content' : `"${line.text.slice(0, 120)}"`;
    throw new UserError(`${path}, line 1: not a FINESS etalab extract (expected "finess;etalab;<version>;<date>", found ${found})`);
  }
}

function readRecord(line: TextLine, sink: BatchSink): void {
  const fields = splitDelimited(line.text, ';');
  const kind = (fields?.[0] ?? line.text.split(';')[0]).trim().toLowerCase();
  const table = kind === 'geolocalisation' ? GEOLOCALISATION : ETABLISSEMENT;
  sink.read(table);
  const issues = new LineIssues(sink, line, table);
  if (line.binary) return issues.reject('binary-content', {});
  if (fields === null) return issues.reject('quote-unclosed', {});
  if (kind !== 'structureet' && kind !== 'geolocalisation') {
    return issues.reject('value-invalid', { column: 'record type', raw: fields[0] }, 'record type');
  }
  const layout = kind === 'structureet' ? STRUCTURE_FIELDS : GEOLOCALISATION_FIELDS;
  if (fields.length !== layout.length) return issues.reject('field-count', { expected: layout.length, actual: fields.length });
  // A line that is not UTF-8 as a whole may still hold a field a tool wrote in UTF-8.
  const repair = line.encoding === 'windows-1252' ? repairUtf8Field : (text: string) => text;
  const values = fields.map((field) => repair(field.trim()));
  // nofinesset is the second field of both layouts.
  const finessEt = values[STRUCTURE_AT.nofinesset];
  if (finessEt === '') return issues.reject('value-missing', { column: 'nofinesset' }, 'nofinesset');
  const et = normaliseFiness(finessEt);
  if (et === null) return issues.reject('code-invalid', { column: 'nofinesset', raw: finessEt }, 'nofinesset');
  sink.row(table, line.number, kind === 'structureet' ? etablissement(et, values, issues) : geolocalisation(et, values, issues));
}

function etablissement(finessEt: string, values: string[], issues: LineIssues): RawValue[] {
  const f = (name: keyof typeof STRUCTURE_AT) => values[STRUCTURE_AT[name]];
  const place = commune(f('departement'), f('commune'), issues);
  return [
    finessEt,
    issues.optional('nofinessej', f('nofinessej'), normaliseFiness, 'code-invalid'),
    f('rs') || null,
    f('rslongue') || null,
    place.commune,
    place.departement,
    f('categetab') || null,
    f('libcategetab') || null,
    f('categagretab') || null,
    f('libcategagretab') || null,
    issues.optional('siret', f('siret'), (t) => (/^\d{14}$/.test(t) ? t : null), 'code-invalid'),
    issues.optional('codeape', f('codeape'), (t) => (/^\d{2}\.?\d{2}[A-Z]$/i.test(t) ? t.replace('.', '').toUpperCase() : null), 'code-invalid'),
    issues.optional('dateouv', f('dateouv'), parseDate, 'date-unparseable'),
    issues.optional('datemaj', f('datemaj'), parseDate, 'date-unparseable'),
  ];
}

function commune(departementText: string, communeText: string, issues: LineIssues): { commune: string | null; departement: string | null } {
  const departement = issues.optional('departement', departementText, cogDepartement, 'code-invalid');
  if (departement === null) return { commune: null, departement: null };
  const code = issues.optional('commune', communeText, (t) => cogCommune(departement, t), 'code-invalid');
  // Saint-Barthélemy and Saint-Martin are filed under Guadeloupe but have their own COG département.
  return { commune: code, departement: code === null ? departement : departementOfCommune(code) };
}

function geolocalisation(finessEt: string, values: string[], issues: LineIssues): RawValue[] {
  const f = (name: keyof typeof GEOLOCALISATION_AT) => values[GEOLOCALISATION_AT[name]];
  return [
    finessEt,
    issues.optional('coordxet', f('coordxet'), parseDecimal, 'number-unparseable'),
    issues.optional('coordyet', f('coordyet'), parseDecimal, 'number-unparseable'),
    projectionOf(f('sourcecoordet')),
    f('sourcecoordet') || null,
    issues.optional('datemaj', f('datemaj'), parseDate, 'date-unparseable'),
  ];
}

/** The projection closes `sourcecoordet` (`1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93`). */
export function projectionOf(source: string): string | null {
  const last = source.split(',').at(-1)!.trim();
  const epsg = /^EPSG:(\d+)/i.exec(last);
  if (epsg) return EPSG_PROJECTIONS[epsg[1]] ?? last;
  return last === '' ? null : last;
}
