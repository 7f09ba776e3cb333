import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { determinedUnknowns, isSmallCount, suppress, type SuppressionGroup } from './suppression.ts';

/** A breakdown: cells that add up to a total, as K1's months add up to its numerator. */
function breakdown(total: number, cells: number[]): { counts: Map<string, number>; groups: SuppressionGroup[] } {
  const counts = new Map<string, number>([['total', total], ...cells.map((v, i) => [`c${i}`, v] as [string, number])]);
  return { counts, groups: [{ total: 'total', parts: cells.map((_, i) => `c${i}`) }] };
}

/** What a user sees: each count, or null when masked. */
function visible(counts: Map<string, number>, masked: Set<string>): Map<string, number | null> {
  return new Map([...counts].map(([id, v]) => [id, masked.has(id) ? null : v]));
}

/** The attack the rule is about: a masked cell is the total minus the other cells, when they are all shown. */
function recomputeFromTotal(shown: Map<string, number | null>, group: SuppressionGroup): Map<string, number> {
  const found = new Map<string, number>();
  const members = [group.total, ...group.parts];
  const hidden = members.filter((m) => shown.get(m) === null);
  if (hidden.length !== 1) return found;
  const [target] = hidden;
  const partsSum = group.parts.filter((p) => p !== target).reduce((s, p) => s + shown.get(p)!, 0);
  found.set(target, target === group.total ? partsSum : shown.get(group.total)! - partsSum);
  return found;
}

/** Repeats the attack over every group, feeding each recomputed cell back in, until nothing new comes out. */
function differencingAttack(shown: Map<string, number | null>, groups: SuppressionGroup[]): Map<string, number> {
  const known = new Map(shown);
  const found = new Map<string, number>();
  for (let progress = true; progress; ) {
    progress = false;
    for (const group of groups) {
      for (const [id, value] of recomputeFromTotal(known, group)) {
        known.set(id, value);
        found.set(id, value);
        progress = true;
      }
    }
  }
  return found;
}

/**
 * Every value each masked cell can take, over all integer solutions where a masked count is at
 * least 1 (0 is never masked) and every group adds up. Brute force, for tables of a few cells.
 */
function feasibleValues(shown: Map<string, number | null>, groups: SuppressionGroup[]): Map<string, Set<number>> {
  const unknowns = [...shown].filter(([, v]) => v === null).map(([id]) => id);
  const bound = Math.max(...[...shown.values()].filter((v): v is number => v !== null), 20) * 2;
  const values = new Map(unknowns.map((id) => [id, new Set<number>()]));
  const assignment = new Map<string, number>();
  const valueOf = (id: string) => shown.get(id) ?? assignment.get(id);
  const consistent = () =>
    groups.every((g) => {
      const members = [g.total, ...g.parts];
      if (members.some((m) => valueOf(m) === undefined)) return true;
      return g.parts.reduce((s, p) => s + valueOf(p)!, 0) === valueOf(g.total);
    });
  const search = (i: number): void => {
    if (i === unknowns.length) {
      for (const [id, v] of assignment) values.get(id)!.add(v);
      return;
    }
    for (let v = 1; v <= bound; v++) {
      assignment.set(unknowns[i], v);
      if (consistent()) search(i + 1);
    }
    assignment.delete(unknowns[i]);
  };
  search(0);
  return values;
}

function assertNothingRecomputable(counts: Map<string, number>, groups: SuppressionGroup[], masked: Set<string>): void {
  const shown = visible(counts, masked);
  for (const group of groups) assert.deepEqual([...recomputeFromTotal(shown, group)], [], `group ${group.total} gives a masked cell away`);
  assert.deepEqual([...differencingAttack(shown, groups)], []);
  for (const [id, possible] of feasibleValues(shown, groups)) {
    assert.ok(possible.has(counts.get(id)!), `${id}: the true value must be one of the solutions`);
    assert.ok(possible.size >= 2, `${id} is pinned to ${[...possible]} by the visible counts`);
  }
}

