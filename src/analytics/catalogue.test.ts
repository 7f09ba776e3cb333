import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { KPI_CATALOGUE, listKpis } from './catalogue.ts';
import { KPI_IDS } from './kpi-result.ts';

const dir = import.meta.dirname;
const sqlOf = (file: string) => readFileSync(join(dir, file), 'utf8');

/** Tables a SQL text reads (`marts.x`) and the ones its header says it depends on. */
function tables(sql: string): { read: string[]; depends: string[] } {
  const header = sql.split('\n').filter((l) => l.startsWith('--'));
  const depends = (header.find((l) => l.startsWith('-- depends:')) ?? '').replace('-- depends:', '').split(',').map((s) => s.trim()).filter(Boolean);
  const body = sql.split('\n').filter((l) => !l.startsWith('--')).join('\n');
  const read = [...new Set([...body.matchAll(/\bmarts\.(\w+)/g)].map((m) => `marts.${m[1]}`))];
  return { read: read.sort(), depends: depends.sort() };
}

describe('KPI catalogue', () => {
  it('lists K1–K8, each with a French title, a description and its parameters', () => {
    const kpis = listKpis();
    assert.deepEqual(kpis.map((k) => k.id), [...KPI_IDS]);
    for (const k of kpis) {
      assert.ok(k.title && k.description && k.params.length > 0, k.id);
      for (const p of k.params) assert.ok(p.description, `${k.id} ${p.name}`);
    }
  });

  it('every KPI file says what it computes, binds as many parameters as the catalogue gives, and depends on what it reads', () => {
    const files = readdirSync(join(dir, 'kpis')).filter((f) => f.endsWith('.sql')).sort();
    assert.deepEqual(files, Object.values(KPI_CATALOGUE).map((d) => d.sqlFile).sort(), 'one .sql per KPI, none unlisted');
    for (const def of Object.values(KPI_CATALOGUE)) {
      const sql = sqlOf(join('kpis', def.sqlFile));
      assert.match(sql, new RegExp(`^-- ${def.id} `), `${def.sqlFile}: opens with what it computes`);
      for (const field of ['numerator', 'denominator', 'params', 'depends']) assert.match(sql, new RegExp(`^-- ${field}:`, 'm'), `${def.sqlFile}: ${field}`);
      const positions = [...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]));
      assert.deepEqual([...new Set(positions)].sort((a, b) => a - b), def.sqlParams.map((_, i) => i + 1), `${def.sqlFile}: $1…$${def.sqlParams.length}`);
      const { read, depends } = tables(sql);
      assert.deepEqual(read, depends, `${def.sqlFile}: depends line`);
    }
  });

  it('lookups say what they read', () => {
    for (const file of readdirSync(join(dir, 'lookups'))) {
      const { read, depends } = tables(sqlOf(join('lookups', file)));
      assert.deepEqual(read, depends, file);
    }
  });

  it('the SQL is portable: no DuckDB-only syntax, no spliced values', () => {
    const duckdbOnly = [/::/, /\bqualify\b/i, /\bstrftime\b/i, /\bstarts_with\b/i, /\bilike\b/i, /\blist_\w+/i, /\bexclude\b/i, /\bfilter\s*\(/i, /"/, /\$\{/, /\?/];
    for (const folder of ['kpis', 'lookups']) {
      for (const file of readdirSync(join(dir, folder))) {
        const body = sqlOf(join(folder, file)).split('\n').filter((l) => !l.trimStart().startsWith('--')).join('\n');
        for (const pattern of duckdbOnly) assert.doesNotMatch(body, pattern, `${folder}/${file}`);
      }
    }
  });
});
