import type { SourceReader } from '../types.ts';

export const finessReader: SourceReader = {
  source: 'finess',
  describe: 'not written yet',
  mode: 'append',
  tables: [],
  async read() {
    throw new Error('the finess reader is not written yet');
  },
};
