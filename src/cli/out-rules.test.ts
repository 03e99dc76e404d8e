/**
 * The output-folder rules on fake facts (no real path is looked at, so dangerous paths such as
 * /dev/null or / are safe to name here): what may be written, what is refused and why.
 */
import { describe, expect, it } from 'vitest';
import {
  decideOut,
  type EntryKind,
  isSameOrAbove,
  MARKER_FILE,
  markerText,
  type OutFacts,
  type OutputKind,
  parseMarker,
  refusalText,
  refusalTextKo,
  type TargetFacts,
} from './out-rules.ts';
import { decideReportRewrite } from './report-rules.ts';

const CWD = '/home/ada/work';

/** Facts of `given` (relative to CWD) with a writable parent and `target`. */
function facts(
  given: string,
  target: TargetFacts | undefined,
  more: Partial<OutFacts> = {},
): OutFacts {
  const lexical = given === '' ? '' : given.startsWith('/') ? given : `${CWD}/${given}`;
  const parent = lexical.slice(0, lexical.lastIndexOf('/')) || '/';
  return {
    option: '--out',
    given,
    kind: 'report',
    lexical,
    resolved: lexical,
    cwd: [CWD],
    keep: [{ path: `${CWD}/scenarios/shop.yaml`, what: 'the scenario file' }],
    ancestor: { path: parent, kind: 'dir', writable: true },
    ...(target === undefined ? {} : { target }),
    ...more,
  };
}

const dir = (...entries: [string, EntryKind][]): TargetFacts => ({
  kind: 'dir',
  writable: true,
  entries: entries.map(([name, kind]) => ({ name, kind })),
});

const marker = (kind: OutputKind, files?: string[]) =>
  markerText({ msasim: '0.1.0', kind, ...(files ? { files } : {}) });

const REPORT = ['summary.json', 'results.json', 'index.html'];
const marked = (
  kind: OutputKind = 'report',
  files = REPORT,
  extra: [string, EntryKind][] = [],
) => ({
  ...dir([MARKER_FILE, 'file'], ...files.map((f): [string, EntryKind] => [f, 'file']), ...extra),
  marker: marker(kind, kind === 'sweep' ? undefined : files),
});

/** The verdict's reason, or 'ok:<action>'. */
/** A refusal's Korean words (--lang ko): Hangul, no English sentence, and the paragraph. */
function expectKorean(v: { why: string; todo: string; whyKo: string; todoKo: string }) {
  expect(v.whyKo).toMatch(/[가-힣]/);
  expect(v.todoKo).toMatch(/[가-힣]/);
  for (const text of [v.whyKo, v.todoKo])
    expect(text.replace(/\S*[/.]\S*|--[\w-]+/g, ' '), text).not.toMatch(
      /[a-z]{2,} [a-z]{2,} [a-z]{2,}/i,
    );
  expect(refusalTextKo({ option: '--out', given: 'x' }, v.whyKo, v.todoKo)).toBe(
    `--out x: ${v.whyKo}.\n  → ${v.todoKo}. 아무것도 쓰지 않았습니다.`,
  );
}

function why(f: OutFacts): string {
  const v = decideOut(f);
  return v.ok ? `ok:${v.action}` : v.why;
}

