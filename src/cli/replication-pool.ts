/**
 * The worker threads that run replications (cli/replication-worker.ts) for `msasim sweep` and
 * for `msasim run`/`compare` (`--jobs`, `--workers`): a piscina pool of a fixed number of
 * threads. piscina is loaded (with `require`, as the bundled CLI holds no `import()`:
 * scripts/build-cli.mjs) when a pool is opened, so a command that needs none (a run of one
 * replication, `--jobs 1`) never loads it. Under tsx (the tests of the sources) the worker
 * is the .ts file, loaded through tsx; from dist/ it is dist/cli/replication-thread.js, which
 * runs the task from the CLI's bundle with its code cache (the bundle rewrites import.meta.url
 * to this module's place in dist/: scripts/build-cli.mjs).
 */
import { createRequire } from 'node:module';
import type { Piscina as PiscinaClass } from 'piscina';
import { type ReplicationResult, type ReplicationTask, unstarted } from './replication-worker.ts';

/** A pool of worker threads running replication tasks. */
export interface ReplicationPool {
  /** Its number of threads. */
  readonly threads: number;
  /**
   * Runs `task` on the first free thread. Tasks wait here, in the order given, until a thread
   * can take them (threads × queue at a time); one cancelled or past its deadline meanwhile is
   * answered without being handed out.
   */
  run(task: ReplicationTask): Promise<ReplicationResult>;
  /** Ends every thread (tasks not finished are rejected). */
  destroy(): Promise<void>;
}

/**
 * Opens a pool of `threads` worker threads (all started at once), each given up to `queue`
 * tasks at a time (default 1: a task goes to the first thread free). A longer queue lets the
 * threads go on while the main thread is busy (piscina hands out tasks from the main thread's
 * event loop); a thread runs its tasks one after the other (replication-worker.ts).
 */
export async function openReplicationPool(threads: number, queue = 1): Promise<ReplicationPool> {
  const { Piscina } = createRequire(import.meta.url)('piscina') as {
    Piscina: typeof PiscinaClass;
  };
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  // built: the thread runs the task from the bundle with its code cache (replication-thread.ts)
  const entry = ext === '.ts' ? './replication-worker.ts' : './replication-thread.js';
  const pool = new Piscina<ReplicationTask, ReplicationResult>({
    filename: new URL(entry, import.meta.url).href,
    name: 'runReplicationTask',
    minThreads: threads,
    maxThreads: threads,
    concurrentTasksPerWorker: Math.max(1, queue),
    execArgv: ext === '.ts' ? ['--import', 'tsx'] : [],
  });
  const slots = new Slots(threads * Math.max(1, queue));
  return {
    threads,
    run: async (task) => {
      await slots.take();
      try {
        return unstarted(task) ?? (await pool.run(task));
      } finally {
        slots.give();
      }
    },
    destroy: () => pool.destroy(),
  };
}

/** A number of slots taken and given back, the waiting served first come, first served. */
class Slots {
  readonly #waiting: (() => void)[] = [];
  #free: number;

  constructor(count: number) {
    this.#free = count;
  }

  async take(): Promise<void> {
    if (this.#free > 0) {
      this.#free--;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  give(): void {
    const next = this.#waiting.shift();
    if (next === undefined) this.#free++;
    else next();
  }
}