describe('small-cell suppression', () => {
  it('masks 1 to 9, shows 0 and 10 and above', () => {
    assert.deepEqual([0, 1, 9, 10, 250].map(isSmallCount), [false, true, true, false, false]);
    const { counts, groups } = breakdown(260, [0, 1, 9, 250]);
    const { primary } = suppress({ counts, groups });
    assert.deepEqual([...primary].sort(), ['c1', 'c2']);
  });

  it('a single small cell cannot be recomputed from the total and the other cells', () => {
    // Months of K1: 3 consultations in January, 25, 40, 0. Total 68 is shown.
    const { counts, groups } = breakdown(68, [3, 25, 40, 0]);
    const { masked, primary, secondary } = suppress({ counts, groups });
    assert.deepEqual([...primary], ['c0']);
    // Without the second mask, 68 − 25 − 40 − 0 = 3 would give January away.
    assert.equal(recomputeFromTotal(visible(counts, primary), groups[0]).get('c0'), 3);
    assert.deepEqual([...secondary], ['c1'], 'the next smallest non-zero cell is masked');
    assert.equal(masked.has('c3'), false, 'a zero cell is not used to hide another');
    assertNothingRecomputable(counts, groups, masked);
  });

  it('all cells small: every cell masked, the total shown, none recomputable', () => {
    const { counts, groups } = breakdown(12, [3, 4, 5]);
    const { masked, secondary } = suppress({ counts, groups });
    assert.deepEqual([...masked].sort(), ['c0', 'c1', 'c2']);
    assert.equal(secondary.size, 0);
    assertNothingRecomputable(counts, groups, masked);
  });

  it('zero cells stay visible and are never the complement', () => {
    const { counts, groups } = breakdown(37, [0, 0, 7, 30]);
    const { masked } = suppress({ counts, groups });
    assert.deepEqual([...masked].sort(), ['c2', 'c3']);
    assertNothingRecomputable(counts, groups, masked);
  });

  it('a small total is masked with its small cells', () => {
    const { counts, groups } = breakdown(5, [2, 3, 0]);
    const { masked } = suppress({ counts, groups });
    assert.deepEqual([...masked].sort(), ['c0', 'c1', 'total']);
    assertNothingRecomputable(counts, groups, masked);
  });

  it('a small total made of one cell: both masked, nothing else needed', () => {
    const { counts, groups } = breakdown(4, [4, 0, 0]);
    const { masked } = suppress({ counts, groups });
    assert.deepEqual([...masked].sort(), ['c0', 'total']);
    assertNothingRecomputable(counts, groups, masked);
  });

  it('a masked total with every part shown would be their sum: a part is masked', () => {
    // 'sub' is the total of a and b, and a part of 'all' beside the small 'other'.
    const counts = new Map([['all', 50], ['other', 5], ['sub', 45], ['a', 20], ['b', 25]]);
    const groups = [
      { total: 'all', parts: ['sub', 'other'] },
      { total: 'sub', parts: ['a', 'b'] },
    ];
    const { masked } = suppress({ counts, groups });
    // 'other' is small; 'sub' hides it in 'all'; then 'sub' = a + b would give 'sub' away: 'a' is masked too.
    assert.deepEqual([...masked].sort(), ['a', 'other', 'sub']);
    assertNothingRecomputable(counts, groups, masked);
  });

  it('nested groups (K6 specialties and professionals): masks cascade until no group has one', () => {
    const counts = new Map([['total', 100], ['S1', 5], ['S2', 95], ['p1', 5], ['p2', 40], ['p3', 55]]);
    const groups = [
      { total: 'total', parts: ['S1', 'S2'] },
      { total: 'S1', parts: ['p1'] },
      { total: 'S2', parts: ['p2', 'p3'] },
    ];
    const { masked } = suppress({ counts, groups });
    assert.deepEqual([...masked].sort(), ['S1', 'S2', 'p1', 'p2']);
    assertNothingRecomputable(counts, groups, masked);
  });

  it('sex × age band with margins: the masks form a rectangle, no cell recomputable', () => {
    // F: 3, 12, 20 (35); M: 15, 14, 30 (59); bands 18, 26, 50; total 94.
    const cells: Record<string, number> = { 'F:a': 3, 'F:b': 12, 'F:c': 20, 'M:a': 15, 'M:b': 14, 'M:c': 30 };
    const counts = new Map<string, number>(Object.entries(cells));
    for (const [k, v] of Object.entries({ 'F:*': 35, 'M:*': 59, '*:a': 18, '*:b': 26, '*:c': 50, total: 94 })) counts.set(k, v);
    const groups = [
      { total: 'F:*', parts: ['F:a', 'F:b', 'F:c'] },
      { total: 'M:*', parts: ['M:a', 'M:b', 'M:c'] },
      ...['a', 'b', 'c'].map((b) => ({ total: `*:${b}`, parts: [`F:${b}`, `M:${b}`] })),
      { total: 'total', parts: ['F:*', 'M:*'] },
      { total: 'total', parts: ['*:a', '*:b', '*:c'] },
    ];
    const { masked } = suppress({ counts, groups });
    assert.deepEqual([...masked].sort(), ['F:a', 'F:b', 'M:a', 'M:b']);
    assertNothingRecomputable(counts, groups, masked);
  });

  it('overlapping groups that pin a cell down together are caught by the audit', () => {
    // a + b = 25, b + c = 50, a + c = 35: three equations, three unknowns, each group with two masked.
    const counts = new Map([['a', 5], ['b', 20], ['c', 30], ['t1', 25], ['t2', 50], ['t3', 35]]);
    const groups = [
      { total: 't1', parts: ['a', 'b'] },
      { total: 't2', parts: ['b', 'c'] },
      { total: 't3', parts: ['a', 'c'] },
    ];
    assert.deepEqual(determinedUnknowns(groups, new Set(['a', 'b', 'c'])).sort(), ['a', 'b', 'c']);
    const { masked } = suppress({ counts, groups });
    assert.ok(masked.size > 3, 'a total is masked as well');
    assertNothingRecomputable(counts, groups, masked);
  });

  it('nothing to mask: nothing masked', () => {
    const { counts, groups } = breakdown(30, [10, 0, 20]);
    assert.equal(suppress({ counts, groups }).masked.size, 0);
  });
});