describe('decideOut: what may be written', () => {
  it('an absent folder is created', () => {
    expect(why(facts('reports/shop', { kind: 'absent' }))).toBe('ok:create');
  });

  it('an empty folder is replaced (report, spof) or written into (sweep)', () => {
    expect(why(facts('out', dir()))).toBe('ok:replace');
    expect(why(facts('out', dir(), { kind: 'spof' }))).toBe('ok:replace');
    expect(why(facts('out', dir(), { kind: 'sweep' }))).toBe('ok:into');
  });

  it('a folder marked as the same kind of output is replaced / written into', () => {
    expect(why(facts('out', marked()))).toBe('ok:replace');
    expect(why(facts('out', marked('spof', ['spof.json']), { kind: 'spof' }))).toBe('ok:replace');
    const sweep = { ...marked('sweep', ['sweep-plan.json'], [['points', 'dir']]) };
    expect(why(facts('out', sweep, { kind: 'sweep' }))).toBe('ok:into');
  });

  it('an unmarked folder an older msasim wrote is adopted (its files listed)', () => {
    const old = { ...dir(['summary.json', 'file'], ['index.html', 'file']), anchorOk: true };
    expect(decideOut(facts('out', old))).toEqual({
      ok: true,
      action: 'replace',
      adopt: ['index.html', 'summary.json'],
    });
    const sweep = { ...dir(['sweep-plan.json', 'file'], ['points', 'dir']), anchorOk: true };
    expect(decideOut(facts('out', sweep, { kind: 'sweep' }))).toEqual({
      ok: true,
      action: 'into',
      adopt: [],
    });
  });
});

