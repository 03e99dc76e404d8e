/**
 * The reference check the two copy steps (`updateCopy`, `readCopy`) share: the replicated data
 * they name exists (did-you-mean), and the service running the step holds a copy of it.
 * Language only (zod-free, no model), like the kinds' `<kind>.ts`.
 */
import type { DocPath, UnlocatedIssue } from '../../scenario/issues.ts';
import * as msg from '../../scenario/messages.ts';
import { errorAt } from '../../scenario/names.ts';
import type { CheckContext } from '../../scenario/step-syntax.ts';

/** Problems of a copy step of service `ctx.serviceId` naming data `data` at `at`. */
export function checkCopyRef(data: string, at: DocPath, ctx: CheckContext): UnlocatedIssue[] {
  const all = ctx.doc.replicated;
  const def = all[data];
  if (def === undefined)
    return [errorAt(msg.unknownReference('replicated data', data, Object.keys(all)), at)];
  return def.copies.includes(ctx.serviceId)
    ? []
    : [errorAt(msg.notACopy(data, ctx.serviceId, def.copies), at)];
}
