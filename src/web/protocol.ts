/**
 * The messages between the playground page (app.ts) and its Web Worker (worker.ts). Everything
 * crosses as structured-clone data: texts, numbers and the located issues of the scenario
 * pipeline, never markup.
 */

import type { RunResult, RunSummary } from '../metrics/summary.ts';
import type { VegaAssets } from '../report/html/page.ts';
import type { Lang } from '../report/i18n/lang.ts';
import type { PrecisionState } from '../report/precision.ts';
import type { RunNotes } from '../report/results.ts';
import type { SweepPlan } from '../report/sweep-plan.ts';
import type { ScenarioIssue } from '../scenario/issues.ts';
import type { LessonLang } from '../scenario/lesson-types.ts';
import type { SweepParamSpec } from '../scenario/sweep-params.ts';

/** A numeric override of the what-if sliders: a dotted path as in a variant's `set:`. */
export interface WhatIf {
  path: string;
  value: number;
}

/** What the page asks a run for. */
export interface RunRequest {
  /** The scenario text (YAML or JSON) as in the editor. */
  text: string;
  /** Its file name, for messages and results.json (`scenarios/<name>` for a shipped one). */
  file: string;
  /** The lesson beside it, shown in the report (null: none). */
  lesson: string | null;
  /**
   * Its translations (`x.ko.md`, `x.en.md` beside `x.md`), by language; those into the lesson's
   * own language are left out, as the CLI does not read them (scenario/lesson-translation.ts).
   */
  lessonTranslations?: Partial<Record<LessonLang, string>>;
  /** What-if values applied to the base document before the variants (as `sweep --param`). */
  whatIf?: WhatIf[];
  /**
   * Replications of each variant, chosen in the page (as `run --replications`; default the
   * scenario's `replications:`, else 1).
   */
  replications?: number;
  /**
   * As `run --precision`: a share (0.05 = 5 %); replications are added until every highlight's
   * 95 % half-width is within it of its mean, at most DEFAULT_MAX_REPLICATIONS.
   */
  precision?: number;
  /**
   * The workloads' data files the user gave the page (`replay:`, `rateProfile:`), by the name
   * the scenario writes (`file: morning-log.csv`); read in the worker (web/data-files.ts).
   */
  files?: Record<string, Blob>;
  /**
   * The language of the report page's words, as `run --lang` (default English); it picks the
   * lesson's translation too.
   */
  lang?: Lang;
}

/** Replications `from` … `from + count − 1` of a variant (1-based; seeds `<seed>/<r>`). */
export interface ReplicationRange {
  from: number;
  count: number;
}

/** Where a run is, sent at the engine's checkpoints (at most a few times a second). */
export interface RunProgress {
  /** The variant's name (the scenario's when it has none). */
  variant: string;
  /** 0-based index of the variant and how many there are. */
  index: number;
  of: number;
  /** Simulated time reached and the run's length, ms. */
  simMs: number;
  durationMs: number;
}

/** What a run will do: its variants and the replications each runs first. */
export interface RunPlan {
  variants: number;
  replications: number;
}

/** How a run ended. */
export type RunOutcome =
  | { kind: 'invalid'; issues: ScenarioIssue[] }
  | { kind: 'stopped'; message: string }
  | {
      kind: 'done';
      /** The report's files in the CLI's order (summary.json, CSVs, results.json, index.html). */
      files: [string, string][];
      /** Non-fatal notes (the CLI prints them on stderr). */
      notes: string[];
      /** Wall time of the simulations alone, ms. */
      simulationWallMs: number;
      /** Wall time of the whole run with the report, ms. */
      wallMs: number;
    };

/** How the run of one variant ended (a worker's part of a run on several workers). */
export type VariantOutcome =
  | {
      kind: 'ran';
      /** The first replication (the report shows its details); absent when it was not run here. */
      result?: RunResult;
      /** The summaries of every replication (the scenario's `replications:`), in order. */
      summaries: RunSummary[];
      simulationWallMs: number;
    }
  | { kind: 'invalid'; issues: ScenarioIssue[] }
  | { kind: 'stopped'; message: string };

/** What the page asks a sweep for: the scenario, its parameters' lines and replications. */
export interface SweepRequest {
  request: RunRequest;
  /** One `path=v1,v2,…` per line (blank lines and `#` comments are skipped). */
  params: string;
  replications: number;
}

