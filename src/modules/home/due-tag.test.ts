import { describe, expect, it } from 'vitest';
import { dueTag } from './queries.ts';

describe('the status tag of a My work item', () => {
  const today = '2026-12-01';
  it('says how long an item has been overdue in words, in red', () => {
    expect(dueTag({ dueOn: '2026-11-30', daysLeft: -1 }, today)).toEqual({
      text: 'Overdue by 1 day',
      classes: 'govuk-tag--red',
    });
    expect(dueTag({ dueOn: '2026-10-30', daysLeft: -32 }, today).text).toBe('Overdue by 32 days');
    expect(dueTag({ dueOn: '2026-08-15', daysLeft: -108 }, today).text).toBe('Overdue by over 3 months');
    expect(dueTag({ dueOn: '2011-06-30', daysLeft: -5633 }, today).text).toBe('Overdue by over 15 years');
  });

  it('is amber when due within 7 days, grey after', () => {
    expect(dueTag({ dueOn: today, daysLeft: 0 }, today)).toEqual({ text: 'Due today', classes: 'govuk-tag--orange' });
    expect(dueTag({ dueOn: '2026-12-08', daysLeft: 7 }, today).classes).toBe('govuk-tag--orange');
    expect(dueTag({ dueOn: '2026-12-09', daysLeft: 8 }, today)).toEqual({
      text: 'Due in 8 days',
      classes: 'govuk-tag--grey',
    });
  });
});
