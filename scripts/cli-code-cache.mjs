/**
 * The warm-up run of scripts/build-cli.mjs (run by it in a fresh `node`, not by hand): loads the
 * command line's bundle without a cache, runs `msasim validate <scenario>` (its output goes
 * where the build sends it: nowhere), then writes dist/bundle/cli.cache: the bundle's key and
 * V8's code for the top level and every function the run compiled (src/cli/code-cache.ts).
 */
import { writeFileSync } from 'node:fs';
import {
  CLI_BUNDLE,
  CLI_CACHE,
  cacheFileContents,
  runCachedScript,
} from '../dist/cli/code-cache.js';

const scenario = process.argv[2];
// a cache file of an earlier build is stale (the build removed dist/bundle/): none is read
const cli = runCachedScript(CLI_BUNDLE, `${CLI_CACHE}.none`);
if (cli.key === undefined) throw new Error(`cli-code-cache: ${CLI_BUNDLE} has no key`);
const code = await cli.exports.main(['node', 'msasim', 'validate', scenario]);
if (code !== 0) throw new Error(`cli-code-cache: msasim validate ${scenario} exited ${code}`);
writeFileSync(CLI_CACHE, cacheFileContents(cli.script, cli.key));
