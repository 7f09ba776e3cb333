import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SQL_DIR = join(import.meta.dirname, 'sql');

/**
 * The text of `sql/<name>.sql` with its `${param}` placeholders replaced. Values are spliced as
 * written: numbers, or SQL text the caller already quoted (paths through quoteLiteral). A
 * placeholder left without a value is an error, so a renamed parameter cannot silently become
 * literal text.
 */
export function sqlFile(name: string, params: Record<string, string | number> = {}): string {
  const text = readFileSync(join(SQL_DIR, `${name}.sql`), 'utf8');
  return text.replace(/\$\{(\w+)\}/g, (_, key: string) => {
    if (!(key in params)) throw new Error(`sql/${name}.sql: no value for \${${key}}`);
    return String(params[key]);
  });
}
