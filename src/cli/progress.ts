import { SingleBar, Presets } from 'cli-progress';
import type { CliIo } from './command.ts';
import type { ProgressFactory } from '../sources/ingest.ts';

const LOG_EVERY_MS = 5000;

/** A progress bar on a terminal, a plain log line every few seconds otherwise (cron, CI, pipes). */
export function progressFor(io: CliIo): ProgressFactory {
  return (label) => {
    if (io.interactive) {
      const bar = new SingleBar({ format: `${label} [{bar}] {percentage}% {value}/{total}`, stream: process.stderr, hideCursor: true }, Presets.shades_classic);
      let started = false;
      return {
        update(done, total) {
          if (!started) {
            bar.start(total ?? 0, 0);
            started = true;
          }
          if (total !== undefined) bar.setTotal(total);
          bar.update(done);
        },
        stop() {
          if (started) bar.stop();
        },
      };
    }
    let last = Date.now();
    return {
      update(done, total) {
        const now = Date.now();
        if (now - last < LOG_EVERY_MS) return;
        last = now;
        io.err(`${label}: ${total ? `${Math.floor((100 * done) / total)}%` : `${done} rows`}`);
      },
      stop() {},
    };
  };
}
