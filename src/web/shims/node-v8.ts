/**
 * The browser's stand-in for `node:v8` (the playground's build maps the import here): the
 * memory guard of cli/run-guard.ts reads the JavaScript heap through getHeapStatistics.
 * Chromium reports its heap (`performance.memory`, non-standard); elsewhere the heap is unknown
 * and the memory guard never fires (the browser stops a page that runs out of memory itself).
 */
interface ChromiumMemory {
  usedJSHeapSize: number;
  jsHeapSizeLimit: number;
}

export function getHeapStatistics(): {
  used_heap_size: number;
  external_memory: number;
  heap_size_limit: number;
} {
  const memory = (performance as unknown as { memory?: ChromiumMemory }).memory;
  if (memory === undefined)
    return { used_heap_size: 0, external_memory: 0, heap_size_limit: Number.POSITIVE_INFINITY };
  return {
    used_heap_size: memory.usedJSHeapSize,
    external_memory: 0,
    heap_size_limit: memory.jsHeapSizeLimit,
  };
}
