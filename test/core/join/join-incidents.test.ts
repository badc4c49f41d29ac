import { describe, expect, it } from 'vitest';
import { categorySlug, joinIncidents } from '../../../src/core/join/join-incidents.ts';
import { incidentRatePer1000, periodLengthYears } from '../../../src/core/join/incident-rate-per-1000.ts';
import type { BlockFeature } from '../../../src/core/types.ts';
import type { JoinRecord } from '../../../src/core/join/check-records.ts';

const blocks: BlockFeature[] = [{ type: 'Feature', properties: { block_id: 'A', area_m2: 100 }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]] } }];
const incident = (p: Record<string, unknown>): JoinRecord => ({ type: 'Feature', properties: p, geometry: { type: 'Point', coordinates: [5, 5] } });

describe('joinIncidents', () => {
  it('slugs categories into field names', () => {
    expect(categorySlug('Fietsdiefstal / Bromfiets')).toBe('fietsdiefstal_bromfiets');
    expect(categorySlug('Vandalisme (opzettelijk)')).toBe('vandalisme_opzettelijk');
    expect(categorySlug('  Sluikstort  ')).toBe('sluikstort');
    expect(categorySlug('Opzettelijke slagen & verwondingen')).toBe('opzettelijke_slagen_verwondingen');
    expect(categorySlug('Ééntje')).toBe('eentje');
  });

  it('refuses categories that collide or cannot be fields', () => {
    expect(() => joinIncidents(blocks, [], { categories: ['Drugs', 'drugs'] })).toThrow(/both give the field incidents_drugs/);
    expect(() => joinIncidents(blocks, [], { categories: ['Other'] })).toThrow(/reserved/);
    expect(() => joinIncidents(blocks, [], { categories: [{ value: 'X', id: 'Bad Id' }] })).toThrow(/a-z, 0-9 and _/);
    expect(() => joinIncidents(blocks, [], { categories: ['!!!'] })).toThrow(/ids may use only/);
  });

  it('refuses unreadable or reversed periods', () => {
    expect(() => joinIncidents(blocks, [], { period: { from: '2021-13-01', to: '2021-12-31' } })).toThrow(/ISO dates/);
    expect(() => joinIncidents(blocks, [], { period: { from: '2022-01-01', to: '2021-12-31' } })).toThrow(/must not be after/);
  });

  it('without a period, datetimes are optional and only noted when missing or unreadable; Dates work', () => {
    const { values, report } = joinIncidents(blocks, [incident({ category: 'x' }), incident({ category: 'x', datetime: 'gisteren' }), incident({ category: 'x', datetime: new Date(Date.UTC(2021, 5, 1)) })]);
    expect(values.get('A')).toEqual({ incidents_total: 3, incidents_other: 3 });
    expect(report.notes).toEqual({ 'datetime-invalid': 1, 'datetime-missing': 1 });
  });

  it('a one-day period includes the whole day', () => {
    const { report } = joinIncidents(blocks, [incident({ datetime: '2021-05-05T23:59:59' }), incident({ datetime: '2021-05-06T00:00:00' })], { period: { from: '2021-05-05', to: '2021-05-05' } });
    expect(report.rejected.map((r) => [r.index, r.reason])).toEqual([[1, 'outside-period']]);
  });
});

describe('incidentRatePer1000', () => {
  it('is per 1,000 inhabitants per year and null where nobody lives', () => {
    expect(incidentRatePer1000(9, 40)).toBe(225);
    expect(incidentRatePer1000(9, 40, 2)).toBe(112.5);
    expect(incidentRatePer1000(3, 0)).toBeNull();
    expect(incidentRatePer1000(3, null)).toBeNull();
    expect(incidentRatePer1000(null, 10)).toBeNull();
    expect(() => incidentRatePer1000(3, 10, 0)).toThrow(/more than 0 years/);
  });
  it('measures inclusive periods in years', () => {
    expect(periodLengthYears({ from: '2020-01-01', to: '2021-12-31' })).toBeCloseTo(731 / 365.25, 10);
    expect(periodLengthYears({ from: '2021-01-01', to: '2021-12-31' })).toBeCloseTo(365 / 365.25, 10);
  });
});
