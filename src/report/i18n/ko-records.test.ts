/**
 * The examples a run records (a reader's anomaly, a message lost or applied twice) in Korean
 * (ko-records.ts): every example the shipped consistency and messaging scenarios record is
 * worded in Korean with its names and times kept, English is untouched, and a text no pattern
 * knows stays as it is.
 */
import { describe, expect, it } from 'vitest';
import { shippedReportData } from '../../test-support/report-data.ts';
import { recordWords } from './ko-records.ts';

/** English words of the model's examples that a Korean one must not hold. */
const ENGLISH =
  /\b(at|read|message|applied|published|crashed|done|undone|pending|oldest|key|delivery|handler|batch)\b/;

/** Every example the runs of the shipped scenarios record. */
async function examples(): Promise<string[]> {
  const runs = await Promise.all([
    shippedReportData('consistency/settlement-cutoff.yaml', 20_000),
    shippedReportData('consistency/cqrs-staleness.yaml', 30_000),
    shippedReportData('messaging/delivery-semantics.yaml', 100_000),
  ]);
  return runs
    .flatMap((data) =>
      data.variants.flatMap(({ summary }) => [
        ...summary.readers.flatMap((r) => [r.example, r.worstExample]),
        ...summary.consumers.flatMap((c) => [c.examples?.appliedTwice, c.examples?.lost]),
      ]),
    )
    .filter((x): x is string => typeof x === 'string');
}

describe('the examples a run records, in Korean', () => {
  it('words every example of the shipped scenarios, keeping the names and times', async () => {
    const all = await examples();
    const kinds = new Set(
      all.map(
        (x) =>
          /^(at \S+ s \S+ read key|at|message #\d+ \(key \S+\) of \S+ was|message)/.exec(x)?.[0],
      ),
    );
    expect(kinds.size).toBeGreaterThanOrEqual(4); // saga reads, read-model reads, twice, lost
    for (const x of all) {
      const ko = recordWords('ko', x);
      expect(ko, x).not.toMatch(ENGLISH);
      for (const time of x.match(/\d+\.\d{3} s/g) ?? []) expect(ko, x).toContain(time);
      expect(recordWords('en', x)).toBe(x);
    }
  }, 120_000);

  it('words a saga read action by action, and leaves an unknown text as it is', () => {
    expect(
      recordWords(
        'ko',
        'at 12.345 s settle read pay-order #17 (started at 12.001 s): cards/charge done at 12.100 s, ledger/post undone at 12.300 s, orders/mark not done',
      ),
    ).toBe(
      '12.345 s에 settle이(가) pay-order #17 (12.001 s에 시작)을(를) 읽었습니다: cards/charge 12.100 s에 완료, ledger/post 12.300 s에 취소됨, orders/mark 미완료',
    );
    expect(recordWords('ko', 'something else')).toBe('something else');
  });
});
