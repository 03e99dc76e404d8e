/** msasim's version, from package.json (printed by --version, written into output markers). */
import { createRequire } from 'node:module';

export const VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string })
  .version;
