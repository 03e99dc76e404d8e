/**
 * `msasim report <dir>`: rebuild a report folder's index.html (the self-contained HTML report)
 * from its results.json, without running the simulation again, e.g. after upgrading msasim's
 * page. The file is checked first (JSON, the current format, the parts the page reads); a bad
 * or missing file is a one-line error and exit code 1. index.html is rewritten only in a folder
 * marked as a report (`.msasim-report`) or, for folders written before the marker existed, when
 * it is missing or a page msasim generated (report-rules.ts `decideReportRewrite`); otherwise exit 2
 * and nothing is touched. Its errors and closing line are in the language of --lang. The page is written to a temporary file (fsync'd) and renamed into
 * place; it is byte-identical to the one `msasim run` wrote.
 */

import { lstat, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { buildReportHtml } from '../../report/html/page.ts';
import type { Lang } from '../../report/i18n/lang.ts';
import type { ReportData } from '../../report/report-data.ts';
import { OUTPUT_FORMAT_VERSION } from '../../report/results.ts';
import { LESSON_LANGS } from '../../scenario/lesson-types.ts';
import { ExitCode, OutPathError } from '../errors.ts';
import { type CliIo, isProcessAlive, writeFileAtomically } from '../io.ts';
import {
  type EntryKind,
  MARKER_FILE,
  REPORT_TEMPORARY,
  refusalText,
  refusalTextKo,
} from '../out-rules.ts';
import { decideReportRewrite, type ReportFolderFacts } from '../report-rules.ts';
import { kindOf, readRegularFile, UnsafeFileError } from '../safe-read.ts';
import { loadVegaAssets } from '../vega-assets.ts';

// Numbers may be null: results.json writes non-finite numbers as null. Objects are loose: the
// check covers what the page reads and lets newer fields through.
const num = z.number().nullable();
const str = z.string();
const latency = z.looseObject({ p50Ms: num, p90Ms: num, p99Ms: num, p999Ms: num });
const group = z.looseObject({
  arrivals: num,
  throughputPerSec: num,
  errorRate: num,
  outcomes: z.looseObject({ ok: num, rejected: num, timedOut: num, failed: num }),
  latency,
});
const summary = z.looseObject({
  scenario: z.looseObject({ variant: str.nullable(), durationMs: num, warmupMs: num }),
  overall: group,
  endpoints: z.array(group.extend({ endpoint: str })),
  components: z.array(
    z.looseObject({
      id: str,
      kind: str,
      instances: num,
      arrivals: num,
      arrivalsPerSec: num,
      utilisation: num,
    }),
  ),
  caches: z.array(z.looseObject({ id: str, type: str, lookups: num, hitRatio: num })),
  links: z.array(z.looseObject({ from: str, to: str, kind: str, perSec: num })),
});
const estimate = z.looseObject({ n: num, mean: num, lo: num, hi: num });
const metric = z.looseObject({ scope: str, id: str, metric: str, label: str, unit: str });
// the lesson's resolved figures and claims (scenario/lesson-types.ts); absent without any
const lessonRef = z.looseObject({
  text: str,
  variant: str.nullable(),
  def: z.looseObject({ scope: str, id: str.nullable(), metric: str, label: str }),
});
const operand = z.looseObject({
  ref: lessonRef.nullable(),
  factor: z.number(),
  constant: z.number(),
});
const lessonRefs = z.looseObject({
  file: str,
  figures: z.array(
    z.looseObject({
      source: str,
      line: z.number(),
      col: z.number(),
      ref: lessonRef,
      format: z.enum(['value', 'mean', 'interval']),
    }),
  ),
  claims: z.array(
    z.looseObject({
      text: str,
      line: z.number(),
      left: operand,
      op: z.enum(['<', '<=', '>', '>=', '=', '!=', '~']),
      right: operand,
    }),
  ),
  claimBlocks: z.array(z.looseObject({ start: z.number(), end: z.number() })),
});
const reportData = z.looseObject({
  format: z.number(),
  scenario: z.looseObject({
    name: str,
    description: str,
    file: str,
    lesson: str.nullable(),
    lessonRefs: lessonRefs.optional(),
    lessonLang: z.enum(LESSON_LANGS).optional(),
    // each translation's text and figures (its claims are the original's)
    lessonTranslations: z
      .partialRecord(z.enum(LESSON_LANGS), z.looseObject({ lesson: str, lessonRefs }))
      .optional(),
  }),
  replications: z.number(),
  seeds: z.array(z.union([z.number(), str])),
  variants: z
    .array(
      z.looseObject({
        variant: str.nullable(),
        description: str,
        summary,
        series: z.looseObject({
          requests: z.record(str, z.array(z.looseObject({ second: z.number() }))),
          components: z.record(str, z.array(z.looseObject({ second: z.number() }))),
        }),
        distributions: z.record(str, z.array(z.looseObject({ p: z.number(), ms: z.number() }))),
        estimates: z.array(metric.extend({ estimate })),
      }),
    )
    .min(1),
  comparisons: z.array(
    z.looseObject({
      variant: str,
      baseline: str,
      metrics: z.array(metric.extend({ sentence: str, difference: z.looseObject({}) })),
    }),
  ),
  // absent in results.json written before highlights: the page shows none
  highlights: z
    .looseObject({
      source: z.enum(['scenario', 'default']),
      items: z.array(z.looseObject({ key: str, name: str })),
      warmup: z.array(
        z.looseObject({ variant: str, highlight: str, warmupS: num, suggestedS: num }),
      ),
    })
    .optional(),
});

/** A results.json the page cannot be built from; `ko` is the message in Korean. */
class ReportInputError extends Error {
  constructor(
    message: string,
    readonly ko: string,
  ) {
    super(message);
  }
}

/** What to do about a results.json that is not current. */
const RUN_AGAIN = '  → run the scenario again (msasim run <scenario>) to write a current report.';
const RUN_AGAIN_KO =
  '  → 시나리오를 다시 실행해(msasim run <scenario>) 현재 형식의 보고서를 쓰세요.';

/**
 * The ReportData in `text` (the contents of `file`), checked; throws ReportInputError saying
 * what is wrong and how to fix it. The object returned is JSON.parse's own (the check changes nothing).
 */
export function parseReportData(text: string, file: string): ReportData {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const why = (e as Error).message;
    throw new ReportInputError(
      `${file} is not valid JSON (${why}).`,
      `${file}: 올바른 JSON이 아닙니다 (${why}).`,
    );
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (typeof format !== 'number')
    throw new ReportInputError(
      `${file} is not a msasim results.json (it has no "format").`,
      `${file}: msasim의 results.json이 아닙니다 ("format"이 없습니다).`,
    );
  if (format !== OUTPUT_FORMAT_VERSION)
    throw new ReportInputError(
      `${file} has format ${format}; this msasim reads format ${OUTPUT_FORMAT_VERSION}.\n${RUN_AGAIN}`,
      `${file}: format ${format}입니다. 이 msasim은 format ${OUTPUT_FORMAT_VERSION}을 읽습니다.\n${RUN_AGAIN_KO}`,
    );
  const checked = reportData.safeParse(json);
  if (!checked.success) {
    const issues = checked.error.issues
      .slice(0, 3)
      .map((i) => `  ${i.path.join('.') || '(top)'}: ${i.message}`);
    throw new ReportInputError(
      `${file} is not a complete msasim results.json:\n${issues.join('\n')}\n${RUN_AGAIN}`,
      `${file}: 완전한 msasim results.json이 아닙니다:\n${issues.join('\n')}\n${RUN_AGAIN_KO}`,
    );
  }
  return fillOlderFields(json as ReportData);
}

/**
 * Fields added to results.json after format 1 was first written, filled with what they mean when
 * absent (the page reads them as lists), so a folder written by an older msasim still rebuilds:
 * propagation's faults that never fired and its data damage (both: none).
 */
function fillOlderFields(data: ReportData): ReportData {
  for (const v of data.variants) {
    const p = v.propagation as Partial<NonNullable<typeof v.propagation>> | null | undefined;
    if (p === null || p === undefined) continue;
    p.notFired ??= [];
    p.dataDamage ??= [];
  }
  return data;
}

/** The largest results.json `msasim report` reads. */
const RESULTS_MAX_BYTES = 1024 * 1024 * 1024;

/**
 * Rebuilds `<dir>/index.html` from `<dir>/results.json`; prints what it wrote.
 * @throws OutPathError (exit 2) when the folder's index.html is not msasim's to rewrite.
 */
export async function reportCommand(dir: string, io: CliIo, lang: Lang = 'en'): Promise<number> {
  if (dir.trim() === '')
    throw new OutPathError(
      refusalText(
        { option: 'report', given: dir },
        'the path is empty',
        'give the folder a run wrote',
      ),
      {
        ko: refusalTextKo(
          { option: 'report', given: dir },
          '경로가 비어 있습니다',
          'run이 쓴 폴더를 주세요',
        ),
      },
    );
  const file = join(dir, 'results.json');
  const dirKind = await kindAt(dir);
  if (dirKind === 'symlink') throw refusal(dir, { kind: 'symlink', index: 'absent' });
  const ko = lang === 'ko';
  let data: ReportData;
  try {
    let text: string;
    try {
      text = await readRegularFile(file, RESULTS_MAX_BYTES);
    } catch (e) {
      const hint = 'give the folder a run wrote (reports/<scenario name> by default)';
      const hintKo = 'run이 쓴 폴더를 주세요 (기본값은 reports/<시나리오 이름>)';
      // the folder itself first: a scenario file given instead of its report, a folder not there
      if (dirKind === 'file')
        throw new ReportInputError(
          `${dir} is a file, not a report folder.\n  → ${hint}; to run a scenario: msasim run ${dir}`,
          `${dir}: 보고서 폴더가 아니라 파일입니다.\n  → ${hintKo}. 시나리오를 실행하려면: msasim run ${dir}`,
        );
      if (dirKind === 'absent')
        throw new ReportInputError(
          `there is no folder ${dir}.\n  → ${hint}.`,
          `${dir}: 그런 폴더가 없습니다.\n  → ${hintKo}.`,
        );
      // an unsafe file's reason is only in English (safe-read.ts)
      const why = e instanceof UnsafeFileError ? `: ${e.message.replace(`${file} `, 'it ')}` : '';
      throw new ReportInputError(
        `cannot read ${file}${why}.\n  → ${hint}.`,
        `${file}: 읽을 수 없습니다${why}.\n  → ${hintKo}.`,
      );
    }
    data = parseReportData(text, file);
  } catch (e) {
    if (!(e instanceof ReportInputError)) throw e;
    io.err(`✖ ${ko ? e.ko : e.message}\n`);
    return ExitCode.scenario;
  }
  const facts = await reportFolderFacts(dir);
  if (!decideReportRewrite(facts).ok) throw refusal(dir, facts);
  const html = buildReportHtml(data, await loadVegaAssets(), undefined, lang);
  const target = join(dir, 'index.html');
  await removeDeadTemporaries(dir);
  await writeFileAtomically(target, html, {
    en: 'the page there before, if any, is untouched',
    ko: '이전 페이지는 그대로입니다',
  });
  const kb = Math.round(Buffer.byteLength(html) / 1024);
  io.out(
    ko
      ? `쓴 파일: ${target} (${kb} KB, 원본 ${file})\n`
      : `wrote ${target} (${kb} KB) from ${file}\n`,
  );
  return ExitCode.ok;
}

/** lstat's kind of `path` ('absent' when there is nothing). */
async function kindAt(path: string): Promise<EntryKind> {
  const st = await lstat(path).catch(() => undefined);
  return st === undefined ? 'absent' : kindOf(st);
}

/** The facts decideReportRewrite needs about `dir`. */
async function reportFolderFacts(dir: string): Promise<ReportFolderFacts> {
  const index = join(dir, 'index.html');
  const facts: ReportFolderFacts = {
    kind: await kindAt(dir),
    index: await kindAt(index),
  };
  if ((await kindAt(join(dir, MARKER_FILE))) !== 'absent')
    facts.marker = await readRegularFile(join(dir, MARKER_FILE), 64 * 1024).catch(() => null);
  else if (facts.index === 'file')
    facts.indexIsMsasims = await readRegularFile(index, RESULTS_MAX_BYTES).then(
      (page) => page.slice(0, 4096).includes('<meta name="generator" content="msasim">'),
      () => false,
    );
  return facts;
}

function refusal(dir: string, facts: ReportFolderFacts): OutPathError {
  const verdict = decideReportRewrite(facts);
  const { why, todo, whyKo, todoKo } = verdict.ok
    ? { why: 'it changed', todo: 'try again', whyKo: '바뀌었습니다', todoKo: '다시 해 보세요' }
    : verdict;
  const given = { option: 'report', given: dir };
  return new OutPathError(refusalText(given, why, todo), {
    ko: refusalTextKo(given, whyKo, todoKo),
  });
}

/** Removes `.index.html.tmp-<pid>` files whose writing process is gone. */
async function removeDeadTemporaries(dir: string): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const pid = REPORT_TEMPORARY.test(name) ? Number(name.slice(name.lastIndexOf('-') + 1)) : 0;
    if (pid > 0 && !isProcessAlive(pid)) await unlink(join(dir, name)).catch(() => undefined);
  }
}