/** A planned sweep: its plan and parameters, or what stops it. */
export type SweepPlanned =
  | { plan: SweepPlan; params: SweepParamSpec[] }
  | { issues: ScenarioIssue[] }
  | { problem: string };

/** What the page asks a spof analysis for. */
export interface SpofRequest {
  request: RunRequest;
  mode: 'refuse' | 'hang';
  /** Fail every component, not only the shared ones (`--all`). */
  all: boolean;
}

/** How a spof analysis ended. */
export type SpofOutcome =
  | { kind: 'done'; files: [string, string][]; text: string; runs: number }
  | { kind: 'nothing'; text: string }
  | { kind: 'invalid'; issues: ScenarioIssue[] }
  | { kind: 'problem'; message: string }
  | { kind: 'stopped'; message: string };

/** What the page asks a check for. */
export interface ChallengeRequest {
  /** The challenge file's name (messages) and text; its base scenario's. */
  challengeFile: string;
  challengeText: string;
  baseFile: string;
  baseText: string;
  /** The attempt's text as in the editor, and its file name (the verdict's places name it). */
  text: string;
  file: string;
  /** The language of the verdict, as `--lang`. */
  lang?: Lang;
}

/** How a check ended. */
export type ChallengeOutcome =
  | {
      kind: 'verdict';
      /** What `msasim challenge <name> <file> --lang <l>` prints on stdout. */
      text: string;
      /** The same in every language (the page shows it in its language, which may change). */
      texts: Record<Lang, string>;
      pass: boolean;
      score: number;
      /** The attempt's warnings (the CLI prints them on stderr). */
      warnings: ScenarioIssue[];
    }
  | { kind: 'invalid'; issues: ScenarioIssue[] }
  | { kind: 'stopped'; message: string };

/** Page → worker. */
export type ToWorker =
  | { type: 'init'; assets: VegaAssets }
  | { type: 'validate'; id: number; text: string; file: string }
  | { type: 'plan'; id: number; request: RunRequest }
  | { type: 'variant'; id: number; request: RunRequest; index: number; range?: ReplicationRange }
  | {
      type: 'precision';
      id: number;
      request: RunRequest;
      runs: RunResult[];
      replications: RunSummary[][];
    }
  | { type: 'sweep-plan'; id: number; sweep: SweepRequest }
  | {
      type: 'sweep-point';
      id: number;
      sweep: SweepRequest;
      planned: { plan: SweepPlan; params: SweepParamSpec[] };
      index: number;
    }
  | { type: 'sweep-report'; id: number; plan: SweepPlan; texts: string[]; lang?: Lang }
  | { type: 'spof'; id: number; spof: SpofRequest }
  | { type: 'challenge'; id: number; check: ChallengeRequest }
  | {
      type: 'report';
      id: number;
      request: RunRequest;
      runs: RunResult[];
      replications: RunSummary[][];
      /** The run's notes in results.json (the precision reached, as `run --precision` writes it). */
      notes?: RunNotes;
    };

/** Worker → page. */
export type FromWorker =
  | {
      type: 'validated';
      id: number;
      issues: ScenarioIssue[];
      /** The data files the scenario's workloads read (the page asks the user for them). */
      dataFiles: string[];
    }
  | { type: 'planned'; id: number; plan: RunPlan | { issues: ScenarioIssue[] } }
  | { type: 'precision'; id: number; state: PrecisionState }
  | { type: 'sweep-planned'; id: number; planned: SweepPlanned }
  | { type: 'sweep-point'; id: number; outcome: { text: string } | { stopped: string } }
  | { type: 'sweep-reported'; id: number; files: [string, string][]; table: string }
  | { type: 'spof-done'; id: number; outcome: SpofOutcome }
  | { type: 'checked'; id: number; outcome: ChallengeOutcome }
  | { type: 'ran'; id: number; outcome: VariantOutcome }
  | { type: 'reported'; id: number; files: [string, string][]; notes: string[] }
  | { type: 'progress'; id: number; progress: RunProgress }
  | { type: 'crashed'; id: number; message: string }
  /** A refusal of the page's Content-Security-Policy in the worker (id 0: no request's). */
  | { type: 'violation'; id: number; message: string };
