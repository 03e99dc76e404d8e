/**
 * The texts of the problems of a scenario's faults (faults:, found by check-references.ts and
 * check-limits.ts): one function per issue code, as in messages.ts, which re-exports this file.
 */
import type { IssueText } from './issues.ts';
import * as ko from './messages-ko.ts';
import { showPlain } from './messages-values.ts';

/** A fault with both a component and a link. */
export function faultTwoTargets(name: string): IssueText {
  return {
    code: 'fault-two-targets',
    message: `fault "${name}" names both a target and a link; a fault strikes one of them`,
    hint: 'split it into two faults',
    ko: ko.faultTwoTargets(name),
  };
}

/** A fault that strikes nothing. */
export function faultWithoutTarget(name: string, kind: string): IssueText {
  return {
    code: 'fault-without-target',
    message: `fault "${name}" names no target`,
    hint:
      kind === 'partition'
        ? 'a partition strikes a link: add `link: { from: a, to: b }`'
        : 'add `target: <component>` (a service, database or cache) or `link: { from: a, to: b }`',
    ko: ko.faultWithoutTarget(name, kind),
  };
}

/** A fault on instances a component does not have. */
export function faultInstances(component: string, count: number): IssueText {
  return {
    code: 'fault-instances',
    message: `"${component}" has ${count} instance${count === 1 ? '' : 's'}; the fault names more`,
    hint: `give a count from 1 to ${count}, or instance numbers from 0 to ${count - 1}`,
    ko: ko.faultInstances(component, count),
  };
}

/** A partition on a component. */
export function faultNeedsLink(name: string): IssueText {
  return {
    code: 'fault-needs-link',
    message: `fault "${name}" is a partition, which cuts a link, not a component`,
    hint: 'replace `target:` with `link: { from: caller, to: callee }`; to take a component down, use kind: crash',
    ko: ko.faultNeedsLink(name),
  };
}

/** A component-only fault on a link. */
export function faultNeedsComponent(name: string, kind: string): IssueText {
  return {
    code: 'fault-needs-component',
    message: `fault "${name}" (${kind}) strikes a component, not a link`,
    hint: 'replace `link:` with `target: <component>`; on a link use kind: partition, latency or error-rate',
    ko: ko.faultNeedsComponent(name, kind),
  };
}

/** `direction` on a fault that strikes a component. */
export function directionWithoutLink(name: string): IssueText {
  return {
    code: 'fault-direction-without-link',
    message: `fault "${name}" has a \`direction\`, which applies to a \`link:\` only`,
    hint: 'remove `direction`, or strike a link: `link: { from: a, to: b }, direction: both`',
    ko: ko.directionWithoutLink(name),
  };
}

/** Instances on a link fault. */
export function faultInstancesOnLink(): IssueText {
  return {
    code: 'fault-instances-on-link',
    message: '`instances` selects instances of a target component; a link has none',
    hint: 'remove `instances`, or strike the component with `target:`',
    ko: ko.faultInstancesOnLink(),
  };
}

/** A latency fault that delays nothing. */
export function latencyFaultWithoutDelay(name: string): IssueText {
  return {
    code: 'latency-fault-without-delay',
    message: `latency fault "${name}" neither adds nor multiplies anything`,
    hint: 'give `add: 50ms` (a duration or distribution), `factor: 3`, or both',
    ko: ko.latencyFaultWithoutDelay(name),
  };
}

/** A fault that starts after the run ends. */
export function faultNeverStrikes(at: unknown, duration: unknown): IssueText {
  return {
    code: 'fault-never-strikes',
    message: `the fault starts at ${showPlain(at)}, not before the run ends (${showPlain(duration)}): it never strikes`,
    hint: 'start it earlier or lengthen the run',
    ko: ko.faultNeverStrikes(at, duration),
  };
}

/** A duration written as a number below 1: milliseconds, so below 1 ms. */
export function unitlessSubMillisecond(key: string, value: number): IssueText {
  return {
    code: 'unitless-sub-millisecond',
    message: `\`${key}: ${value}\` has no unit, so it is ${value} ms (a number is milliseconds)`,
    hint: `write "${value}ms" if you mean it, or "${value}s" for seconds`,
    ko: ko.unitlessSubMillisecond(key, value),
  };
}

/** A fault whose every window is over before the warm-up ends. */
export function faultOnlyInWarmup(at: unknown, length: unknown, warmup: unknown): IssueText {
  return {
    code: 'fault-only-in-warmup',
    message: `the fault strikes from ${showPlain(at)} for ${showPlain(length)}, all of it inside the warm-up (${showPlain(warmup)}), which is not counted: nothing of it is measured`,
    hint: 'start it after the warm-up, or shorten the warm-up',
    ko: ko.faultOnlyInWarmup(at, length, warmup),
  };
}

/** `every` without `for`. */
export function recurringFaultWithoutLength(): IssueText {
  return {
    code: 'recurring-fault-without-length',
    message: 'a recurring fault needs `for` (how long each occurrence lasts)',
    hint: 'e.g. `at: 30s`, `for: 10s`, `every: 60s`',
    ko: ko.recurringFaultWithoutLength(),
  };
}

/** Occurrences that overlap. */
export function faultWindowsOverlap(length: unknown, every: unknown): IssueText {
  return {
    code: 'fault-windows-overlap',
    message: `each occurrence lasts ${showPlain(length)} but they start every ${showPlain(every)}: they would overlap`,
    hint: 'make `for` shorter than `every` (or drop `every` for one long fault)',
    ko: ko.faultWindowsOverlap(length, every),
  };
}

/** `times` without `every`. */
export function faultTimesWithoutEvery(): IssueText {
  return {
    code: 'fault-times-without-every',
    message: '`times` counts recurrences, but the fault has no `every`',
    hint: 'add `every: <period>` or remove `times`',
    ko: ko.faultTimesWithoutEvery(),
  };
}
