import type { Engine } from '../warehouse/engine.ts';
import type { WarehouseBackend } from './backend.ts';
import { noBuild } from './errors.ts';

interface Opened {
  buildId: string;
  engine: Promise<Engine>;
  users: number;
  retired: boolean;
}

/**
 * One read-only engine per published build. A request borrows the engine of the build that is
 * current when it starts; when a new build is published the next request opens a new engine and
 * the old one is closed once its last request has finished, so a build never changes under a query.
 */
export class MartsAccess {
  private opened: Opened | null = null;

  constructor(private readonly backend: WarehouseBackend) {}

  currentBuildId(): string | null {
    return this.backend.currentBuildId();
  }

  async with<T>(fn: (engine: Engine, buildId: string) => Promise<T>): Promise<{ buildId: string; value: T }> {
    const buildId = this.backend.currentBuildId();
    if (!buildId) throw noBuild();
    const opened = this.acquire(buildId);
    try {
      const engine = await opened.engine;
      return { buildId, value: await fn(engine, buildId) };
    } finally {
      this.release(opened);
    }
  }

  private acquire(buildId: string): Opened {
    if (!this.opened || this.opened.buildId !== buildId) {
      if (this.opened) this.retire(this.opened);
      const engine = this.backend.openMarts();
      const opened: Opened = { buildId, engine, users: 0, retired: false };
      // A failed open is not kept: the next request tries again.
      engine.catch(() => {
        if (this.opened === opened) this.opened = null;
      });
      this.opened = opened;
    }
    this.opened.users++;
    return this.opened;
  }

  private release(opened: Opened): void {
    opened.users--;
    if (opened.retired && opened.users === 0) closeQuietly(opened);
  }

  private retire(opened: Opened): void {
    opened.retired = true;
    if (opened.users === 0) closeQuietly(opened);
  }

  close(): void {
    if (this.opened) this.retire(this.opened);
    this.opened = null;
  }
}

function closeQuietly(opened: Opened): void {
  opened.engine.then((engine) => engine.close(), () => {});
}
