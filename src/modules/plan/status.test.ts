/** A plan's status in words: one rolled over before its year ended is still in force until then. */
import { describe, expect, it } from 'vitest';
import { statusNameOn } from './views.ts';

describe('a plan’s status in words', () => {
  const year = { periodStart: '2026-04-01', periodEnd: '2027-03-31' };
  it('says an archived plan whose year has not ended is in force until its last day', () => {
    expect(statusNameOn({ ...year, status: 'archived' }, '2026-12-06')).toBe('In force until 31 March 2027');
    expect(statusNameOn({ ...year, status: 'archived' }, '2027-03-31')).toBe('In force until 31 March 2027');
  });
  it('says archived once its year is over, and names the other statuses', () => {
    expect(statusNameOn({ ...year, status: 'archived' }, '2027-04-01')).toBe('Archived');
    expect(statusNameOn({ ...year, status: 'active' }, '2026-12-06')).toBe('Active');
    expect(statusNameOn({ ...year, status: 'draft' }, '2026-12-06')).toBe('Draft');
  });
});
