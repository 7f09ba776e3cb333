import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDecimal, parseFullDate, parseInteger, parseTime, present } from './values.ts';

describe('care database values', () => {
  it('reads whole numbers as integer columns write them, and as people type them in text columns', () => {
    assert.deepEqual(['12', '007', ' 42 ', '+3', '-5', '9007199254740993', '12a', '', '1.5'].map(parseInteger),
      [12, 7, 42, 3, -5, null, null, null, null]);
  });

  it('reads decimals with a point or a French comma', () => {
    assert.deepEqual(['72.5', '72,5', ' 80 ', 'abc', '1,2,3'].map(parseDecimal), [72.5, 72.5, 80, null, null]);
  });

  it('reads times of day as COPY writes them and as typed by hand', () => {
    assert.deepEqual(['08:30:00', '08:30:00.123456', '8:30', '8h30', '24:00:00', '12:60', 'midi'].map(parseTime),
      ['08:30:00', '08:30:00', '08:30:00', '08:30:00', null, null, null]);
  });

  it('reads dates, ISO or French, and refuses impossible days, ISO-looking or not', () => {
    assert.deepEqual(['2019-03-01', '2020-02-29', '2019-02-29', '2019- 3-01', '01/03/2019', '1750-01-01', 'hier'].map(parseFullDate),
      ['2019-03-01', '2020-02-29', null, null, '2019-03-01', null, null]);
  });

  it('takes blank text for a missing value', () => {
    assert.deepEqual([null, '', '  ', '\u00a0', 'x', ' x'].map(present), [false, false, false, false, true, true]);
  });
});
