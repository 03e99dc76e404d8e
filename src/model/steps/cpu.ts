/**
 * `cpu`: computes for a drawn time on the visit's thread (and a core, when the service has
 * cores): `- cpu: 2ms` or `- cpu: { dist: exponential, mean: 2ms }`. Run inline by the
 * interpreter (startCpu in model/journey.ts); its language part (here) and compilation
 * (cpu-runtime.ts) are those of every timed step (timed.ts, timed-runtime.ts).
 */
import { timedSyntax } from './timed.ts';

export const cpuSyntax = timedSyntax('cpu');
