/**
 * Where msasim may write: the pure decision on an output folder (`--out`), made from facts
 * that `out-target.ts` gathers with lstat/readdir (tests pass fake facts). A folder is written
 * only when it is absent, empty, or marked as msasim's own by the marker file `.msasim-report`
 * (JSON: msasim's version, the kind of output, the files written); anything else — a file, a
 * device, a FIFO, a socket, a symbolic link, a folder holding files msasim did not write, `/`,
 * /proc, /sys, /dev, the current folder or one holding the scenario — is refused with a reason
 * and what to do instead. Folders written before the marker existed are recognised by their
 * file names and a readable anchor file (e.g. summary.json with a "format").
 */
import { posix } from 'node:path';
import {
  type EntryKind,
  KIND_WORDS,
  KIND_WORDS_KO,
  OUTPUT_WORDS,
  OUTPUT_WORDS_KO,
  type OutputKind,
} from './out-words.ts';

// the words live in out-words.ts; importers of the rules find them here too
export * from './out-words.ts';

/** The marker file msasim writes first into every output folder. */
export const MARKER_FILE = '.msasim-report';

/** The marker's contents. `files` (report and spof) lists every file msasim wrote there. */
export interface Marker {
  msasim: string;
  kind: OutputKind;
  files?: string[];
}

/** The marker's text: one JSON line, the files sorted (so it does not depend on write order). */
export function markerText(marker: Marker): string {
  const files = marker.files === undefined ? {} : { files: [...marker.files].sort() };
  return `${JSON.stringify({ msasim: marker.msasim, kind: marker.kind, ...files })}\n`;
}

/** The marker in `text`, or undefined when it is not one msasim wrote. */
export function parseMarker(text: string): Marker | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const m = json as Partial<Marker> | null;
  if (m === null || typeof m !== 'object' || typeof m.msasim !== 'string') return undefined;
  if (m.kind !== 'report' && m.kind !== 'spof' && m.kind !== 'sweep') return undefined;
  if (m.files !== undefined) {
    const ok =
      Array.isArray(m.files) && m.files.every((f) => typeof f === 'string' && isPlainName(f));
    if (!ok) return undefined;
  }
  if (m.kind !== 'sweep' && m.files === undefined) return undefined;
  return { msasim: m.msasim, kind: m.kind, ...(m.files ? { files: m.files } : {}) };
}

/** A file name without a folder part, `.` or `..` (what a marker may list). */
function isPlainName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name);
}

/**
 * The names each kind of output writes at the top of its folder, for recognising a folder an
 * older msasim wrote without a marker (any subset of these names, with the anchor file).
 */
export const KNOWN_FILES: Record<OutputKind, readonly string[]> = {
  report: [
    'summary.json',
    'endpoints.csv',
    'components.csv',
    'timeseries.csv',
    'estimates.csv',
    'results.json',
    'caches.csv',
    'propagation.csv',
    'slos.csv',
    'brokers.csv',
    'policies.csv',
    'refreshes.csv',
    'sessions.csv',
    'session-memory.csv',
    'consumers.csv',
    'sagas.csv',
    'transactions.csv',
    'readers.csv',
    'compare.csv',
    'compare.json',
    'differences.csv',
    'index.html',
  ],
  spof: ['spof.json', 'spof.csv', 'spof.txt', 'spof.html'],
  sweep: ['sweep-plan.json', 'sweep-shard.json', 'sweep.json', 'sweep.csv', 'sweep.html', 'points'],
};

/** The file that must be there (and look like msasim's) for an unmarked folder to count. */
export const LEGACY_ANCHOR: Record<OutputKind, string> = {
  report: 'summary.json',
  spof: 'spof.json',
  sweep: 'sweep-plan.json',
};

/** A temporary file a sweep writes beside its target (`.sweep.json.tmp-<pid>`). */
export const SWEEP_TEMPORARY = /^\.[\w.-]+\.tmp-\d+$/;

/** The temporary file `msasim report` writes in a report folder (`.index.html.tmp-<pid>`). */
export const REPORT_TEMPORARY = /^\.index\.html\.tmp-\d+$/;

