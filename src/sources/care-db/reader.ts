import type { SourceReader } from '../types.ts';

export const careDbReader: SourceReader = {
  source: 'care-db',
  describe: 'not written yet',
  mode: 'append',
  tables: [],
  async read() {
    throw new Error('the care-db reader is not written yet');
  },
};
