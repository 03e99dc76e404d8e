/**
 * The issue codes are a closed list: every code in ISSUE_CODES is produced somewhere in src/
 * (no dead entries), none is listed twice, and a code outside the list does not type-check
 * (`npm run typecheck` checks the @ts-expect-error below; the fuzz test checks the codes of
 * real issues at run time).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES, type IssueCode, isIssueCode, type ScenarioIssue } from './issues.ts';

const SRC = join(import.meta.dirname, '..');

/** The text of every non-test .ts file under src/ but this list's own file. */
function sources(): string {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split('\\').join('/'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'scenario/issues.ts')
    .filter((f) => !f.startsWith('test-support/'))
    .map((f) => readFileSync(join(SRC, f), 'utf8'))
    .join('\n');
}

describe('issue codes', () => {
  it('lists each code once', () => {
    expect(new Set(ISSUE_CODES).size).toBe(ISSUE_CODES.length);
  });

  it('lists only codes some check produces', () => {
    const text = sources();
    expect(ISSUE_CODES.filter((code) => !text.includes(`'${code}'`))).toEqual([]);
  });

  it('lists every code a check produces', () => {
    const used = [...sources().matchAll(/\bcode: '([a-z0-9-]+)'/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(50);
    expect([...new Set(used)].filter((code) => !isIssueCode(code))).toEqual([]);
  });

  it('tells issue codes from other text', () => {
    expect(isIssueCode('unknown-key')).toBe(true);
    expect(isIssueCode('unknown_key')).toBe(false);
    expect(isIssueCode('')).toBe(false);
    const code: IssueCode = 'yaml-syntax';
    // @ts-expect-error: a code outside ISSUE_CODES is refused by the type checker
    const misspelt: ScenarioIssue['code'] = 'yaml-sytnax';
    expect([code, misspelt].map(isIssueCode)).toEqual([true, false]);
  });
});
