/**
 * The sizes a benchmark run generates. Consultations grow in steps (the KPI curve of issue 4:
 * 1M / 10M / 100M); every other source is generated once at its full size, because a hospital
 * group's deaths registry or FINESS directory does not grow with its consultations.
 */
export interface Scale {
  name: string;
  /** Consultation counts at which the care database is ingested, the marts built and the KPIs timed. */
  consultationSteps: number[];
  patients: number;
  /** Professionals of the care database (all of them in the RPPS file). */
  professionals: number;
  /** Lines of the RPPS activity file: the group's professionals' places, then the rest of the nation's. */
  rppsLines: number;
  stays: number;
  deaths: number;
  /** FINESS establishments (the national directory holds ~100k). */
  establishments: number;
  /** Prescriptions per consultation. */
  prescriptionsPerConsultation: number;
  /** Timed repetitions of each measure (median reported), after one warm-up when `warmUp`. */
  runs: number;
  /** Ingestion runs per source (ingesting 100M rows several times is not worth the hours). */
  ingestRuns: number;
  /** Builds of the marts per step (median). */
  buildRuns: number;
  /** Cold and warm runs of each KPI on PostgreSQL (its 100M queries take minutes each). */
  postgresRuns: number;
  /** One untimed ingestion and KPI round first (tsx transform cache, DuckDB and file caches). */
  warmUp: boolean;
  /** Seconds after which a slow source stops repeating its timed ingestion runs (keeps `quick` quick while readers are slow). */
  ingestBudgetSeconds: number;
}

const M = 1_000_000;

export const SCALES: Record<string, Scale> = {
  /** For tests and for checking the whole pipeline in under a minute. */
  tiny: {
    name: 'tiny',
    consultationSteps: [20_000],
    patients: 5_000,
    professionals: 300,
    rppsLines: 2_000,
    stays: 5_000,
    deaths: 20_000,
    establishments: 5_000,
    prescriptionsPerConsultation: 0.5,
    runs: 1,
    ingestRuns: 1,
    buildRuns: 1,
    postgresRuns: 1,
    warmUp: false,
    ingestBudgetSeconds: Number.POSITIVE_INFINITY,
  },
  /** `npm run bench`: a few minutes on a 2-core machine. */
  quick: {
    name: 'quick',
    consultationSteps: [1 * M],
    patients: 100_000,
    professionals: 3_000,
    rppsLines: 100_000,
    stays: 250_000,
    deaths: 1 * M,
    establishments: 100_000,
    prescriptionsPerConsultation: 0.5,
    runs: 3,
    ingestRuns: 3,
    buildRuns: 3,
    postgresRuns: 3,
    warmUp: true,
    ingestBudgetSeconds: 45,
  },
  /** `npm run bench -- --scale large`: hours; run in the background. */
  large: {
    name: 'large',
    consultationSteps: [1 * M, 10 * M, 100 * M],
    patients: 1 * M,
    professionals: 30_000,
    rppsLines: 2 * M,
    stays: 5 * M,
    deaths: 28 * M,
    establishments: 100_000,
    prescriptionsPerConsultation: 0.5,
    runs: 3,
    ingestRuns: 1,
    buildRuns: 1,
    postgresRuns: 2,
    warmUp: false,
    ingestBudgetSeconds: Number.POSITIVE_INFINITY,
  },
};

/** `10M`, `250k`, `1500` → a number. */
export function parseCount(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim());
  if (!match) throw new Error(`not a count: ${text} (write 1000, 250k or 10M)`);
  const factor = match[2] === '' ? 1 : match[2].toLowerCase() === 'k' ? 1_000 : M;
  return Math.round(Number(match[1]) * factor);
}

export function formatCount(n: number): string {
  if (n >= M && n % (M / 10) === 0) return `${n / M}M`;
  if (n >= 1_000 && n % 100 === 0) return `${n / 1_000}k`;
  return String(n);
}
