/** Tests of the descriptions feature: collected from a scenario, shown escaped on the page. */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../model/language.ts';
import type { ReportData } from '../../report-data-types.ts';
import { componentDescriptions, descriptionsTable } from './descriptions.ts';
import { describeParts } from './part-description.ts';

const YAML = `version: 1
name: 설명
duration: 2s
workloads:
  손님:
    description: 주문 화면을 여는 손님
    rate: 10/s
    target: 주문/조회
services:
  주문:
    description: 주문 서비스
    database: 주문-db
    endpoints:
      조회:
        description: 주문 목록
        steps:
          - cpu: 1ms
          - query: {}
  결제:
    endpoints:
      승인: { steps: [ { cpu: 1ms } ] }
databases:
  주문-db: { description: 주문 데이터베이스, connections: 5, queryTime: 1ms }
slos:
  빠름: { description: 대부분 빠르게, p99: 100ms, availability: 99% }
`;

function data(descriptions: ReportData['scenario']['descriptions']): ReportData {
  return {
    scenario: { name: 'x', description: '', file: 'x.yaml', lesson: null, descriptions },
  } as unknown as ReportData;
}

describe('describeParts', () => {
  it('collects the non-empty descriptions of services, endpoints, databases, workloads and SLOs', () => {
    const loaded = parseScenario(YAML, 'ko.yaml');
    expect(describeParts(loaded.variants[0])).toEqual([
      { kind: 'service', name: '주문', text: '주문 서비스' },
      { kind: 'endpoint', name: '주문/조회', text: '주문 목록' },
      { kind: 'database', name: '주문-db', text: '주문 데이터베이스' },
      { kind: 'workload', name: '손님', text: '주문 화면을 여는 손님' },
      { kind: 'slo', name: '빠름', text: '대부분 빠르게' },
    ]);
  });
});

describe('descriptionsTable', () => {
  it('shows every description, escaped', () => {
    const out = String(
      descriptionsTable(
        data([{ kind: 'service', name: '주문', text: '<img src=x onerror=alert(1)>' }]),
      ),
    );
    expect(out).toContain('<h3>Descriptions</h3>');
    expect(out).toContain('주문');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).not.toContain('<img');
  });

  it('is empty when nothing is described', () => {
    expect(String(descriptionsTable(data(undefined)))).toBe('');
  });
});

describe('componentDescriptions', () => {
  it('keeps the components (the topology nodes) only', () => {
    const map = componentDescriptions(
      data([
        { kind: 'service', name: 'a', text: 'A' },
        { kind: 'endpoint', name: 'a/b', text: 'B' },
        { kind: 'database', name: 'd', text: 'D' },
      ]),
    );
    expect([...map]).toEqual([
      ['a', 'A'],
      ['d', 'D'],
    ]);
  });
});
