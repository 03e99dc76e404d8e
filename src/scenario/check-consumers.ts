/**
 * Checks of consumer groups that zod cannot express: the broker and its topic exist, the
 * handler endpoint exists, and the idempotency store is a distributed cache or a database.
 */
import type { DocPath, UnlocatedIssue } from './issues.ts';
import * as msg from './messages.ts';
import { checkDatabaseRef, checkEndpointRef, type Names } from './names.ts';
import type { ScenarioParsed } from './schema.ts';
import type { StepVisit } from './walk-steps.ts';

function error(text: msg.IssueText, path: DocPath): UnlocatedIssue {
  return { ...text, severity: 'error', path };
}

/** Every problem of every consumer group, in document order (`steps`: all the document's). */
export function checkConsumers(
  doc: ScenarioParsed,
  names: Names,
  steps: readonly StepVisit[],
): UnlocatedIssue[] {
  const issues: UnlocatedIssue[] = [];
  for (const [id, c] of Object.entries(doc.consumers)) {
    const at: DocPath = ['consumers', id];
    const broker = doc.brokers[c.broker];
    if (broker === undefined)
      issues.push(
        error(msg.unknownReference('broker', c.broker, names.brokers), [...at, 'broker']),
      );
    else {
      const topics = Object.keys(broker.topics);
      if (!topics.includes(c.topic))
        issues.push(
          error(msg.unknownReference('topic', c.topic, topics, c.broker), [...at, 'topic']),
        );
    }
    issues.push(...checkEndpointRef(c.handler, [...at, 'handler'], names));
    const idem = c.idempotency;
    if (typeof idem === 'object' && 'store' in idem) {
      const cache = doc.caches[idem.store];
      const path: DocPath = [...at, 'idempotency', 'store'];
      if (cache === undefined)
        issues.push(error(msg.unknownReference('cache', idem.store, names.caches), path));
      else if (cache.type !== 'distributed')
        issues.push(error(msg.storeInProcess(idem.store, cache.type, 'message ids'), path));
    } else if (typeof idem === 'object' && 'db' in idem)
      issues.push(...checkDatabaseRef(idem.db, [...at, 'idempotency', 'db'], names));
  }
  issues.push(...checkReaders(doc, steps));
  return issues;
}

/** The names of the sagas a scenario defines (saga steps with a name), anywhere. */
function sagaNames(steps: readonly StepVisit[]): string[] {
  return steps.flatMap(({ step }) => {
    const name = (step.saga as { name?: string } | undefined)?.name;
    return name === undefined ? [] : [name];
  });
}

/** Readers: one target, a named saga or a consumer group that exists. */
function checkReaders(doc: ScenarioParsed, steps: readonly StepVisit[]): UnlocatedIssue[] {
  const issues: UnlocatedIssue[] = [];
  const sagas = sagaNames(steps);
  const groups = Object.keys(doc.consumers);
  const isSaga = new Set(sagas);
  for (const [id, r] of Object.entries(doc.readers)) {
    const at: DocPath = ['readers', id];
    if ((r.saga === undefined) === (r.consumer === undefined))
      issues.push(error(msg.readerTarget(r.saga === undefined ? 'none' : 'both'), at));
    if (r.saga !== undefined && !isSaga.has(r.saga))
      issues.push(error(msg.unknownReference('saga', r.saga, sagas), [...at, 'saga']));
    if (r.consumer !== undefined && doc.consumers[r.consumer] === undefined)
      issues.push(
        error(msg.unknownReference('consumer group', r.consumer, groups), [...at, 'consumer']),
      );
  }
  return issues;
}