describe('decideOut: what is refused, and why', () => {
  it.each<[string, string, TargetFacts | undefined, Partial<OutFacts>, RegExp]>([
    ['an empty string', '', undefined, {}, /the path is empty/],
    ['blanks', '  ', undefined, {}, /the path is empty/],
    ['/', '/', undefined, {}, /the root folder/],
    ['/proc/x', '/proc/x', undefined, {}, /under \/proc/],
    ['/proc', '/proc', undefined, {}, /under \/proc/],
    ['/sys/x', '/sys/x', undefined, {}, /under \/sys/],
    ['/dev/null', '/dev/null', undefined, {}, /under \/dev/],
    ['a link resolved into /dev', 'out', undefined, { resolved: '/dev/shm/out' }, /under \/dev/],
    ['the current folder', '.', undefined, { lexical: CWD, resolved: CWD }, /the current folder$/],
    [
      'an ancestor of the current folder',
      '..',
      undefined,
      { lexical: '/home/ada', resolved: '/home/ada' },
      /holds the current folder \(\/home\/ada\/work\)/,
    ],
    ['an ancestor of the scenario', 'scenarios', dir(), {}, /holds the scenario file/],
    [
      'the cwd seen through a link',
      'x',
      undefined,
      { cwd: [CWD, '/data/ada/work'], resolved: '/data/ada' },
      /holds the current folder \(\/data\/ada\/work\)/,
    ],
  ])('%s', (_, given, target, more, reason) => {
    const v = decideOut(facts(given, target, more));
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.why).toMatch(reason);
    if (!v.ok) expectKorean(v);
  });

  it.each<[string, TargetFacts, RegExp]>([
    ['a regular file', { kind: 'file' }, /it is a file, not a folder/],
    ['a device', { kind: 'device' }, /it is a device, not a folder/],
    ['a FIFO', { kind: 'fifo' }, /it is a FIFO \(named pipe\), not a folder/],
    ['a socket', { kind: 'socket' }, /it is a socket, not a folder/],
    [
      'a symbolic link to a folder',
      { kind: 'symlink', linkTo: 'dir' },
      /symbolic link \(to a folder\)/,
    ],
    [
      'a symbolic link to a file',
      { kind: 'symlink', linkTo: 'file' },
      /symbolic link \(to a file\)/,
    ],
    [
      'a dangling symbolic link',
      { kind: 'symlink', linkTo: 'absent' },
      /symbolic link \(to nothing\)/,
    ],
    [
      'a folder with files msasim did not write',
      dir(['thesis.txt', 'file']),
      /holds files msasim did not write \(thesis\.txt\)/,
    ],
    [
      'a folder with many foreign files',
      dir(...['a', 'b', 'c', 'd', 'e'].map((n): [string, EntryKind] => [n, 'file'])),
      /\(a, b, c, d, …\)/,
    ],
    [
      'a marked folder with a file added',
      marked('report', REPORT, [['notes.md', 'file']]),
      /holds files msasim did not write \(notes\.md\)/,
    ],
    [
      'a marked folder whose listed file became a folder',
      {
        ...marked(),
        entries: [
          { name: MARKER_FILE, kind: 'file' },
          { name: 'summary.json', kind: 'dir' },
        ],
      },
      /summary\.json in it is not the file msasim wrote/,
    ],
    [
      'a marked folder of another kind',
      marked('sweep', []),
      /holds a sweep of msasim sweep\/merge, not a report/,
    ],
    [
      'an unreadable marker',
      { ...dir([MARKER_FILE, 'file']), marker: null },
      /not one msasim can read/,
    ],
    [
      'a marker that is not JSON',
      { ...dir([MARKER_FILE, 'file']), marker: 'hello' },
      /not one msasim can read/,
    ],
    [
      'a marker that is a link',
      { ...dir([MARKER_FILE, 'symlink']), marker: marker('report', []) },
      /not one msasim can read/,
    ],
    [
      "an old-looking folder whose anchor is not msasim's",
      { ...dir(['summary.json', 'file']), anchorOk: false },
      /did not write \(summary\.json\)/,
    ],
    [
      'an old-looking folder without its anchor',
      { ...dir(['index.html', 'file']), anchorOk: true },
      /did not write \(index\.html\)/,
    ],
    [
      'an old-looking folder with one foreign file',
      { ...dir(['summary.json', 'file'], ['thesis.txt', 'file']), anchorOk: true },
      /did not write \(thesis\.txt\)/,
    ],
    ['a folder that may not be written', { ...dir(), writable: false }, /you may not write/],
    [
      'a folder that cannot be listed',
      { kind: 'dir', writable: false, unreadable: 'permission denied (EACCES)' },
      /its contents cannot be listed \(permission denied/,
    ],
  ])('%s', (_, target, reason) => {
    const v = decideOut(
      facts(
        'reports/x',
        target,
        target.kind === 'dir' && target.writable === false
          ? { ancestor: { path: `${CWD}/reports`, kind: 'dir', writable: false } }
          : {},
      ),
    );
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.why).toMatch(reason);
    if (!v.ok) expectKorean(v);
  });

  it('a path whose parent is a file (or a device) is refused', () => {
    for (const kind of ['file', 'device', 'fifo'] as const) {
      const v = decideOut(
        facts('notes.txt/sub', undefined, {
          ancestor: { path: `${CWD}/notes.txt`, kind, writable: false },
        }),
      );
      expect(v.ok ? 'ok' : v.why).toMatch(/notes\.txt is a .*, not a folder/);
    }
  });

  it('a path inside another output folder (a report, spof or sweep msasim wrote) is refused', () => {
    for (const marked of ['report', 'spof', 'sweep'] as const) {
      const v = decideOut(
        facts(
          'reports/shop/sub',
          { kind: 'absent' },
          {
            ancestor: { path: `${CWD}/reports/shop`, kind: 'dir', writable: true, marked },
          },
        ),
      );
      expect(v.ok ? 'ok' : v.why).toMatch(
        new RegExp(`^it would be inside ${CWD}/reports/shop, (a|an) \\w+ of msasim`),
      );
      if (!v.ok) expect(v.todo).toMatch(/outside it/);
    }
    // beside it is fine
    const beside = facts('reports/other', { kind: 'absent' });
    expect(decideOut(beside)).toEqual({ ok: true, action: 'create' });
  });

  it('an unwritable folder above an absent target is refused', () => {
    const v = decideOut(
      facts('out', { kind: 'absent' }, { ancestor: { path: CWD, kind: 'dir', writable: false } }),
    );
    expect(v.ok ? 'ok' : v.why).toBe(`you may not create anything in ${CWD}`);
  });

  it('a sweep folder must hold points/ as a folder and its files as files', () => {
    const sweep = marked('sweep', ['sweep-plan.json'], [['points', 'symlink']]);
    expect(why(facts('out', sweep, { kind: 'sweep' }))).toMatch(/points in it is not what/);
    const other = marked('report', REPORT);
    expect(why(facts('out', other, { kind: 'sweep' }))).toMatch(/holds a report of msasim/);
  });

  it('a sweep writes into a sweep folder the user added files to (it deletes nothing)', () => {
    const sweep = marked('sweep', ['sweep-plan.json'], [['notes.md', 'file']]);
    expect(why(facts('out', sweep, { kind: 'sweep' }))).toBe('ok:into');
  });

  it('the refusal says why and what to do, and that nothing was written', () => {
    const v = decideOut(facts('victim', dir(['thesis.txt', 'file'])));
    if (v.ok) throw new Error('accepted');
    expect(refusalText({ option: '--out', given: 'victim' }, v.why, v.todo)).toBe(
      '--out victim: the folder exists and holds files msasim did not write (thesis.txt).\n' +
        '  → choose another folder (a new name is fine: msasim creates it), or empty this one. Nothing was written.',
    );
    expect(refusalText({ option: '--out', given: '' }, 'x', 'y')).toMatch(/^--out '': x/);
  });
});

