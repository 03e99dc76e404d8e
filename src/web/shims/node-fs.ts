/**
 * The browser's stand-in for `node:fs` and `node:fs/promises` (the playground's build maps the
 * imports here): scenario/load.ts reads scenario files, which the playground never does (it
 * parses the editor's text), so every function here refuses.
 */
function noFileSystem(): never {
  throw new Error('there is no file system in the browser: parse the scenario text instead');
}

export const constants = { O_RDONLY: 0, O_NONBLOCK: 0 };
export const open = noFileSystem;
export const stat = noFileSystem;
export const readFile = noFileSystem;
