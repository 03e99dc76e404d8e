/** The step kind `sleep` (sleep.ts says what it does): its language part, compiled as a timed step. */
import { sleepSyntax } from './sleep.ts';
import { timedStepKind } from './timed-runtime.ts';

export const sleep = timedStepKind(sleepSyntax);