describe('the marker', () => {
  it('round-trips, lists files sorted, and rejects what msasim did not write', () => {
    const text = markerText({ msasim: '0.1.0', kind: 'report', files: ['b.csv', 'a.json'] });
    expect(text).toBe('{"msasim":"0.1.0","kind":"report","files":["a.json","b.csv"]}\n');
    expect(parseMarker(text)).toEqual({
      msasim: '0.1.0',
      kind: 'report',
      files: ['a.json', 'b.csv'],
    });
    expect(parseMarker('{"msasim":"0.1.0","kind":"sweep"}')).toEqual({
      msasim: '0.1.0',
      kind: 'sweep',
    });
    for (const bad of [
      '',
      'null',
      '{"kind":"report","files":[]}',
      '{"msasim":"1","kind":"other","files":[]}',
      '{"msasim":"1","kind":"report"}',
      '{"msasim":"1","kind":"report","files":["../thesis.txt"]}',
      '{"msasim":"1","kind":"report","files":["a/b"]}',
      '{"msasim":"1","kind":"report","files":[".."]}',
    ])
      expect(parseMarker(bad), bad).toBeUndefined();
  });

  it('isSameOrAbove compares whole path components', () => {
    expect(isSameOrAbove('/a/b', '/a/b')).toBe(true);
    expect(isSameOrAbove('/a', '/a/b')).toBe(true);
    expect(isSameOrAbove('/a/b', '/a/bc')).toBe(false);
    expect(isSameOrAbove('/', '/x')).toBe(true);
  });
});

describe('decideReportRewrite (msasim report <dir>)', () => {
  const ok = (f: Parameters<typeof decideReportRewrite>[0]) => decideReportRewrite(f).ok;
  it('rewrites index.html in a marked report folder', () => {
    expect(ok({ kind: 'dir', index: 'file', marker: marker('report', REPORT) })).toBe(true);
    expect(ok({ kind: 'dir', index: 'absent', marker: marker('report', REPORT) })).toBe(true);
  });
  it("rewrites it in an older unmarked folder only when the page is msasim's or missing", () => {
    expect(ok({ kind: 'dir', index: 'absent' })).toBe(true);
    expect(ok({ kind: 'dir', index: 'file', indexIsMsasims: true })).toBe(true);
    expect(ok({ kind: 'dir', index: 'file', indexIsMsasims: false })).toBe(false);
  });
  it('refuses links, non-files and other kinds of output', () => {
    expect(ok({ kind: 'symlink', index: 'absent' })).toBe(false);
    expect(ok({ kind: 'dir', index: 'symlink', marker: marker('report', REPORT) })).toBe(false);
    expect(ok({ kind: 'dir', index: 'fifo', marker: marker('report', REPORT) })).toBe(false);
    expect(ok({ kind: 'dir', index: 'dir', indexIsMsasims: true })).toBe(false);
    expect(ok({ kind: 'dir', index: 'file', marker: marker('spof', ['spof.json']) })).toBe(false);
    expect(ok({ kind: 'dir', index: 'file', marker: null })).toBe(false);
  });
});
