/** How a request (or one visit to a component) ended. */
export const Outcome = { ok: 0, rejected: 1, timedOut: 2, failed: 3 } as const;
export type Outcome = (typeof Outcome)[keyof typeof Outcome];
/** Outcome names in index order, as used in outputs. */
export const OUTCOME_NAMES = ['ok', 'rejected', 'timedOut', 'failed'] as const;
export type OutcomeName = (typeof OUTCOME_NAMES)[number];