/** What the fs layer found out about an --out path; see `out-target.ts` `gatherOutFacts`. */
export interface OutFacts {
  /** The option as the user knows it, e.g. `--out` (for messages). */
  option: string;
  /** The path as given ('' when an empty string was given). */
  given: string;
  kind: OutputKind;
  /** path.resolve(given). */
  lexical: string;
  /** `lexical` with its existing part resolved through symbolic links (realpath). */
  resolved: string;
  /** The current folder (as the process sees it and resolved). */
  cwd: readonly string[];
  /** Paths that must not be inside the output folder, e.g. the scenario file. */
  keep: readonly { path: string; what: string }[];
  /**
   * The nearest existing folder above the target, followed through links; `marked`: the kind
   * of msasim output its marker says it is (an output folder is msasim's alone).
   */
  ancestor?: {
    path: string;
    kind: EntryKind;
    writable: boolean;
    error?: string;
    marked?: OutputKind;
  };
  target?: TargetFacts;
}

/** The target itself (lstat; a folder's entries and marker). */
export interface TargetFacts {
  kind: EntryKind;
  /** For a symbolic link: what it points at (absent when dangling). */
  linkTo?: EntryKind;
  /** A folder: whether this process may create entries in it. */
  writable?: boolean;
  /** A folder's entries (lstat kinds), any order. */
  entries?: readonly { name: string; kind: EntryKind }[];
  /** The marker's text when the folder holds a readable regular-file marker; `null` when it holds an unreadable one. */
  marker?: string | null;
  /** Whether the anchor file of `kind` (LEGACY_ANCHOR) looks like one msasim wrote. */
  anchorOk?: boolean;
  /** Why a folder's entries could not be listed (e.g. permission denied). */
  unreadable?: string;
}

/** The decision: write (how), or refuse (why, and what to do instead). */
export type OutVerdict =
  | {
      ok: true;
      /** create: nothing there; replace: swap the folder whole; into: add files to it. */
      action: 'create' | 'replace' | 'into';
      /** An unmarked folder an older msasim wrote: give it a marker (listing its files) first. */
      adopt?: string[];
    }
  | { ok: false; why: string; todo: string; whyKo: string; todoKo: string };

const SYSTEM = ['/proc', '/sys', '/dev'];

/** Whether `a` is `b` or a folder above it (absolute, normalized paths). */
export function isSameOrAbove(a: string, b: string): boolean {
  if (a === b) return true;
  const prefix = a.endsWith(posix.sep) ? a : `${a}${posix.sep}`;
  return b.startsWith(prefix);
}

/** A refusal: why and what to do, in English and in Korean (report-rules.ts `refusalTextKo`). */
function refuse(why: string, todo: string, whyKo: string, todoKo: string): OutVerdict {
  return { ok: false, why, todo, whyKo, todoKo };
}

const CHOOSE = 'choose another folder (a new name is fine: msasim creates it)';
const CHOOSE_KO = '다른 폴더를 고르세요 (새 이름도 됩니다: msasim이 만듭니다)';
const ALONE = "an output folder is msasim's alone and may be replaced whole";
const ALONE_KO = '출력 폴더는 msasim만 쓰며 통째로 바뀔 수 있습니다';

/**
 * The rules that need only the path: not empty, not `/`, not under /proc, /sys or /dev, not the
 * current folder or one above it, not a folder holding a path to keep (the scenario). Checked
 * before anything on disk is looked at. Undefined when the path passes.
 */
