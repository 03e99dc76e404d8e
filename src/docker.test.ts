/**
 * The Dockerfile cannot drift from README.md's set-up: its RUN steps are the set-up commands
 * (`npm ci && npm run build`, before `node bin/msasim …`) one by one, its entry point is the
 * README's `node bin/msasim`, its base image is the Node major version package.json requires,
 * what it copies exists, and .dockerignore keeps out nothing the build needs. (No container
 * engine runs here; this reads the files.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** One Dockerfile instruction: its keyword and its arguments (continuation lines joined). */
interface Instruction {
  keyword: string;
  args: string;
}

/** The instructions of a Dockerfile, comments and blank lines left out. */
function parseDockerfile(text: string): Instruction[] {
  const logical = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ');
  return logical
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

/** The commands of README.md's set-up block (its first `sh` block), split at `&&`. */
function readmeSetUp(): { setUp: string[]; invocation: string } {
  const readme = read('README.md');
  const section = readme.slice(readme.indexOf('## Set up'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  const commands = block
    .trim()
    .split('&&')
    .map((c) => c.trim().replace(/\s+/g, ' '));
  const first = commands.findIndex((c) => c.startsWith('node bin/msasim'));
  return { setUp: commands.slice(0, first), invocation: commands[first] ?? '' };
}

const instructions = parseDockerfile(read('Dockerfile'));

describe('the Dockerfile', () => {
  it('runs exactly the two set-up commands of the README, in order', () => {
    const { setUp } = readmeSetUp();
    expect(setUp).toEqual(['npm ci', 'npm run build']);
    const runs = instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
    expect(runs).toEqual(setUp);
  });

  it('starts the CLI as the README does: node bin/msasim', () => {
    const { invocation } = readmeSetUp();
    const entry = instructions.filter((i) => i.keyword === 'ENTRYPOINT');
    expect(entry).toHaveLength(1);
    const argv = JSON.parse(entry[0].args) as string[];
    expect(argv).toEqual(['node', 'bin/msasim']);
    expect(invocation.startsWith(`${argv.join(' ')} `)).toBe(true);
  });

  it('builds on the Node major version package.json requires, on Debian', () => {
    const from = instructions.filter((i) => i.keyword === 'FROM');
    expect(from).toHaveLength(1);
    const engines = JSON.parse(read('package.json')).engines.node as string;
    const major = /(\d+)/.exec(engines)?.[1];
    expect(from[0].args).toMatch(new RegExp(`^node:${major}-bookworm(-slim)?$`));
  });

  it('copies files that exist, and .dockerignore keeps what the build needs', () => {
    for (const copy of instructions.filter((i) => i.keyword === 'COPY')) {
      const sources = copy.args.split(/\s+/).slice(0, -1);
      for (const source of sources.filter((s) => s !== '.'))
        expect(existsSync(join(ROOT, source)), source).toBe(true);
    }
    const ignored = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    const needed = [
      'package.json',
      'package-lock.json',
      '.npmrc',
      'tsconfig.json',
      'tsconfig.build.json',
      'src',
      'bin',
      'scenarios',
      // npm run build bundles the playground with it
      'scripts',
    ];
    expect(ignored.filter((pattern) => needed.includes(pattern.replace(/\/$/, '')))).toEqual([]);
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', 'dist-web']));
  });
});
