/**
 * The texts of the problems of replicated data (`replicated:`, the `updateCopy` and `readCopy`
 * steps; found by check-replicated.ts and the steps' checks): one function per issue code, as in
 * messages.ts, which re-exports this file.
 */
import type { IssueText } from './issues.ts';
import * as ko from './messages-ko.ts';
import { listNames } from './messages-values.ts';

/** A copy step in a service that holds no copy of the data. */
export function notACopy(data: string, service: string, copies: readonly string[]): IssueText {
  return {
    code: 'not-a-copy',
    message: `service "${service}" holds no copy of replicated data "${data}"; its copies are in ${listNames(copies)}`,
    hint: `add "${service}" to replicated.${data}.copies, or call a service that holds a copy`,
    ko: ko.notACopy(data, service, copies),
  };
}

/** A service named twice among the copies of one replicated data. */
export function duplicateCopy(data: string, service: string): IssueText {
  return {
    code: 'duplicate-copy',
    message: `service "${service}" is named twice among the copies of "${data}"; a service holds one copy`,
    hint: 'remove the repeated name',
    ko: ko.duplicateCopy(data, service),
  };
}

/**
 * A reconciliation more often than every `min`: each one sends every key of every copy to every
 * other copy, so a short period would spend the run on it.
 */
export function reconcileTooOften(data: string, min: string, got: string): IssueText {
  return {
    code: 'reconcile-too-often',
    message: `replicated.${data}.reconcile must be at least ${min} (got ${got}): each reconciliation sends every key of every copy to every other copy`,
    hint: 'for example reconcile: 10s',
    ko: ko.reconcileTooOften(data, min, got),
  };
}
