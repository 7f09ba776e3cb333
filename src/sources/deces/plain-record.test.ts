import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixedWidthFields } from './fixed-width.ts';
import { PlainRecords } from './plain-record.ts';
import { deathRow, LineIssues } from './record.ts';
import { generateHospital } from '../../synth/generate.ts';
import { Rng } from '../../synth/random.ts';
import { decodeLine } from '../text/lines.ts';
import type { QuarantineRecord } from '../quarantine.ts';
import type { RawValue } from '../types.ts';
import { TestWarehouse } from '../../../test/support/workspace.ts';

/** What the general path makes of a line: its row (or null) and the issues it raised. */
function generalPath(bytes: Buffer, wh: TestWarehouse): { row: RawValue[] | null; issues: QuarantineRecord[] } {
  const issues: QuarantineRecord[] = [];
  const lineIssues = new LineIssues({ row: () => {}, issue: (i) => issues.push(i), read: () => {}, progress: () => {}, typedRows: () => {} });
  const line = decodeLine(bytes, 1, 'utf-8', 0);
  if (line.binary) return { row: null, issues: [{ code: 'binary-content' } as QuarantineRecord] };
  const fields = fixedWidthFields(line.text, lineIssues);
  return { row: fields === null ? null : deathRow(fields, lineIssues, wh.pseudonymiser), issues };
}

/** Edits that move a line across the fast path's boundary: each keeps or breaks one of its conditions. */
const EDITS: [name: string, edit: (line: Buffer, r: Rng) => Buffer][] = [
  ['lower-case and punctuated name', (l) => Buffer.concat([Buffer.from('de la  tour-d\'auvergne*jean-marie  paul/'.padEnd(80)), l.subarray(80)])],
  ['name without star', (l) => Buffer.concat([Buffer.from('DURAND JEAN/'.padEnd(80)), l.subarray(80)])],
  ['name without slash', (l) => Buffer.concat([Buffer.from('DURAND*JEAN MARC'.padEnd(80)), l.subarray(80)])],
  ['empty surname', (l) => Buffer.concat([Buffer.from('  *JEAN/'.padEnd(80)), l.subarray(80)])],
  ['digits for a surname', (l) => Buffer.concat([Buffer.from('123*JEAN/'.padEnd(80)), l.subarray(80)])],
  ['sex 0', (l) => put(l, 80, '0')],
  ['birth 0000', (l) => put(l, 81, '0000')],
  ['birth day 00', (l) => put(l, 87, '00')],
  ['birth month 00 with a day', (l) => put(l, 85, '0012')],
  ['birth 30 February', (l) => put(l, 81, '19520230')],
  ['birth with spaces', (l) => put(l, 81, '1952    ')],
  ['birth after death', (l) => put(l, 81, '20990101')],
  ['death day 00', (l) => put(l, 160, '00')],
  ['death year 0000', (l) => put(l, 154, '0000')],
  ['death 31 April', (l) => put(l, 154, '20190431')],
  ['no death place', (l) => put(l, 162, '     ')],
  ['no record number', (l) => put(l, 167, '         ')],
  ['trailing spaces', (l) => Buffer.concat([l, Buffer.from('   ')])],
  ['trailing tab', (l) => Buffer.concat([l, Buffer.from('\t')])],
  ['CR', (l) => Buffer.concat([l, Buffer.from('\r')])],
  ['one byte short', (l) => l.subarray(0, 199)],
  ['Latin-1 letter', (l) => put(l, 3, '\xc9', 'latin1')],
  ['Latin-1 commune', (l) => put(l, 100, '\xc9', 'latin1')],
  ['UTF-8 commune, 200 bytes', (l) => put(l, 100, 'È')],
  ['UTF-8 name, 200 bytes', (l) => put(l, 1, 'É')],
  ['Latin-1 no-break space in the country', (l) => put(l, 124, '\xa0', 'latin1')],
  ['UTF-8 no-break space in the death place', (l) => put(l, 162, '\u00a0')],
  ['UTF-8 letter', (l) => Buffer.concat([l.subarray(0, 3), Buffer.from('É'), l.subarray(3, 199)])],
  ['NUL byte', (l, r) => put(l, r.int(0, 199), '\0')],
  ['random byte', (l, r) => put(l, r.int(0, 199), String.fromCharCode(r.int(0, 255)), 'latin1')],
];

function put(line: Buffer, at: number, text: string, encoding: BufferEncoding = 'utf8'): Buffer {
  const copy = Buffer.from(line);
  copy.write(text, at, encoding);
  return copy;
}

describe('deces fast path (plain records)', () => {
  const wh = new TestWarehouse();
  let lines: Buffer[] = [];
  after(() => wh.remove());

  before(async () => {
    const out = resolve(wh.dir, 'hospital');
    const generated = await generateHospital({ patients: 400, seed: 7, out, dirt: 0.05, fromYear: 2018, toYear: 2021 });
    for (const file of generated.manifest.sources.deces.files ?? []) {
      const bytes = readFileSync(resolve(out, file));
      let start = 0;
      for (let end = bytes.indexOf(10); end !== -1; end = bytes.indexOf(10, start)) {
        lines.push(bytes.subarray(start, end));
        start = end + 1;
      }
    }
    lines = lines.filter((l) => !l.toString('latin1').startsWith('"'));
  });

  it('gives the general path\'s row, with no issue, for every line it reads; the rest go to the general path', () => {
    const plain = new PlainRecords(wh.pseudonymiser);
    const random = new Rng(11, 'plain-record-edits');
    let fast = 0;
    let cases = 0;
    const check = (line: Buffer, what: string) => {
      cases += 1;
      const row = plain.row(line);
      if (row === null) return;
      fast += 1;
      const general = generalPath(line, wh);
      assert.deepEqual(general.issues, [], `${what}: the fast path read a line the general path has issues with: ${line.toString('latin1')}`);
      assert.deepEqual(row, general.row, `${what}: ${line.toString('latin1')}`);
    };
    for (const line of lines) check(line, 'generated line');
    const generatedFast = fast;
    for (const line of lines.filter((l) => l.length === 200).slice(0, 200)) {
      for (const [name, edit] of EDITS) check(edit(line, random), name);
    }
    assert.ok(lines.length > 300, `${lines.length} generated lines`);
    assert.ok(generatedFast > lines.length / 2, `fast path read ${generatedFast} of ${lines.length} generated lines`);
    assert.ok(fast < cases, 'some edited lines went to the general path');
  });
});
