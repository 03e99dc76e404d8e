/**
 * Checks of workloads that zod cannot express: open (rate) or closed (users), one target or a
 * mix, and schedules whose items each do one thing, in time order.
 * Only names and combinations are checked here; rates and times are converted by normalize.ts.
 */
import type { DocPath, UnlocatedIssue } from './issues.ts';
import * as msg from './messages.ts';
import { checkEndpointRef, type Names } from './names.ts';
import type { ScenarioParsed } from './schema.ts';
import { parseDurationMs } from './units.ts';

type Workload = ScenarioParsed['workloads'][string];
type ScheduleItem = NonNullable<Workload['schedule']>[number];

function error(text: msg.IssueText, path: DocPath): UnlocatedIssue {
  return { ...text, severity: 'error', path };
}

/** Every problem of every workload, in document order. */
export function checkWorkloads(doc: ScenarioParsed, names: Names): UnlocatedIssue[] {
  return Object.entries(doc.workloads).flatMap(([id, workload]) => {
    const at = ['workloads', id];
    return [
      ...checkArrivals(workload, at),
      ...checkTargets(workload, at, names),
      ...checkSchedule(workload, at),
    ];
  });
}

/** Open (rate, maybe a schedule) or closed (users, maybe a think time), never both. */
function checkArrivals(w: Workload, at: DocPath): UnlocatedIssue[] {
  const issues: UnlocatedIssue[] = [];
  const given = (['rate', 'users', 'replay', 'rateProfile'] as const).filter(
    (k) => w[k] !== undefined,
  );
  if (given.length === 0) issues.push(error(msg.workloadArrival('none'), at));
  if (given.length > 1) issues.push(error(msg.workloadArrival('both', given), [...at, given[1]]));
  if (w.schedule !== undefined && w.rate === undefined) {
    const because = {
      en: 'a schedule changes the arrival rate of an open workload',
      ko: 'schedule은 열린 워크로드의 도착률을 바꿉니다',
    };
    issues.push(error(msg.misplacedKey('schedule', 'rate', because), [...at, 'schedule']));
  }
  if (w.thinkTime !== undefined && w.users === undefined) {
    const because = {
      en: "it is the pause of a closed workload's users between a response and their next request",
      ko: '닫힌 워크로드의 사용자가 응답을 받고 다음 요청까지 쉬는 시간입니다',
    };
    issues.push(error(msg.misplacedKey('thinkTime', 'users', because), [...at, 'thinkTime']));
  }
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

function checkScheduleItem(item: ScheduleItem, path: DocPath): UnlocatedIssue[] {
  const kinds = (['rate', 'rampTo', 'spike'] as const).filter((k) => item[k] !== undefined);
  if (kinds.length !== 1) return [error(msg.scheduleItemKind(kinds), path)];
  const issues: UnlocatedIssue[] = [];
  if (item.rampTo !== undefined && item.over === undefined) {
    issues.push(
      error(msg.missingKey('over', 'rampTo: needs over: (how long the ramp takes)'), [
        ...path,
        'over',
      ]),
    );
  }
  if (item.spike !== undefined && item.for === undefined) {
    issues.push(
      error(msg.missingKey('for', 'spike: needs for: (how long the spike lasts)'), [
        ...path,
        'for',
      ]),
    );
  }
  if (item.over !== undefined && item.rampTo === undefined) {
    issues.push(
      error(
        msg.misplacedKey('over', 'rampTo', {
          en: 'it is how long a ramp takes',
          ko: '램프가 걸리는 시간입니다',
        }),
        [...path, 'over'],
      ),
    );
  }
  if (item.for !== undefined && item.spike === undefined) {
    issues.push(
      error(
        msg.misplacedKey('for', 'spike', {
          en: 'it is how long a spike lasts',
          ko: '스파이크가 지속되는 시간입니다',
        }),
        [...path, 'for'],
      ),
    );
  }
  return issues;
}
