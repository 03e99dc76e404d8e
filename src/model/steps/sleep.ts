/**
 * `sleep`: waits for a drawn time, holding the visit's thread but no core (an external wait the
 * model does not show): `- sleep: 20ms`. Run inline by the interpreter (model/journey.ts); its
 * language part (here) and compilation (sleep-runtime.ts) are those of every timed step
 * (timed.ts, timed-runtime.ts).
 */
import { timedSyntax } from './timed.ts';

export const sleepSyntax = timedSyntax('sleep');
