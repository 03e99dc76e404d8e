/**
 * `msasim playground [--out playground.html]`: writes the browser playground as one
 * self-contained HTML file (cli/playground-file.ts) from the built dist-web/ folder, through
 * the single-file output rules (cli/out-file.ts: never over a file msasim did not write).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InternalError } from '../errors.ts';
import type { CliIo } from '../io.ts';
import { writeFileOut } from '../out-file.ts';
import { inlinePlayground, PLAYGROUND_MARKER } from '../playground-file.ts';

/** The built playground folder (dist-web/ beside dist/ or src/). */
export function webDir(): string {
  return fileURLToPath(new URL('../../../dist-web/', import.meta.url));
}

/** The playground as one HTML file. */
export function playgroundHtml(dir = webDir()): string {
  if (!existsSync(`${dir}index.html`))
    throw new InternalError(
      `the playground is not built (${dir}index.html is missing): run npm run build:web`,
    );
  return inlinePlayground(readFileSync(`${dir}index.html`, 'utf8'), (name) =>
    readFileSync(`${dir}${name}`, 'utf8'),
  );
}

/** Writes the playground to `out`; returns the exit code. */
export async function playgroundCommand(out: string, io: CliIo): Promise<number> {
  const text = playgroundHtml();
  await writeFileOut(
    out,
    '--out',
    text,
    PLAYGROUND_MARKER,
    'a playground file',
    '플레이그라운드 파일',
  );
  const kb = Buffer.byteLength(text) / 1024;
  io.err(`wrote ${out} (${(kb / 1024).toFixed(1)} MB): open it in a browser, no server needed\n`);
  return 0;
}
