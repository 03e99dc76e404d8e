/**
 * What the command line loads before it does anything (issue 15, fast start): the modules a
 * file loads with it are its static value imports, followed through src/ (type-only imports
 * and `import('…')` load nothing then). `msasim --version` and `--help` load neither zod, yaml
 * nor the model; parsing a scenario (`model/language.ts`, what `validate` uses) loads the
 * language parts of the step kinds and never the simulator (engine/, model/, metrics/). In the
 * built CLI (one script, scripts/build-cli.mjs) each module's top level runs on its first import,
 * so these are the modules whose top level a command runs.
 */
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findImports, SRC } from '../test-support/import-scan.ts';

/** The files under src/ (relative) and the packages that `file` loads with it. */
function loadedWith(file: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (f: string): void => {
    if (files.has(f)) return;
    files.add(f);
    for (const e of findImports(readFileSync(join(SRC, f), 'utf8'))) {
      if (e.typeOnly || e.dynamic) continue;
      if (e.specifier.startsWith('.'))
        visit(posix.normalize(posix.join(posix.dirname(f), e.specifier)));
      else packages.add(e.specifier);
    }
  };
  visit(file);
  return { files: [...files].sort(), packages: [...packages].sort() };
}

describe('start-up', () => {
  it('cli/main.ts (--version, --help) loads neither zod, yaml nor the model', () => {
    const { files, packages } = loadedWith('cli/main.ts');
    expect(packages.filter((p) => p === 'zod' || p === 'yaml')).toEqual([]);
    expect(files.filter((f) => /^(model|engine|metrics)\//.test(f))).toEqual([]);
    expect(files).not.toContain('scenario/schema.ts');
    // nor the output-folder rules (cli/io.ts) or the statistics (report/precision.ts); only the
    // default of --max-replications and the list of --lang's languages (two small constants)
    expect(
      files.filter((f) => /^(stats|report)\/|^cli\/(io|out-rules|out-target)\.ts$/.test(f)),
    ).toEqual(['report/i18n/lang.ts', 'report/precision-default.ts']);
  });

  it('model/language.ts loads the language parts of the kinds and no simulator', () => {
    const { files } = loadedWith('model/language.ts');
    expect(files).toContain('model/steps/call.ts');
    const simulator = files.filter(
      (f) =>
        /^(metrics|report)\//.test(f) ||
        /-runtime\.ts$/.test(f) ||
        (f.startsWith('engine/') && f !== 'engine/distributions.ts') ||
        (f.startsWith('model/') && f !== 'model/language.ts' && !f.startsWith('model/steps/')),
    );
    expect(simulator).toEqual([]);
  });

  it("validate loads neither the simulator nor the report, nor the data files' reader", () => {
    const { files, packages } = loadedWith('cli/commands/validate.ts');
    expect(packages).not.toContain('string-width');
    // loaded only for a scenario whose workloads read data files
    expect(files).not.toContain('model/replay/data-files.ts');
    expect(files.filter((f) => /^(metrics|report)\/|journey|-runtime\.ts$/.test(f))).toEqual([]);
  });
});
