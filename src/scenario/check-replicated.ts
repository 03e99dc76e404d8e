/**
 * Checks of replicated data (`replicated:`) that zod cannot express: every copy is a service of
 * the scenario (did-you-mean), named once. The steps that use a copy (`updateCopy`,
 * `readCopy`: model/steps/update-copy.ts, read-copy.ts) check their own references.
 */
import type { DocPath, UnlocatedIssue } from './issues.ts';
import * as msg from './messages.ts';
import { errorAt, type Names } from './names.ts';
import type { ScenarioParsed } from './schema.ts';

/** Every problem of every replicated data, in document order. */
export function checkReplicated(doc: ScenarioParsed, names: Names): UnlocatedIssue[] {
  const issues: UnlocatedIssue[] = [];
  const services = new Set(names.services);
  for (const [id, r] of Object.entries(doc.replicated)) {
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
