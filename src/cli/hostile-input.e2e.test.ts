/**
 * Issue 12's reproducers through the command line: every hostile input ends in a located error
 * (exit 1), a usage error (exit 2) or a guard (exit 1) — never exit 70, never a hang — and a
 * validate batch (through the built binary, bin/msasim → dist/) says about each file what that
 * file alone gets. The other commands run in-process (test-support/cli.ts: the same parsing,
 * guards and exit codes, without a process start-up each).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { msasimInProcess as msasim, msasimSpawned } from '../test-support/cli.ts';
import { ordersHead } from '../test-support/yaml.ts';

const base = `${ordersHead('2s', '50/s')}    endpoints:
      get: { steps: [ { cpu: 1ms } ] }
`;

const FILES: Record<string, string> = {
  'ok.yaml': base,
  'proto-own.yaml': `${base}variants:\n  v:\n    set:\n      "__proto__.hasOwnProperty": 1\n`,
  'proto-instances.yaml': `${base}variants:\n  v:\n    set:\n      "__proto__.instances": 0\n`,
  'alias.yaml': base.replace('target: orders/get', 'target: *nope'),
  'empty-variants.yaml': `${base}variants: {}\n`,
  'users.yaml': base.replace('rate: 50/s', 'users: 1000000000'),
  'rate.yaml': base.replace('rate: 50/s', 'rate: 1e308'),
  'readers.yaml': `${base}readers:\n  r: { every: 0, consumer: c }\n`,
  'stall.yaml': base.replace('rate: 50/s', 'users: 1').replace('[ { cpu: 1ms } ]', '[]'),
};

let dir: string;
const path = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'msasim-hostile-'));
  for (const [name, text] of Object.entries(FILES)) await writeFile(path(name), text);
});

describe('msasim validate on hostile files', () => {
  it('says about each file in a batch what that file alone gets, and never exits 70', async () => {
    const names = Object.keys(FILES);
    const batch = await msasimSpawned(['validate', ...names.map(path)]);
    expect(batch.code).toBe(1);
    expect(batch.stderr).toBe('');
    for (const name of names) {
      const alone = await msasim(['validate', path(name)]);
      expect(alone.code, name).not.toBe(70);
      expect(batch.stdout, name).toContain(
        alone.stdout.replace(/\n\d+ errors?(, \d+ warnings?)?\n$|\n\d+ warnings?\n$/, ''),
      );
    }
    expect(batch.stdout).toMatch(/✔ .*ok\.yaml: scenario "shop" is valid/);
    expect(batch.stdout).toMatch(/users: at most 1,000,000 \(got 1,000,000,000\)/);
    expect(batch.stdout).toMatch(/rate: at most 10,000,000\/s/);
    expect(batch.stdout).toMatch(/readers\.r\.every\n {2}✖ every must be at least 1ms/);
  });
});

describe('msasim run and compare on hostile input', () => {
  it('runs variants: {} once, as a scenario without variants, in run and compare', async () => {
    const out = await mkdtemp(join(tmpdir(), 'msasim-hostile-'));
    const r = await msasim(['run', path('empty-variants.yaml'), '--out', join(out, 'r')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/variants: lists no variant/);
    const c = await msasim(['compare', path('empty-variants.yaml'), '--out', join(out, 'c')]);
    expect(c.code).toBe(0);
    expect(c.stdout).toMatch(/no variants/);
  });

  it('stops a closed workload looping in zero time with exit 1 and writes nothing', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'msasim-hostile-')), 'report');
    const r = await msasim(['run', path('stall.yaml'), '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/simulated time stopped moving/);
    expect(existsSync(out)).toBe(false);
  });

  it('ends --replications 10000 at --max-wall, which bounds the whole command', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'msasim-hostile-')), 'report');
    const t0 = performance.now();
    const r = await msasim([
      'run',
      path('ok.yaml'),
      '--replications',
      '10000',
      '--max-wall',
      '2s',
      '--quiet',
      '--out',
      out,
    ]);
    expect(performance.now() - t0).toBeLessThan(30_000);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/wall-time budget of 2 s \(--max-wall/);
    expect(existsSync(out)).toBe(false);
  });

  // what a command says when its wall-time budget is spent before its first run starts
  const spent =
    "msasim stopped: the command's wall-time budget of 0.001 ms (--max-wall) was used up before";
  it.each([
    ['run', ' the run of "shop"'],
    ['sweep', '', '--param', 'services.orders.instances=1,2'],
    ['spof', '', '--all'],
  ])('enforces --max-wall 1us in %s before anything runs', async (command, before, ...args) => {
    const r = await msasim([
      command,
      path('ok.yaml'),
      ...args,
      '--max-wall',
      '1us',
      '--out',
      join(dir, 'never'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${spent}${before}`);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });

  it.each([
    [['--replications', '1e9'], /expected at most 10000 replications/],
    [['--seed', ''], /an empty seed is not one/],
    [['--duration', '1000h'], /expected at most 168h/],
    [['--max-memory', 'lots'], /expected a size above 0/],
  ])('refuses %j as a usage error', async (args, message) => {
    const r = await msasim(['run', path('ok.yaml'), ...args, '--out', join(dir, 'never')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('refuses --param paths through __proto__, prototype or constructor', async () => {
    const r = await msasim([
      'sweep',
      path('ok.yaml'),
      '--param',
      '__proto__.polluted=1,2',
      '--out',
      join(dir, 'never'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/goes through "__proto__", which is not a key of the scenario/);
  });

  it('warns that --duration 5 is 5 ms and that the report is empty', async () => {
    const out = await mkdtemp(join(tmpdir(), 'msasim-hostile-'));
    const r = await msasim(['run', path('ok.yaml'), '--duration', '5', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/--duration 5 is 5 ms \(a number without a unit is milliseconds\)/);
    expect(r.stderr).toMatch(/no request completed in the run: the report is empty/);
  });

  it('says nothing of a number without a unit when --duration has its unit', async () => {
    // '--duration 0.5s' was told '--duration 500 is 500 ms (a number without a unit is
    // milliseconds) … write 500s for 500 seconds'
    for (const d of ['0.5s', '5ms']) {
      const out = await mkdtemp(join(tmpdir(), 'msasim-hostile-'));
      const r = await msasim(['run', path('ok.yaml'), '--duration', d, '--out', out]);
      expect(r.code).toBe(0);
      expect(r.stderr).not.toMatch(/--duration \d+ is \d+ ms/);
    }
  });
});
