/**
 * Splits one line of a delimited file. With `quoted`, fields may be wrapped in double quotes and
 * hold the delimiter, with `""` for a quote (RFC 4180, one physical line per record, which is
 * what the national files we read guarantee). Returns null when a quoted field is not closed.
 */
export function splitDelimited(line: string, delimiter: string, quoted = true): string[] | null {
  if (!quoted || !line.includes('"')) return line.split(delimiter);
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const next = line.indexOf('"', j);
        if (next === -1) return null;
        value += line.slice(j, next);
        if (line[next + 1] === '"') {
          value += '"';
          j = next + 2;
        } else {
          j = next + 1;
          break;
        }
      }
      fields.push(value);
      if (j < line.length && line[j] !== delimiter) return null;
      i = j + 1;
    } else {
      const next = line.indexOf(delimiter, i);
      const end = next === -1 ? line.length : next;
      fields.push(line.slice(i, end));
      i = end + 1;
    }
    if (i === line.length + 1 && line[line.length - 1] !== delimiter) break;
  }
  return fields;
}
