/** The words of the progress bars (cli/progress.ts) in English and, with --lang ko, Korean. */
import { describe, expect, it } from 'vitest';
import { runBarFormat, runBarReplication, sweepBarFormat } from './progress.ts';

/** The format without its {placeholders}, the bar's command name and units. */
const words = (format: string) => format.replace(/\{\w+\}|\[|\]|\bsweep\b|\bs\b/g, ' ');

describe('progress bars', () => {
  it('keep their English lines', () => {
    expect(runBarFormat()).toBe(
      '{label} [{bar}] {sim}/{total_s} s simulated | {eps} events/s{reps}',
    );
    expect(runBarReplication(2, 5)).toBe(' | replication 2/5');
    expect(sweepBarFormat()).toBe(
      'sweep [{bar}] {value}/{total} points | {rate} runs/s | ETA {remaining}',
    );
  });

  it('speak Korean with --lang ko, with the same placeholders and no English word', () => {
    for (const [ko, en] of [
      [runBarFormat('ko'), runBarFormat()],
      [sweepBarFormat('ko'), sweepBarFormat()],
    ]) {
      expect(ko.match(/\{\w+\}/g)?.sort()).toEqual(en.match(/\{\w+\}/g)?.sort());
      expect(words(ko)).not.toMatch(/[A-Za-z]{2,}/);
      expect(ko).toMatch(/[가-힣]/);
    }
    expect(runBarReplication(2, 5, 'ko')).toBe(' | 복제 2/5');
    expect(runBarReplication(1, 1, 'ko')).toBe('');
  });
});
