/**
 * The browser's stand-in for `node:module` (the playground's build maps the import here):
 * cli/version.ts reads msasim's version from package.json with createRequire; the build puts
 * the version in `MSASIM_VERSION`, and this require answers only for package.json.
 */
declare const MSASIM_VERSION: string;

export function createRequire(_from: string): (id: string) => unknown {
  return (id: string) => {
    if (id.endsWith('/package.json')) return { version: MSASIM_VERSION };
    throw new Error(`${id} cannot be loaded in the browser`);
  };
}
