import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** The median of the timings (mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface ChildRun {
  /** Wall-clock seconds of the whole process, node start-up included. */
  seconds: number;
  /** Peak resident set size of the process in bytes (VmHWM, from GNU time's rusage). */
  peakRssBytes: number | null;
  /**
   * User + system CPU seconds of the process (GNU time), all its threads: unlike wall time, it
   * barely moves when other jobs share the cores.
   */
  cpuSeconds: number | null;
  exitCode: number;
  stdout: string;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Runs a command under GNU time -v and returns its wall time and peak RSS. Without GNU time,
 * the peak is sampled from /proc/<pid>/status (VmHWM) every 100 ms.
 */
export async function runMeasured(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; echo?: (line: string) => void } = {}): Promise<ChildRun> {
  const useTime = existsSync(GNU_TIME);
  const [cmd, argv] = useTime ? [GNU_TIME, ['-v', command, ...args]] : [command, args];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { env: options.env ?? process.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sampledPeak = 0;
    const sampler = useTime ? null : setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
        sampledPeak = Math.max(sampledPeak, kb * 1024);
      } catch {
        // the process has ended
      }
    }, 100);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    let pending = '';
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      stderr += text;
      if (!options.echo) return;
      const lines = (pending + text).split('\n');
      pending = lines.pop() ?? '';
      // GNU time's report lines start with a tab: kept for parsing, not echoed.
      for (const line of lines) if (line.trim() && !line.startsWith('\t')) options.echo(line);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (sampler) clearInterval(sampler);
      const seconds = (performance.now() - started) / 1000;
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const exit = useTime ? /Exit status: (\d+)/.exec(stderr) : null;
      const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
      const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
      resolve({
        seconds,
        peakRssBytes: rss ? Number(rss[1]) * 1024 : sampledPeak || null,
        cpuSeconds: user && system ? Number(user[1]) + Number(system[1]) : null,
        exitCode: exit ? Number(exit[1]) : (code ?? 1),
        stdout,
        stderr: useTime ? stderr.replace(/\tCommand being timed:[\s\S]*$/, '') : stderr,
      });
    });
  });
}

/**
 * The JSON document a child printed last on stdout: one line (our children) or pretty-printed
 * (the CLI's --format json), starting at the last line that opens with `{` or `[` and parses.
 */
export function lastJson<T>(stdout: string): T {
  const lines = stdout.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    if (!/^[[{]/.test(lines[i])) continue;
    try {
      return JSON.parse(lines.slice(i).join('\n')) as T;
    } catch {
      // an inner line that happens to open with a bracket: keep looking upward
    }
  }
  throw new Error(`no JSON document in the output: ${stdout.slice(-300)}`);
}

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '-';
  if (bytes >= 1 << 30) return `${(bytes / (1 << 30)).toFixed(2)} GiB`;
  return `${Math.round(bytes / (1 << 20))} MiB`;
}

export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return '-';
  if (seconds < 1) return `${(seconds * 1000).toFixed(seconds < 0.01 ? 2 : 0)} ms`;
  if (seconds < 120) return `${seconds.toFixed(2)} s`;
  return `${(seconds / 60).toFixed(1)} min`;
}

export function formatRate(perSecond: number | null | undefined): string {
  if (perSecond === null || perSecond === undefined || !Number.isFinite(perSecond)) return '-';
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)}M/s`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(0)}k/s`;
  return `${perSecond.toFixed(0)}/s`;
}
