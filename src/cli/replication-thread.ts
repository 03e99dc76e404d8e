/**
 * The entry of a replication worker thread when the CLI runs from its bundle (compiled to
 * dist/cli/replication-thread.js; cli/replication-pool.ts starts it): the thread compiles the
 * same bundle as `bin/msasim`, with its code cache (cli/code-cache.ts), and runs the task of
 * cli/replication-worker.ts from it. Loading the ~200 modules of dist/ one by one, as the
 * unbundled worker does, cost each thread about a quarter of a second of CPU time more.
 */
import { loadCli } from './code-cache.ts';
import type { ReplicationResult, ReplicationTask } from './replication-worker.ts';

const task = loadCli().exports.replicationTask();

/** Runs one replication (cli/replication-worker.ts `runReplicationTask`). */
export async function runReplicationTask(t: ReplicationTask): Promise<ReplicationResult> {
  return (await task)(t);
}
