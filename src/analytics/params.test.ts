import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KPI_CATALOGUE } from './catalogue.ts';
import { KpiParamError, likePrefixPattern, parseDiagnosisPrefix, parseFiness, resolveParams, type RawParams } from './params.ts';

function resolve(id: keyof typeof KPI_CATALOGUE, raw: RawParams) {
  return resolveParams(id, KPI_CATALOGUE[id].params, raw);
}

function error(fn: () => unknown): [string, string] {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof KpiParamError, String(e));
    assert.match(e.message, new RegExp(`^${e.param}: `));
    return [e.param, e.code];
  }
  assert.fail('no error');
}

describe('KPI parameters', () => {
  it('a year is the calendar year; from/to are kept as given', () => {
    assert.deepEqual(resolve('K3', { year: '2020' }), { year: 2020, from: '2020-01-01', to: '2020-12-31' });
    assert.deepEqual(resolve('K3', { from: '2020-02-29', to: '2020-03-01' }), { from: '2020-02-29', to: '2020-03-01' });
  });

  it('K7 and K8 default to the years asked (2019, 2020) and the +48h MCO survey', () => {
    assert.deepEqual(resolve('K7', {}), { year: 2019, region: null });
    assert.deepEqual(resolve('K8', {}), { year: 2020, survey: '48h-mco', region: null });
    assert.equal(resolve('K8', { survey: 'ESATISCA' }).survey, 'ca');
  });

  it('diagnosis prefixes: J, J4, J45, J45.0, j45.0 all work; empty means none', () => {
    assert.deepEqual(['J', 'J4', 'J45', 'J45.0', 'j45.0', ' J45 0 ', ''].map((t) => parseDiagnosisPrefix('diagnosis', t)), ['J', 'J4', 'J45', 'J450', 'J450', 'J450', null]);
    for (const bad of ['4', 'JJ', 'J%', 'J_5', "J45'; drop table x; --"]) assert.deepEqual(error(() => parseDiagnosisPrefix('diagnosis', bad)), ['diagnosis', 'malformed'], bad);
  });

  it('LIKE patterns escape the wildcards of the value', () => {
    assert.equal(likePrefixPattern('J45'), 'J45%');
    assert.equal(likePrefixPattern('a%b_c\\'), 'a\\%b\\_c\\\\%');
  });

  it('FINESS: 9 characters, digits or A/B (Corsica)', () => {
    assert.equal(parseFiness('establishment', '2a0000123'), '2A0000123');
    for (const bad of ['F010000107', '01000010', '0100001070', '01000010X']) assert.deepEqual(error(() => parseFiness('establishment', bad)), ['establishment', 'malformed'], bad);
  });

  it('dates: real calendar days only (2020-02-29 yes, 2019-02-29 no), in range', () => {
    assert.equal(resolve('K3', { from: '2020-02-29', to: '2020-02-29' }).from, '2020-02-29');
    assert.deepEqual(error(() => resolve('K3', { from: '2019-02-29', to: '2019-03-01' })), ['from', 'malformed']);
    assert.deepEqual(error(() => resolve('K3', { from: '2019-13-01', to: '2020-01-01' })), ['from', 'malformed']);
    assert.deepEqual(error(() => resolve('K3', { from: '01/01/2019', to: '2019-12-31' })), ['from', 'malformed']);
    assert.deepEqual(error(() => resolve('K3', { from: '1850-01-01', to: '2019-12-31' })), ['from', 'out-of-range']);
  });

  it('periods: from ≤ to, both or neither, not with a year', () => {
    assert.deepEqual(error(() => resolve('K3', { from: '2020-03-01', to: '2020-02-29' })), ['from', 'period-inverted']);
    assert.deepEqual(error(() => resolve('K3', { to: '2020-03-01' })), ['from', 'required']);
    assert.deepEqual(error(() => resolve('K3', { from: '2020-03-01' })), ['to', 'required']);
    assert.deepEqual(error(() => resolve('K3', { year: 2020, from: '2020-01-01', to: '2020-01-31' })), ['year', 'conflict']);
    assert.deepEqual(error(() => resolve('K3', {})), ['year', 'required']);
  });

  it('years in 1900–2100', () => {
    assert.deepEqual(error(() => resolve('K7', { year: '1899' })), ['year', 'out-of-range']);
    assert.deepEqual(error(() => resolve('K7', { year: 2101 })), ['year', 'out-of-range']);
    assert.deepEqual(error(() => resolve('K7', { year: '20x9' })), ['year', 'malformed']);
  });

  it('a parameter the KPI does not take is refused, not ignored', () => {
    assert.deepEqual(error(() => resolve('K3', { year: 2020, establishment: '010000107' })), ['establishment', 'unknown-param']);
    assert.deepEqual(resolve('K3', { year: 2020, establishment: '' }), { year: 2020, from: '2020-01-01', to: '2020-12-31' });
  });

  it('regions, professionals and surveys are checked for shape', () => {
    assert.deepEqual(error(() => resolve('K7', { region: '2A' })), ['region', 'malformed']);
    assert.deepEqual(error(() => resolve('K6', { year: 2020, professional: 'Dr House' })), ['professional', 'malformed']);
    assert.deepEqual(error(() => resolve('K8', { survey: "48h'--" })), ['survey', 'malformed']);
  });
});