export function pathVerdict(
  f: Pick<OutFacts, 'given' | 'lexical' | 'resolved' | 'cwd' | 'keep'>,
): OutVerdict | undefined {
  if (f.given.trim() === '')
    return refuse(
      'the path is empty',
      'give a folder name, e.g. --out reports/mine',
      '경로가 비어 있습니다',
      '폴더 이름을 주세요. 예: --out reports/mine',
    );
  for (const p of new Set([f.lexical, f.resolved])) {
    if (p === '/')
      return refuse('that is the root folder /', CHOOSE, '루트 폴더 /입니다', CHOOSE_KO);
    const system = SYSTEM.find((s) => isSameOrAbove(s, p));
    if (system !== undefined)
      return refuse(
        `it is under ${system}, where the system keeps its devices and processes`,
        CHOOSE,
        `시스템이 장치와 프로세스를 두는 ${system} 아래입니다`,
        CHOOSE_KO,
      );
  }
  for (const p of new Set([f.lexical, f.resolved])) {
    const cwd = f.cwd.find((c) => isSameOrAbove(p, c));
    if (cwd !== undefined)
      return refuse(
        p === cwd ? 'it is the current folder' : `it holds the current folder (${cwd})`,
        `${CHOOSE}; ${ALONE}`,
        p === cwd ? '현재 폴더입니다' : `현재 폴더(${cwd})를 담고 있습니다`,
        `${CHOOSE_KO}. ${ALONE_KO}`,
      );
    const keep = f.keep.find((k) => isSameOrAbove(p, k.path));
    if (keep !== undefined)
      return refuse(
        `it holds ${keep.what} (${keep.path})`,
        `${CHOOSE}; ${ALONE}`,
        `지켜야 할 파일을 담고 있습니다 (${keep.path})`,
        `${CHOOSE_KO}. ${ALONE_KO}`,
      );
  }
  return undefined;
}

/** Up to four names, then "…". */
function some(names: readonly string[]): string {
  const sorted = [...names].sort();
  return sorted.length > 4 ? `${sorted.slice(0, 4).join(', ')}, …` : sorted.join(', ');
}

/**
 * Whether msasim may write `f.kind` output at `f.given`, and how. Pure: every fact comes in `f`.
 * The path rules (pathVerdict) come first, then the folder above, then the target.
 */
export function decideOut(f: OutFacts): OutVerdict {
  const byPath = pathVerdict(f);
  if (byPath !== undefined) return byPath;
  const { ancestor, target } = f;
  if (ancestor === undefined) throw new Error('decideOut needs the ancestor facts');
  if (ancestor.error !== undefined)
    return refuse(
      `${ancestor.path} cannot be looked at (${ancestor.error})`,
      CHOOSE,
      `${ancestor.path}: 살펴볼 수 없습니다 (${ancestor.error})`,
      CHOOSE_KO,
    );
  if (ancestor.kind !== 'dir')
    return refuse(
      `${ancestor.path} is ${KIND_WORDS[ancestor.kind]}, not a folder, so nothing can be created inside it`,
      CHOOSE,
      `${ancestor.path}: 폴더가 아니라 ${KIND_WORDS_KO[ancestor.kind]}이므로 그 안에 아무것도 만들 수 없습니다`,
      CHOOSE_KO,
    );
  // inside another output: that folder would then hold a file its marker does not list, so
  // msasim would refuse to rewrite it (and a report or spof folder is replaced whole)
  if (ancestor.marked !== undefined)
    return refuse(
      `it would be inside ${ancestor.path}, ${OUTPUT_WORDS[ancestor.marked]}`,
      `${CHOOSE} outside it; an output folder is msasim's alone`,
      `${OUTPUT_WORDS_KO[ancestor.marked]}인 ${ancestor.path} 안이 됩니다`,
      `그 밖에서 ${CHOOSE_KO}. 출력 폴더는 msasim만 씁니다`,
    );
  if (target === undefined) throw new Error('decideOut needs the target facts');
  const replaces = f.kind !== 'sweep';
  switch (target.kind) {
    case 'absent':
      return ancestor.writable
        ? { ok: true, action: 'create' }
        : refuse(
            `you may not create anything in ${ancestor.path}`,
            CHOOSE,
            `${ancestor.path}에 아무것도 만들 권한이 없습니다`,
            CHOOSE_KO,
          );
    case 'dir':
      break;
    case 'symlink':
      return refuse(
        `it is a symbolic link (to ${KIND_WORDS[target.linkTo ?? 'absent']}); msasim does not write through links`,
        target.linkTo === 'dir' ? 'give the folder it points to as --out, or ' + CHOOSE : CHOOSE,
        `심볼릭 링크입니다 (대상: ${KIND_WORDS_KO[target.linkTo ?? 'absent']}). msasim은 링크를 거쳐 쓰지 않습니다`,
        target.linkTo === 'dir'
          ? `링크가 가리키는 폴더를 --out으로 주거나, ${CHOOSE_KO}`
          : CHOOSE_KO,
      );
    case 'file':
      return refuse(
        'it is a file, not a folder; msasim writes a folder of files',
        CHOOSE,
        '폴더가 아니라 파일입니다. msasim은 파일들을 담은 폴더를 씁니다',
        CHOOSE_KO,
      );
    default:
      return refuse(
        `it is ${KIND_WORDS[target.kind]}, not a folder`,
        CHOOSE,
        `폴더가 아니라 ${KIND_WORDS_KO[target.kind]}입니다`,
        CHOOSE_KO,
      );
  }
  if (target.unreadable !== undefined)
    return refuse(
      `its contents cannot be listed (${target.unreadable})`,
      CHOOSE,
      `안의 목록을 볼 수 없습니다 (${target.unreadable})`,
      CHOOSE_KO,
    );
  // an existing folder: replaced whole (report, spof) needs the folder above writable; a sweep
  // adds files into the folder itself
  const writable = replaces ? ancestor.writable : target.writable;
  const where = replaces ? ancestor.path : f.given;
  if (!writable)
    return refuse(
      `you may not write in ${where}`,
      CHOOSE,
      `${where}에 쓸 권한이 없습니다`,
      CHOOSE_KO,
    );
  const entries = target.entries ?? [];
  if (entries.length === 0) return { ok: true, action: replaces ? 'replace' : 'into' };
  if (entries.some((e) => e.name === MARKER_FILE)) return markedVerdict(f, target, entries);
  return legacyVerdict(f, target, entries);
}

