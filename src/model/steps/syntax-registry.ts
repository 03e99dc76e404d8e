/**
 * The language part of every built-in step kind (`StepSyntax`: schema, normalization, checks),
 * in the order their keys are tried and listed (`a step needs exactly one of: cpu, sleep, …`):
 * what `validate`, `schema` and the parse of every command use. It loads zod and scenario/
 * only, never the model, so checking a scenario does not load the simulator.
 * registry.ts lists the whole kinds (this part plus compile and run) in the same order;
 * registry.test.ts holds the two lists equal. Adding a kind: `<kind>.ts` (its language part)
 * and `<kind>-runtime.ts` (the whole kind) in this folder, one line here and one in registry.ts.
 */

import type { StepSyntax } from '../../scenario/step-syntax.ts';
import { branchSyntax } from './branch.ts';
import { callSyntax } from './call.ts';
import { cpuSyntax } from './cpu.ts';
import { eventStoreStepSyntax } from './event-store.ts';
import { kvSyntax } from './kv.ts';
import { listSyntax } from './list.ts';
import { lookupSyntax } from './lookup.ts';
import { parallelSyntax } from './parallel.ts';
import { pendingSyntax } from './pending.ts';
import { publishSyntax } from './publish.ts';
import { querySyntax } from './query.ts';
import { readCopySyntax } from './read-copy.ts';
import { readPendingSyntax } from './read-pending.ts';
import { sagaSyntax } from './saga.ts';
import { sleepSyntax } from './sleep.ts';
import { transactionSyntax } from './transaction.ts';
import { twoPhaseCommitSyntax } from './two-phase-commit.ts';
import { updateCopySyntax } from './update-copy.ts';

/** The language parts of the built-in step kinds. */
export const BUILTIN_STEP_SYNTAXES: readonly StepSyntax[] = [
  cpuSyntax,
  sleepSyntax,
  callSyntax,
  querySyntax,
  parallelSyntax,
  branchSyntax,
  listSyntax,
  lookupSyntax,
  publishSyntax,
  kvSyntax,
  sagaSyntax,
  transactionSyntax,
  twoPhaseCommitSyntax,
  pendingSyntax,
  readPendingSyntax,
  eventStoreStepSyntax,
  updateCopySyntax,
  readCopySyntax,
];
