/**
 * Answers kept until the next build: the key starts with the build id, and the whole cache is
 * dropped when the build changes. The promise itself is stored, so concurrent identical requests
 * share one query; a failed query is not kept.
 */
export class ResultCache<T> {
  private buildId: string | null = null;
  private readonly entries = new Map<string, Promise<T>>();

  constructor(private readonly maxEntries = 1000) {}

  async get(buildId: string, key: string, compute: () => Promise<T>): Promise<{ value: T; hit: boolean }> {
    if (buildId !== this.buildId) {
      this.entries.clear();
      this.buildId = buildId;
    }
    const existing = this.entries.get(key);
    if (existing) {
      // Re-insert: the Map's insertion order is the eviction order (least recently used first).
      this.entries.delete(key);
      this.entries.set(key, existing);
      return { value: await existing, hit: true };
    }
    const pending = compute();
    this.entries.set(key, pending);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    try {
      return { value: await pending, hit: false };
    } catch (error) {
      if (this.entries.get(key) === pending) this.entries.delete(key);
      throw error;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

/** A stable key for a parameter set: names sorted, so `?a=1&b=2` and `?b=2&a=1` share an entry. */
export function paramsKey(params: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(params).sort().map((name) => [name, params[name]]));
}
