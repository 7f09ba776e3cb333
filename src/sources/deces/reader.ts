import type { SourceReader } from '../types.ts';

export const decesReader: SourceReader = {
  source: 'deces',
  describe: 'not written yet',
  mode: 'append',
  tables: [],
  async read() {
    throw new Error('the deces reader is not written yet');
  },
};
