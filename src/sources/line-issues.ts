import type { QuarantineCode, QuarantineReasons } from './quarantine.ts';
import type { TextLine } from './text/lines.ts';
import type { BatchSink } from './types.ts';

type NulledCode = 'code-invalid' | 'date-unparseable' | 'number-unparseable';

/**
 * Records what one line could not give, against the table the line belongs to. `raw` gives the
 * text kept with each record: the line itself, or a redacted copy when the line holds personal data.
 */
export class LineIssues {
  constructor(
    private readonly sink: BatchSink,
    private readonly line: TextLine,
    private readonly table: string,
    private readonly raw: () => string = () => line.text,
  ) {}

  reject<C extends QuarantineCode>(code: C, params: QuarantineReasons[C], field: string | null = null): void {
    this.sink.issue({ severity: 'quarantine', code, params, line: this.line.number, field, raw: this.raw(), table: this.table });
  }

  /** An optional value: empty gives null silently; unreadable gives null and a warning. */
  optional<T>(column: string, text: string, parse: (text: string) => T | null, code: NulledCode): T | null {
    if (text === '') return null;
    const value = parse(text);
    if (value === null) {
      this.sink.issue({ severity: 'warning', code, params: { column, raw: text }, line: this.line.number, field: column, raw: this.raw(), table: this.table });
    }
    return value;
  }
}
