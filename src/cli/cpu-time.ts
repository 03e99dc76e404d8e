/**
 * CPU time of the main thread, to quote a simulation's speed on a shared machine: wall time
 * swings with the other processes, the CPU time of the thread that runs the loop much less.
 * On Linux it is the thread's own account in /proc/thread-self/schedstat (nanoseconds on a CPU;
 * the kernel updates it at scheduler ticks, so a reading may lag by a few ms); elsewhere
 * (or when /proc cannot be read) it falls back to process.cpuUsage(), which also counts V8's
 * helper threads (garbage collection, compilation) and so reads higher.
 */
import { readFileSync } from 'node:fs';

let fromProc = process.platform === 'linux';

/** Milliseconds of CPU spent so far by this thread (see the header for what is counted). */
export function threadCpuMs(): number {
  if (fromProc) {
    try {
      const text = readFileSync('/proc/thread-self/schedstat', 'latin1');
      const ns = Number(text.slice(0, text.indexOf(' ')));
      if (Number.isFinite(ns)) return ns / 1e6;
    } catch {
      // no /proc here: fall back for good
    }
    fromProc = false;
  }
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Whether threadCpuMs counts the main thread alone (false: the whole process). */
export function threadCpuIsMainThreadOnly(): boolean {
  threadCpuMs();
  return fromProc;
}
