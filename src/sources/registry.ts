import { careDbReader } from './care-db/reader.ts';
import { decesReader } from './deces/reader.ts';
import { esatisReader } from './esatis/reader.ts';
import { finessReader } from './finess/reader.ts';
import { rppsReader } from './rpps/reader.ts';
import { sejoursReader } from './sejours/reader.ts';
import type { SourceName, SourceReader } from './types.ts';

export const readers: Record<SourceName, SourceReader> = {
  'care-db': careDbReader,
  sejours: sejoursReader,
  finess: finessReader,
  esatis: esatisReader,
  deces: decesReader,
  rpps: rppsReader,
};

export function readerFor(source: SourceName): SourceReader {
  return readers[source];
}
