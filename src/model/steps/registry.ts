/**
 * Every built-in step kind, whole (its language part and how it compiles and runs: step-kind.ts),
 * in the order their keys are tried and listed. The model compiles steps with these; the parse
 * uses their language parts alone (syntax-registry.ts, the same kinds in the same order, so that
 * `validate` does not load the simulator; registry.test.ts holds the two lists equal). Adding a
 * kind: `<kind>.ts` (its language part) and `<kind>-runtime.ts` (the whole kind) in this
 * folder, one line here and one in syntax-registry.ts.
 */
import { branch } from './branch-runtime.ts';
import { call } from './call-runtime.ts';
import { cpu } from './cpu-runtime.ts';
import { eventStoreStep } from './event-store-runtime.ts';
import { kv } from './kv-runtime.ts';
import { list } from './list-runtime.ts';
import { lookup } from './lookup-runtime.ts';
import { parallel } from './parallel-runtime.ts';
import { pending } from './pending-runtime.ts';
import { publish } from './publish-runtime.ts';
import { query } from './query-runtime.ts';
import { readCopy } from './read-copy-runtime.ts';
import { readPending } from './read-pending-runtime.ts';
import { saga } from './saga-runtime.ts';
import { sleep } from './sleep-runtime.ts';
import type { StepKindModule } from './step-kind.ts';
import { transaction } from './transaction-runtime.ts';
import { twoPhaseCommit } from './two-phase-commit-runtime.ts';
import { updateCopy } from './update-copy-runtime.ts';

/** The built-in step kinds. */
export const BUILTIN_STEP_KINDS: readonly StepKindModule[] = [
  cpu,
  sleep,
  call,
  query,
  parallel,
  branch,
  list,
  lookup,
  publish,
  kv,
  saga,
  transaction,
  twoPhaseCommit,
  pending,
  readPending,
  eventStoreStep,
  updateCopy,
  readCopy,
];
