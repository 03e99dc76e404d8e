/**
 * Figures derived from a run's consumer groups that several outputs share (the CSV, the console
 * table, the HTML report): the runs that have groups, each group with its run, and the messages
 * applied exactly once. Pure.
 */
import type { ConsumerGroupSummary } from '../../../metrics/consumer-stats.ts';
import type { RunResult } from '../../../metrics/summary.ts';
import { runItems } from '../../csv.ts';

/** The consumer groups of every run (first replication of each variant), each with its run. */
export function consumerGroupRuns(runs: readonly RunResult[]): [RunResult, ConsumerGroupSummary][] {
  return runItems(runs, (s) => s.consumers);
}

/**
 * Messages whose effect was applied once: every application (`applied`) less those of a message
 * applied before (`appliedTwice`), never below 0.
 */
export function appliedOnce(c: ConsumerGroupSummary): number {
  return Math.max(0, c.applied - c.appliedTwice);
}
