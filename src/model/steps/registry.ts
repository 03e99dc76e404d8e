/**
 * Every step kind of the scenario language, in the order their keys are tried and listed
 * (`a step needs exactly one of: cpu, sleep, …`). Adding a kind: one module in this folder
 * (see step-kind.ts) and one line here.
 */
import { branch } from './branch.ts';
import { call } from './call.ts';
import { cpu } from './cpu.ts';
import { eventStoreStep } from './event-store.ts';
import { kv } from './kv.ts';
import { list } from './list.ts';
import { lookup } from './lookup.ts';
import { parallel } from './parallel.ts';
import { pending } from './pending.ts';
import { publish } from './publish.ts';
import { query } from './query.ts';
import { readPending } from './read-pending.ts';
import { saga } from './saga.ts';
import { sleep } from './sleep.ts';
import type { StepKindModule } from './step-kind.ts';
import { transaction } from './transaction.ts';
import { twoPhaseCommit } from './two-phase-commit.ts';

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
];
