import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { age, dayOf, daysInMonth, iso, weekday, ymd } from './calendar.ts';

describe('calendar', () => {
  it('agrees with Date.UTC from 1890 to 2130', () => {
    for (let day = dayOf(1890, 1, 1); day < dayOf(2130, 1, 1); day += 7) {
      const date = new Date(day * 86_400_000);
      assert.equal(iso(day), date.toISOString().slice(0, 10));
      const d = ymd(day);
      assert.equal(dayOf(d.year, d.month, d.day), day);
    }
  });

  it('knows leap days, weekdays and ages', () => {
    assert.equal(iso(dayOf(2020, 2, 29)), '2020-02-29');
    assert.equal(daysInMonth(2020, 2), 29);
    assert.equal(daysInMonth(1900, 2), 28);
    assert.equal(daysInMonth(2000, 2), 29);
    assert.equal(weekday(dayOf(2020, 2, 29)), 6, 'a Saturday');
    assert.equal(age(dayOf(1980, 3, 1), dayOf(2020, 2, 29)), 39);
    assert.equal(age(dayOf(1980, 2, 29), dayOf(2020, 2, 29)), 40);
  });
});
