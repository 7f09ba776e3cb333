import type { SourceReader } from '../types.ts';

export const rppsReader: SourceReader = {
  source: 'rpps',
  describe: 'not written yet',
  mode: 'append',
  tables: [],
  async read() {
    throw new Error('the rpps reader is not written yet');
  },
};
