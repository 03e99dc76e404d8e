/**
 * Checks of replicated data (`replicated:`) that zod cannot express: every copy is a service of
 * the scenario (did-you-mean), named once, and the state of all the data together within
 * LIMITS.replicatedState (each data's own copies and keys have their limits in the schema), a
 * reconciliation at most every MIN_RECONCILE_MS and its merges over the run within
 * LIMITS.reconcileMerges (tooManyMerges: the same for a `--duration`). The steps that use a copy (`updateCopy`,
 * `readCopy`: model/steps/update-copy.ts, read-copy.ts) check their own references.
 */
import type { DocPath, UnlocatedIssue } from './issues.ts';
import { LIMITS, MIN_RECONCILE_MS } from './limits.ts';
import * as msg from './messages.ts';
import { errorAt, type Names } from './names.ts';
import type { ScenarioParsed } from './schema.ts';
import type { Scenario } from './types.ts';
import { parseDurationMs } from './units.ts';

/** Keys the reconciliations of one replicated data merge in a run of `durationMs`. */
export const reconcileMerges = (
  keys: number,
  copies: number,
  periodMs: number,
  durationMs: number,
) => keys * copies * (copies - 1) * Math.floor(durationMs / periodMs);

/**
 * The replicated data of `scenario` at which the reconciliations' merges, its own and those of
 * the data before it, pass LIMITS.reconcileMerges in a run of `durationMs`, with their number
 * (the check a file's own duration gets below, for a `--duration`); undefined when they do not.
 */
export function tooManyMerges(
  scenario: Scenario,
  durationMs: number,
): { data: string; merges: number } | undefined {
  let merges = 0;
  for (const r of scenario.replicated) {
    if (r.reconcileMs === null) continue;
    merges += reconcileMerges(r.keys, r.copies.length, r.reconcileMs, durationMs);
    if (merges > LIMITS.reconcileMerges) return { data: r.id, merges };
  }
  return undefined;
}

/** Every problem of every replicated data, in document order. */
export function checkReplicated(doc: ScenarioParsed, names: Names): UnlocatedIssue[] {
  const issues: UnlocatedIssue[] = [];
  const services = new Set(names.services);
  let state = 0;
  let over = false;
  let merges = 0;
  const durationMs = parseDurationMs(doc.duration);
  for (const [id, r] of Object.entries(doc.replicated)) {
    const c = r.copies.length;
    state += r.keys * c * (r.merge === 'crdt' ? 2 * c : 5);
    if (state > LIMITS.replicatedState && !over) {
      over = true;
      issues.push(
        errorAt(msg.overLimit('replicated', LIMITS.replicatedState, state), ['replicated', id]),
      );
    }
    if (r.reconcile !== undefined) {
      const at: DocPath = ['replicated', id, 'reconcile'];
      const periodMs = parseDurationMs(r.reconcile);
      if (!(periodMs >= MIN_RECONCILE_MS))
        issues.push(
          errorAt(msg.reconcileTooOften(id, `${MIN_RECONCILE_MS}ms`, String(r.reconcile)), at),
        );
      else {
        const before = merges;
        merges += reconcileMerges(r.keys, c, periodMs, durationMs);
        if (merges > LIMITS.reconcileMerges && before <= LIMITS.reconcileMerges)
          issues.push(errorAt(msg.overLimit('reconcile', LIMITS.reconcileMerges, merges), at));
      }
    }
    const seen = new Set<string>();
    r.copies.forEach((service, i) => {
      const at: DocPath = ['replicated', id, 'copies', i];
      if (!services.has(service))
        issues.push(errorAt(msg.unknownReference('service', service, names.services), at));
      else if (seen.has(service)) issues.push(errorAt(msg.duplicateCopy(id, service), at));
      seen.add(service);
    });
  }
  return issues;
}
