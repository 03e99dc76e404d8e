/**
 * What `msasim --help` says each command writes: a newcomer reads the list of commands first,
 * so `run` names its HTML report (index.html), not only the first four files it ever wrote, and
 * `compare` says it prints the highlights beside the comparison.
 */
import { describe, expect, it } from 'vitest';
import { sourceMsasim } from '../test-support/source-cli.ts';

describe('msasim --help', () => {
  it('says that run writes the HTML report and where', async () => {
    const r = await sourceMsasim(['--help']);
    const help = r.out.replace(/\s+/g, ' ');
    expect(help).toMatch(
      /run \[options\] <scenario> run a scenario: print its summary and write its report to reports\/<name> \(or --out\): index\.html/,
    );
    // compare prints the highlights too (and with replications the estimates and differences)
    expect(help).toContain('print the highlights and the comparison of the variants');
    const run = (await sourceMsasim(['run', '--help'])).out.replace(/\s+/g, ' ');
    expect(run).toContain('index.html, the self-contained HTML page');
  });
});