/** A folder with a marker: msasim's, if of the same family and holding only what it lists. */
function markedVerdict(
  f: OutFacts,
  target: TargetFacts,
  entries: readonly { name: string; kind: EntryKind }[],
): OutVerdict {
  const markerEntry = entries.find((e) => e.name === MARKER_FILE);
  const marker =
    markerEntry?.kind === 'file' && typeof target.marker === 'string'
      ? parseMarker(target.marker)
      : undefined;
  if (marker === undefined)
    return refuse(
      `its ${MARKER_FILE} is not one msasim can read, so msasim cannot tell which files are its own`,
      `${CHOOSE}, or delete that folder yourself`,
      `${MARKER_FILE} 파일을 msasim이 읽을 수 없어 어느 파일이 msasim의 것인지 알 수 없습니다`,
      `${CHOOSE_KO}. 또는 그 폴더를 직접 지우세요`,
    );
  const replaces = f.kind !== 'sweep';
  if (marker.kind !== f.kind)
    return refuse(
      `it holds ${OUTPUT_WORDS[marker.kind]}, not ${OUTPUT_WORDS[f.kind]}`,
      `${CHOOSE}, or delete that folder yourself if you no longer need it`,
      `다른 종류의 출력이 들어 있습니다: ${OUTPUT_WORDS_KO[marker.kind]} (필요한 것: ${OUTPUT_WORDS_KO[f.kind]})`,
      `${CHOOSE_KO}. 또는 더 필요 없다면 그 폴더를 직접 지우세요`,
    );
  if (!replaces) return sweepEntriesVerdict(entries, { ok: true, action: 'into' });
  const listed = new Set([...(marker.files ?? []), MARKER_FILE]);
  const foreign = entries
    .filter((e) => !listed.has(e.name) && !isReportTemporary(marker.kind, e))
    .map((e) => e.name);
  if (foreign.length > 0)
    return refuse(
      `the folder holds files msasim did not write (${some(foreign)})`,
      `${CHOOSE}, or move those files out`,
      `폴더에 msasim이 쓰지 않은 파일이 있습니다 (${some(foreign)})`,
      `${CHOOSE_KO}. 또는 그 파일들을 밖으로 옮기세요`,
    );
  const odd = entries.filter((e) => e.kind !== 'file').map((e) => e.name);
  if (odd.length > 0) return notWritten(odd);
  return { ok: true, action: 'replace' };
}

