/**
 * Problems found in a scenario, as data: a code, where (file, line, col and the document path),
 * what was wrong, and a hint. Validation collects every issue before failing. The codes are a
 * closed list (ISSUE_CODES): a new kind of problem adds its code here, so the type checker
 * refuses a misspelt one and tools can rely on the set.
 */
import { printable } from './identifiers.ts';

/**
 * Every issue code, by the phase that finds it. Stable: tools and tests match on them; rename
 * one only with a note in the README.
 */
export const ISSUE_CODES = [
  // reading the file and its YAML (load.ts, yaml-guards.ts)
  'unreadable-file',
  'not-utf8',
  'too-large',
  'yaml-syntax',
  'too-deep',
  'duplicate-key',
  'unresolved-alias',
  'cyclic-alias',
  'alias-expansion',
  'collection-key',
  'reserved-key',
  // the schema (zod-issues.ts)
  'unknown-key',
  'missing-key',
  'misplaced-key',
  'invalid-type',
  'invalid-value',
  'invalid-format',
  'invalid-name',
  'reserved-name',
  'invalid-step',
  'too-small',
  'too-big',
  'over-limit',
  'too-many-keys',
  'unknown-distribution',
  'lognormal-params',
  'uniform-range',
  'empirical-weights',
  // zod's other issue kinds (messages.ts otherIssue; the schema uses none of them today)
  'not-multiple-of',
  'invalid-element',
  'custom',
  // variants and overrides (overrides.ts, load.ts)
  'bad-set-path',
  'unknown-override-path',
  'variant-hides-override',
  'empty-variants',
  // references and cross-checks (check-*.ts)
  'unknown-reference',
  'duplicate-id',
  'reserved-id',
  'call-cycle',
  'call-chain-too-deep',
  'call-to-database',
  'query-to-service',
  'query-without-database',
  'store-in-process',
  'not-a-copy',
  'duplicate-copy',
  'reconcile-too-often',
  'kv-on-in-process-cache',
  'client-on-in-process-cache',
  'reconnect-max-below-backoff',
  'branch-probabilities',
  'mix-weights',
  'workload-sends-nothing',
  'breaker-min-calls-over-window',
  'autoscale-range',
  'schedule-item',
  'schedule-order',
  'workload-arrival',
  'workload-target',
  'users-without-sessions',
  'sessions-without-users',
  'login-not-validated',
  'idp-validates',
  'reader-target',
  'fault-without-target',
  'fault-two-targets',
  'fault-needs-component',
  'fault-needs-link',
  'fault-instances',
  'fault-direction-without-link',
  'fault-instances-on-link',
  'fault-on-in-process-cache',
  'freeze-not-on-service',
  'backlog-without-freeze',
  'event-loop-cores',
  'runtime-period-zero',
  'fault-never-strikes',
  'fault-only-in-warmup',
  'unitless-sub-millisecond',
  'fault-times-without-every',
  'fault-windows-overlap',
  'recurring-fault-without-length',
  'latency-fault-without-delay',
  'slo-without-bound',
  'slo-two-targets',
  'slo-not-entry',
  'slo-bound-needs-endpoint',
  'slo-utilisation-needs-component',
  // highlights (highlights.ts)
  'unknown-highlight',
  'highlight-needs-item',
  'highlight-not-measured',
  'highlight-ambiguous',
  'duplicate-highlight',
  // the lesson beside a scenario: its figures and claims (lesson.ts)
  'unknown-lesson-variant',
  'lesson-needs-variant',
  'bad-lesson-claim',
  'bad-lesson-figure',
  // a translation of the lesson (x.ko.md beside x.md: lesson-translation.ts)
  'translation-has-claims',
  'translation-figure-missing',
  'translation-figure-extra',
  // a challenge's texts in another language (challenge/translation.ts)
  'translation-missing',
  'translation-count',
  'translation-extra',
  // durations and periods (check-limits.ts, load.ts)
  'zero-duration',
  'infinite-duration',
  'short-duration',
  'warmup-too-long',
  'zero-period',
  // the data files a workload replays (read by the CLI: cli/workload-files.ts)
  'data-file',
  'data-column',
  'data-value',
  'data-order',
] as const;

/** A stable machine-readable issue code (ISSUE_CODES). */
export type IssueCode = (typeof ISSUE_CODES)[number];

/** Whether `code` is an issue code (for data read back from JSON, say). */
export function isIssueCode(code: string): code is IssueCode {
  return (ISSUE_CODES as readonly string[]).includes(code);
}

/** The Korean text of an issue (scenario/messages-ko.ts), printed with --lang ko. */
export interface KoText {
  message: string;
  hint?: string;
}

/** What a cache is used to store, in a message that it cannot (messages.ts storeInProcess). */
export type StoreUse = 'sessions' | 'message ids';

/** A phrase a check passes into a message (a reason, say), in English and in Korean. */
export interface Bilingual {
  en: string;
  ko: string;
}

/**
 * The text of one issue, before it gets a path, a severity and a location: what the functions of
 * messages.ts (and its siblings) return.
 */
export interface IssueText {
  /** Stable machine-readable code, e.g. 'unknown-key' (one of ISSUE_CODES). */
  code: IssueCode;
  message: string;
  hint?: string;
  /** The Korean text (messages-ko.ts), printed with --lang ko; absent → the English one. */
  ko?: KoText;
}

/** A path into the scenario document, e.g. ['services', 'orders', 'endpoints', 'get', 'steps', 0]. */
export type DocPath = (string | number)[];

/** One problem in a scenario. Lines and columns are 1-based. */
export interface ScenarioIssue {
  /** Stable machine-readable code, e.g. 'unknown-reference', 'invalid-type', 'yaml-syntax'. */
  code: IssueCode;
  /** 'error' stops the run; 'warning' is printed and the run goes on. */
  severity: 'error' | 'warning';
  path: DocPath;
  /** What is wrong, in one sentence (expected vs received when that helps). */
  message: string;
  /** How to fix it (valid values, did-you-mean). */
  hint?: string;
  /** The message and hint in Korean (messages-ko.ts), printed with --lang ko when present. */
  ko?: KoText;
  file: string;
  line: number;
  col: number;
}

/** Bad user input: carries every issue found. Exit code 1. */
export class ScenarioError extends Error {
  readonly issues: ScenarioIssue[];
  constructor(issues: ScenarioIssue[]) {
    super(`${issues.length} problem${issues.length === 1 ? '' : 's'} in scenario`);
    this.name = 'ScenarioError';
    this.issues = issues;
  }
}

/** `a.b[0].c` from ['a', 'b', 0, 'c']; keys that are not identifiers are quoted. */
export function toDotPath(path: DocPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[\p{L}_$][\p{L}\p{N}_$-]*$/u.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${printable(JSON.stringify(seg))}]`;
  }
  return out === '' ? '(document)' : out;
}

/** An issue before it is placed in the file: `onKey` points at the map key instead of the value. */
export type UnlocatedIssue = Omit<ScenarioIssue, 'file' | 'line' | 'col'> & { onKey?: boolean };
