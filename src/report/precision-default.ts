/**
 * The default cap of precision stopping (precision.ts, re-exported there): apart so that the
 * command line's help (cli/main.ts) does not load the statistics that precision.ts runs.
 */

/** The default --max-replications. */
export const DEFAULT_MAX_REPLICATIONS = 30;