/** Entries of a folder that are not the files msasim wrote (folders, links, …). */
function notWritten(odd: readonly string[]): OutVerdict {
  return refuse(
    `${some(odd)} in it ${odd.length === 1 ? 'is not the file' : 'are not the files'} msasim wrote`,
    `${CHOOSE}, or move ${odd.length === 1 ? 'it' : 'them'} out`,
    `폴더 안의 ${some(odd)}: msasim이 쓴 파일이 아닙니다`,
    `${CHOOSE_KO}. 또는 밖으로 옮기세요`,
  );
}

/** In a sweep folder, the names a sweep writes must be what it writes (a file, points/ a folder). */
function sweepEntriesVerdict(
  entries: readonly { name: string; kind: EntryKind }[],
  ok: OutVerdict,
): OutVerdict {
  const odd = entries.filter(
    (e) =>
      (e.name === 'points' && e.kind !== 'dir') ||
      (e.name !== 'points' &&
        (KNOWN_FILES.sweep.includes(e.name) || e.name === MARKER_FILE) &&
        e.kind !== 'file'),
  );
  if (odd.length > 0)
    return refuse(
      `${some(odd.map((e) => e.name))} in it ${odd.length === 1 ? 'is' : 'are'} not what msasim sweep writes there`,
      `${CHOOSE}, or move ${odd.length === 1 ? 'it' : 'them'} out`,
      `폴더 안의 ${some(odd.map((e) => e.name))}: msasim sweep이 그곳에 쓰는 것이 아닙니다`,
      `${CHOOSE_KO}. 또는 밖으로 옮기세요`,
    );
  return ok;
}

/** A temporary file of `msasim report` (a plain file) in a report folder. */
function isReportTemporary(kind: OutputKind, e: { name: string; kind: EntryKind }): boolean {
  return kind === 'report' && e.kind === 'file' && REPORT_TEMPORARY.test(e.name);
}

/** An unmarked, non-empty folder: msasim's only if an older msasim evidently wrote it. */
function legacyVerdict(
  f: OutFacts,
  target: TargetFacts,
  entries: readonly { name: string; kind: EntryKind }[],
): OutVerdict {
  const known = new Set(KNOWN_FILES[f.kind]);
  const isKnown = (e: { name: string; kind: EntryKind }) =>
    known.has(e.name) ||
    (f.kind === 'sweep' && SWEEP_TEMPORARY.test(e.name) && e.kind === 'file') ||
    isReportTemporary(f.kind, e);
  const foreign = entries.filter((e) => !isKnown(e)).map((e) => e.name);
  const hasAnchor = entries.some((e) => e.name === LEGACY_ANCHOR[f.kind] && e.kind === 'file');
  if (foreign.length > 0 || !hasAnchor || target.anchorOk !== true)
    return refuse(
      `the folder exists and holds files msasim did not write (${some(foreign.length > 0 ? foreign : entries.map((e) => e.name))})`,
      `${CHOOSE}, or empty this one`,
      `폴더가 이미 있고 msasim이 쓰지 않은 파일이 들어 있습니다 (${some(foreign.length > 0 ? foreign : entries.map((e) => e.name))})`,
      `${CHOOSE_KO}. 또는 이 폴더를 비우세요`,
    );
  const names = entries
    .filter((e) => !isReportTemporary(f.kind, e))
    .map((e) => e.name)
    .sort();
  if (f.kind === 'sweep')
    return sweepEntriesVerdict(entries, { ok: true, action: 'into', adopt: [] });
  const odd = entries.filter((e) => e.kind !== 'file');
  if (odd.length > 0) return notWritten(odd.map((e) => e.name));
  return { ok: true, action: 'replace', adopt: names };
}
