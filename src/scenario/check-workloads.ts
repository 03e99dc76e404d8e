/**
 * Checks of workloads that zod cannot express: open (rate) or closed (users), one target or a
 * mix, and schedules whose items each do one thing, in time order.
 * Only names and combinations are checked here; rates and times are converted by normalize.ts.
 */
import type { Bilingual, DocPath, UnlocatedIssue } from './issues.ts';
import * as msg from './messages.ts';
import { checkEndpointRef, type Names } from './names.ts';
import type { ScenarioParsed } from './schema.ts';
import { parseDurationMs, parseRatePerSec } from './units.ts';

type Workload = ScenarioParsed['workloads'][string];
type ScheduleItem = NonNullable<Workload['schedule']>[number];

function error(text: msg.IssueText, path: DocPath): UnlocatedIssue {
  return { ...text, severity: 'error', path };
}

/**
 * `key:` given in `item` without `needs:`, the key it only goes with (`because` says why, in
 * both languages): a misplaced-key error at `key`, else nothing.
 */
function onlyWith<T extends object>(
  item: T,
  at: DocPath,
  key: keyof T & string,
  needs: keyof T & string,
  because: Bilingual,
): UnlocatedIssue[] {
  if (item[key] === undefined || item[needs] !== undefined) return [];
  return [error(msg.misplacedKey(key, needs, because), [...at, key])];
}

/** Every problem of every workload, in document order. */
export function checkWorkloads(doc: ScenarioParsed, names: Names): UnlocatedIssue[] {
  return Object.entries(doc.workloads).flatMap(([id, workload]) => {
    const at = ['workloads', id];
    return [
      ...checkArrivals(workload, at),
      ...checkTargets(workload, at, names),
      ...checkSchedule(workload, at),
      ...(sendsNothing(doc, id, workload)
        ? [
            {
              ...msg.workloadSendsNothing(id, workload.rate),
              severity: 'warning' as const,
              path: [...at, 'rate'],
            },
          ]
        : []),
    ];
  });
}

/**
 * Whether open workload `id` can send nothing in any variant: its rate is 0, no schedule item
 * raises it and no variant sets anything of it (a variant may give it its rate).
 */
function sendsNothing(doc: ScenarioParsed, id: string, w: Workload): boolean {
  if (w.rate === undefined || !(parseRatePerSec(w.rate) === 0)) return false;
  const raised = (w.schedule ?? []).some((item) =>
    [item.rate, item.rampTo, item.spike].some((r) => r !== undefined && parseRatePerSec(r) !== 0),
  );
  if (raised) return false;
  const mine = (key: string) =>
    key === 'workloads' || key === `workloads.${id}` || key.startsWith(`workloads.${id}.`);
  return !Object.values(doc.variants ?? {}).some((v) => Object.keys(v.set).some(mine));
}

/** Open (rate, maybe a schedule) or closed (users, maybe a think time), never both. */
function checkArrivals(w: Workload, at: DocPath): UnlocatedIssue[] {
  const issues: UnlocatedIssue[] = [];
  const given = (['rate', 'users', 'replay', 'rateProfile'] as const).filter(
    (k) => w[k] !== undefined,
  );
  if (given.length === 0) issues.push(error(msg.workloadArrival('none'), at));
  if (given.length > 1) issues.push(error(msg.workloadArrival('both', given), [...at, given[1]]));
  issues.push(
    ...onlyWith(w, at, 'schedule', 'rate', {
      en: 'a schedule changes the arrival rate of an open workload',
      ko: 'schedule은 열린 워크로드의 도착률을 바꿉니다',
    }),
    ...onlyWith(w, at, 'thinkTime', 'users', {
      en: "it is the pause of a closed workload's users between a response and their next request",
      ko: '닫힌 워크로드의 사용자가 응답을 받고 다음 요청까지 쉬는 시간입니다',
    }),
  );
  return issues;
}

/** One target or a mix with some weight, naming endpoints that exist. */
function checkTargets(w: Workload, at: DocPath, names: Names): UnlocatedIssue[] {
  const issues: UnlocatedIssue[] = [];
  if (w.target === undefined && w.mix === undefined)
    issues.push(error(msg.workloadTarget('none'), at));
  if (w.target !== undefined && w.mix !== undefined)
    issues.push(error(msg.workloadTarget('both'), [...at, 'mix']));
  if (w.target !== undefined) issues.push(...checkEndpointRef(w.target, [...at, 'target'], names));
  if (w.mix !== undefined) {
    for (const ref of Object.keys(w.mix))
      issues.push(...checkEndpointRef(ref, [...at, 'mix', ref], names, true));
    const total = Object.values(w.mix).reduce((sum, weight) => sum + weight, 0);
    if (total <= 0) issues.push(error(msg.mixWeights(), [...at, 'mix']));
  }
  return issues;
}

/** Each item: one of rate / rampTo (with over) / spike (with for); `at` strictly increasing. */
function checkSchedule(w: Workload, at: DocPath): UnlocatedIssue[] {
  const issues: UnlocatedIssue[] = [];
  let previous: ScheduleItem | undefined;
  for (const [i, item] of (w.schedule ?? []).entries()) {
    const path = [...at, 'schedule', i];
    issues.push(...checkScheduleItem(item, path));
    if (previous !== undefined && parseDurationMs(item.at) <= parseDurationMs(previous.at)) {
      issues.push(error(msg.scheduleOrder(item.at, previous.at), [...path, 'at']));
    }
    previous = item;
  }
  return issues;
}

/** The changes of a schedule item that take a length, each with its key: both or neither. */
const TIMED_CHANGES = [
  {
    change: 'rampTo',
    length: 'over',
    needs: 'rampTo: needs over: (how long the ramp takes)',
    is: { en: 'it is how long a ramp takes', ko: '램프가 걸리는 시간입니다' },
  },
  {
    change: 'spike',
    length: 'for',
    needs: 'spike: needs for: (how long the spike lasts)',
    is: { en: 'it is how long a spike lasts', ko: '스파이크가 지속되는 시간입니다' },
  },
] as const;

function checkScheduleItem(item: ScheduleItem, path: DocPath): UnlocatedIssue[] {
  const kinds = (['rate', 'rampTo', 'spike'] as const).filter((k) => item[k] !== undefined);
  if (kinds.length !== 1) return [error(msg.scheduleItemKind(kinds), path)];
  return [
    // a change with no length first, then a length with nothing to time
    ...TIMED_CHANGES.filter(
      ({ change, length }) => item[change] !== undefined && item[length] === undefined,
    ).map(({ length, needs }) => error(msg.missingKey(length, needs), [...path, length])),
    ...TIMED_CHANGES.flatMap(({ change, length, is }) => onlyWith(item, path, length, change, is)),
  ];
}
