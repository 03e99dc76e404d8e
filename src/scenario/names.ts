/**
 * The names a scenario defines (services, their endpoints, databases) and the checks of
 * references to them, with suggestions for near misses. Shared by the reference and workload
 * checks; positions come later, from the document paths.
 */
import type { DocPath, UnlocatedIssue } from './issues.ts';
import * as msg from './messages.ts';
import type { ScenarioParsed } from './schema.ts';

/** The ids a scenario defines, for reference checks and suggestions. */
export interface Names {
  services: string[];
  databases: string[];
  /** Endpoint names per service id. */
  endpoints: Map<string, string[]>;
  keys: string[];
  caches: string[];
  brokers: string[];
  /** The same names as sets, to check a reference in constant time (files of 100k services). */
  has: {
    services: Set<string>;
    databases: Set<string>;
    keys: Set<string>;
    caches: Set<string>;
    brokers: Set<string>;
  };
}

/** The names defined by a parsed scenario, in document order. */
export function collectNames(doc: ScenarioParsed): Names {
  const services = Object.keys(doc.services);
  const databases = Object.keys(doc.databases);
  const keys = Object.keys(doc.keys);
  const caches = Object.keys(doc.caches);
  const brokers = Object.keys(doc.brokers);
  return {
    services,
    databases,
    endpoints: new Map(
      Object.entries(doc.services).map(([id, s]) => [id, Object.keys(s.endpoints)]),
    ),
    keys,
    caches,
    brokers,
    has: {
      services: new Set(services),
      databases: new Set(databases),
      keys: new Set(keys),
      caches: new Set(caches),
      brokers: new Set(brokers),
    },
  };
}

/** An error at `path` (on its key rather than its value with `onKey`). */
export function errorAt(text: msg.IssueText, path: DocPath, onKey = false): UnlocatedIssue {
  return { ...text, severity: 'error', path, ...(onKey ? { onKey } : {}) };
}

/**
 * Problems with `service/endpoint` (a call or a workload target) at `path`: an unknown service
 * or endpoint, or a database where a service belongs.
 */
export function checkEndpointRef(
  ref: string,
  path: DocPath,
  names: Names,
  onKey = false,
): UnlocatedIssue[] {
  const [service, endpoint] = ref.split('/');
  const endpoints = names.endpoints.get(service);
  if (endpoints === undefined) {
    if (names.has.databases.has(service))
      return [errorAt(msg.callToDatabase(service), path, onKey)];
    return [errorAt(msg.unknownReference('service', service, names.services), path, onKey)];
  }
  if (!endpoints.includes(endpoint)) {
    return [errorAt(msg.unknownReference('endpoint', endpoint, endpoints, service), path, onKey)];
  }
  return [];
}

/** Problems with a database id at `path`: unknown, or a service where a database belongs. */
export function checkDatabaseRef(id: string, path: DocPath, names: Names): UnlocatedIssue[] {
  if (names.has.databases.has(id)) return [];
  if (names.has.services.has(id)) return [errorAt(msg.queryToService(id), path)];
  return [errorAt(msg.unknownReference('database', id, names.databases), path)];
}
