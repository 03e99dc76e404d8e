/**
 * `sleep`: waits for a drawn time, holding the visit's thread but no core (an external wait the
 * model does not show): `- sleep: 20ms`. Run inline by the interpreter (model/journey.ts); its
 * language part and compilation are those of every timed step (timed.ts).
 */
import { timedStepKind } from './timed.ts';

export const sleep = timedStepKind('sleep');
