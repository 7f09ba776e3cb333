import type { CliCommand } from '../command.ts';

export const generateCommand: CliCommand = {
  name: 'generate',
  describe: 'Write a seeded synthetic hospital: every source in its native format, with dirt and ground truth',
  configure() {},
  async run() {
    throw new Error('not written yet');
  },
};
