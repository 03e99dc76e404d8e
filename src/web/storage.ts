/**
 * The user's edits, kept in localStorage so a reload (or a crash of the tab) loses nothing: the
 * text of every edited scenario by file name, and which scenario was open. A browser that
 * refuses storage (private mode, file:// in some browsers) keeps the edits for the session only.
 */
const EDITS = 'msasim.playground.edits.v1';
const CURRENT = 'msasim.playground.current.v1';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // storage refused or full: the edit stays in the editor
  }
}

/** Edited texts by file name. */
export function loadEdits(): Map<string, string> {
  try {
    const value = JSON.parse(read(EDITS) ?? '{}') as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return new Map();
    return new Map(
      Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  } catch {
    return new Map();
  }
}

export function saveEdits(edits: Map<string, string>): void {
  write(EDITS, JSON.stringify(Object.fromEntries(edits)));
}

export function loadCurrent(): string | null {
  return read(CURRENT);
}

export function saveCurrent(file: string): void {
  write(CURRENT, file);
}
