/**
 * Problems found in a scenario, as data: a code, where (file, line, col and the document path),
 * what was wrong, and a hint. Validation collects every issue before failing.
 */

/** A path into the scenario document, e.g. ['services', 'orders', 'endpoints', 'get', 'steps', 0]. */
export type DocPath = (string | number)[];

/** One problem in a scenario. Lines and columns are 1-based. */
export interface ScenarioIssue {
  /** Stable machine-readable code, e.g. 'unknown-reference', 'invalid-type', 'yaml-syntax'. */
  code: string;
  /** 'error' stops the run; 'warning' is printed and the run goes on. */
  severity: 'error' | 'warning';
  path: DocPath;
  /** What is wrong, in one sentence (expected vs received when that helps). */
  message: string;
  /** How to fix it (valid values, did-you-mean). */
  hint?: string;
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
    else if (/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out === '' ? '(document)' : out;
}

/** An issue before it is placed in the file: `onKey` points at the map key instead of the value. */
export type UnlocatedIssue = Omit<ScenarioIssue, 'file' | 'line' | 'col'> & { onKey?: boolean };
