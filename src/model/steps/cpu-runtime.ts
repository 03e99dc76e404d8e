/** The step kind `cpu` (cpu.ts says what it does): its language part, compiled as a timed step. */
import { cpuSyntax } from './cpu.ts';
import { timedStepKind } from './timed-runtime.ts';

export const cpu = timedStepKind(cpuSyntax);
