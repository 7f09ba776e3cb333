import type { SourceReader } from '../types.ts';

export const esatisReader: SourceReader = {
  source: 'esatis',
  describe: 'not written yet',
  mode: 'append',
  tables: [],
  async read() {
    throw new Error('the esatis reader is not written yet');
  },
};
