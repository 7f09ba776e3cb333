/**
 * Small-cell suppression (README.md, "Identity and privacy rules"): any count of people or events
 * shown outside the warehouse team is masked when it is 1–9, and complementary cells are masked so
 * that no masked count can be recomputed from the totals and the cells left visible.
 *
 * The table is a set of counts named by id, and additive groups (the parts sum to the total, as
 * the months of K1 sum to its numerator). Suppression runs in three steps:
 *  1. primary: every count from 1 to 9 is masked (0 is shown: an empty cell reveals no one);
 *  2. secondary: a group with exactly one masked member (the total counts as a member: a masked
 *     total with every part shown is the sum of the parts) gets its smallest non-zero visible part
 *     masked too, or its total when no part is left; repeated until no group has one;
 *  3. audit: groups sharing cells can still pin a masked count down together (a specialty's
 *     professionals and the specialties of the total, the rows and columns of a sex × age table),
 *     so the masked counts are solved as a linear system; any count the system determines gets
 *     one more complementary cell, and steps 2–3 repeat.
 * What is not guarded: bounds (a masked cell known to lie in 1–3) and sums across several
 * requests with different parameters; the warehouse team reviews requests that could do so.
 */

export const SMALL_CELL_MAX = 9;

/** A count that primary suppression masks: 1 to 9 people or events. */
export function isSmallCount(value: number): boolean {
  return value >= 1 && value <= SMALL_CELL_MAX;
}

export interface SuppressionGroup {
  total: string;
  parts: readonly string[];
}

export interface SuppressionTable {
  /** Every count subject to the rule, by id. Counts that are public (populations, numbers of establishments) stay out. */
  counts: ReadonlyMap<string, number>;
  /** Additive relations between counts: ids not in `counts` are ignored. */
  groups: readonly SuppressionGroup[];
}

export interface SuppressionOutcome {
  masked: Set<string>;
  /** Masked by the 1–9 rule. */
  primary: Set<string>;
  /** Masked only so that a primary cell cannot be recomputed. */
  secondary: Set<string>;
}

export function suppress(table: SuppressionTable): SuppressionOutcome {
  const groups = table.groups
    .map((g) => ({ total: g.total, parts: unique(g.parts.filter((p) => p !== g.total && table.counts.has(p))) }))
    .filter((g) => table.counts.has(g.total) && g.parts.length > 0);
  const primary = new Set([...table.counts].filter(([, v]) => isSmallCount(v)).map(([id]) => id));
  const masked = new Set(primary);
  const value = (id: string) => table.counts.get(id)!;

  // Each round masks at least one more count, so this ends within counts.size rounds.
  for (;;) {
    let changed = false;
    for (const group of groups) {
      const members = [group.total, ...group.parts];
      if (members.filter((m) => masked.has(m)).length !== 1) continue;
      const extra = complement(group, masked, value);
      if (extra !== null) {
        masked.add(extra);
        changed = true;
      }
    }
    if (changed) continue;
    const exposed = determinedUnknowns(groups, masked);
    if (exposed.length === 0) break;
    const extra = groups
      .filter((g) => g.total === exposed[0] || g.parts.includes(exposed[0]))
      .map((g) => complement(g, masked, value))
      .filter((id): id is string => id !== null)
      .sort((a, b) => value(a) - value(b))[0];
    if (extra === undefined) break; // every related count is already masked or zero: nothing left to hide behind
    masked.add(extra);
  }
  return { masked, primary, secondary: new Set([...masked].filter((id) => !primary.has(id))) };
}

/** The smallest non-zero visible part of the group (the first one on ties), else its total if visible and non-zero. */
function complement(group: SuppressionGroup, masked: Set<string>, value: (id: string) => number): string | null {
  let best: string | null = null;
  for (const part of group.parts) {
    if (masked.has(part) || value(part) === 0) continue;
    if (best === null || value(part) < value(best)) best = part;
  }
  if (best !== null) return best;
  return !masked.has(group.total) && value(group.total) !== 0 ? group.total : null;
}

/**
 * Masked counts that the visible counts determine exactly: each group gives one equation
 * (sum of parts − total = 0); a masked count is determined when its unit vector lies in the row
 * space of the equations over the masked counts, i.e. when the reduced row echelon form has a row
 * with that count alone.
 */
export function determinedUnknowns(groups: readonly SuppressionGroup[], masked: ReadonlySet<string>): string[] {
  const unknowns = [...masked].filter((id) => groups.some((g) => g.total === id || g.parts.includes(id)));
  if (unknowns.length === 0) return [];
  const column = new Map(unknowns.map((id, i) => [id, i]));
  const rows: number[][] = [];
  for (const group of groups) {
    const row = new Array<number>(unknowns.length).fill(0);
    let any = false;
    for (const [id, sign] of [[group.total, -1] as const, ...group.parts.map((p) => [p, 1] as const)]) {
      const c = column.get(id);
      if (c === undefined) continue;
      row[c] += sign;
      any = true;
    }
    if (any) rows.push(row);
  }
  const eps = 1e-9;
  let pivotRow = 0;
  const pivotColumns: number[] = [];
  for (let c = 0; c < unknowns.length && pivotRow < rows.length; c++) {
    let best = pivotRow;
    for (let r = pivotRow + 1; r < rows.length; r++) if (Math.abs(rows[r][c]) > Math.abs(rows[best][c])) best = r;
    if (Math.abs(rows[best][c]) < eps) continue;
    [rows[pivotRow], rows[best]] = [rows[best], rows[pivotRow]];
    const pivot = rows[pivotRow][c];
    for (let k = 0; k < unknowns.length; k++) rows[pivotRow][k] /= pivot;
    for (let r = 0; r < rows.length; r++) {
      if (r === pivotRow || Math.abs(rows[r][c]) < eps) continue;
      const factor = rows[r][c];
      for (let k = 0; k < unknowns.length; k++) rows[r][k] -= factor * rows[pivotRow][k];
    }
    pivotColumns.push(c);
    pivotRow++;
  }
  const determined: string[] = [];
  for (let r = 0; r < pivotColumns.length; r++) {
    const alone = rows[r].every((x, k) => k === pivotColumns[r] || Math.abs(x) < eps);
    if (alone) determined.push(unknowns[pivotColumns[r]]);
  }
  return determined;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
