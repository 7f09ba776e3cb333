import type { CopyFields } from './copy-pages.ts';
import type { SourceTable } from './layout.ts';
import type { QuarantineCode, QuarantineReasons, Severity } from '../quarantine.ts';
import type { BatchSink } from '../types.ts';

/** Stands for a direct identifier in a quarantine record: the vault row of the same line holds it. */
export const WITHHELD = '[vault]';

/**
 * The row of a source table being read, reused from row to row (a table may hold a billion),
 * with what a mapper needs: values by column name and the two ways of reporting a problem.
 */
export class SourceRow<T extends SourceTable> {
  line = 0;
  fields: CopyFields = [];
  private readonly position: Map<string, number>;
  private readonly identifying: Set<string>;

  constructor(readonly source: T, readonly table: string, private readonly sink: BatchSink) {
    this.position = new Map(source.columns.map((c, i) => [c, i]));
    this.identifying = new Set(source.identifying);
  }

  get(column: T['columns'][number]): string | null {
    return this.fields[this.position.get(column)!];
  }

  /** The value as a quarantine record may show it: direct identifiers never leave the vault. */
  shown(column: T['columns'][number]): string {
    return this.identifying.has(column) ? WITHHELD : (this.get(column) ?? '');
  }

  /** A value nulled because it cannot be read: the row is still loaded. */
  warn<C extends QuarantineCode>(code: C, params: QuarantineReasons[C], field: T['columns'][number]): void {
    this.report('warning', code, params, field);
  }

  /** The row cannot be typed: it is not loaded. */
  reject<C extends QuarantineCode>(code: C, params: QuarantineReasons[C], field: T['columns'][number]): void {
    this.report('quarantine', code, params, field);
  }

  private report(severity: Severity, code: QuarantineCode, params: QuarantineReasons[QuarantineCode], field: string): void {
    this.sink.issue({ severity, code, params, line: this.line, field, raw: this.raw(), table: this.table });
  }

  /** The row as received, column by column, without its direct identifiers. */
  private raw(): string {
    const shown: Record<string, string | null> = {};
    this.source.columns.forEach((column, i) => {
      if (!this.identifying.has(column)) shown[column] = this.fields[i];
    });
    return JSON.stringify(shown);
  }
}
