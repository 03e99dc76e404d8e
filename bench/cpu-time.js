/** The benchmark's CPU clock: the main thread's CPU time, as the CLI reads it (src/cli/cpu-time.ts). */
export { threadCpuMs } from '../dist/cli/cpu-time.js';
