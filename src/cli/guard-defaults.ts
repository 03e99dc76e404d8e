/**
 * The runaway guards' default budgets and fixed bounds (run-guard.ts holds the guards and
 * re-exports these). Apart so that the command line's start-up (main.ts, option-parsers.ts, for
 * their help texts and checks) does not load the model that run-guard.ts runs.
 */

/** Events between two checks of the guards: cheap enough, and often enough for `--max-wall 1us`. */
export const CHECK_EVERY = 65_536;
/** Default most pending events (a million users each wait for one, and more is in flight). */
export const DEFAULT_MAX_PENDING = 5_000_000;
/** Default most visits waiting at one component (about 300 bytes each). */
export const DEFAULT_MAX_QUEUE = 1_000_000;
/** Default wall-time budget of a whole command, ms (an hour). */
export const DEFAULT_MAX_WALL_MS = 3_600_000;
/** Default wall-time budget of one run, ms (ten minutes). */
export const DEFAULT_MAX_RUN_WALL_MS = 600_000;
/** Most replications of a command (each is a whole run). */
export const MAX_REPLICATIONS = 10_000;
/** Events at one simulated instant after which the run is stuck (zero-time work repeating). */
export const MAX_EVENTS_AT_ONE_INSTANT = 10_000_000;
