import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { datePartsOf, govukDate, optionalGovukDate, parseDatedForm, withDates } from './date-input.ts';
import { parseForm } from './forms.ts';

const schema = z.object({ startedOn: govukDate('Start date'), endedOn: optionalGovukDate('End date') });
const boxes = (name: string, day: string, month: string, year: string) => ({
  [`${name}-day`]: day,
  [`${name}-month`]: month,
  [`${name}-year`]: year,
});
const messages = (body: Record<string, string>) => {
  const result = parseDatedForm(schema, body, ['startedOn', 'endedOn']);
  return result.ok ? [] : result.errors.list.map((e) => `${e.href} ${e.text}`);
};

describe('the GOV.UK date input', () => {
  it('reads three boxes as a date, trimmed, with an empty optional date as none', () => {
    const result = parseDatedForm(schema, boxes('startedOn', ' 7 ', '3', '2026'), ['startedOn', 'endedOn']);
    expect(result).toMatchObject({ ok: true, value: { startedOn: '2026-03-07', endedOn: null } });
  });

  it('says what is wrong in the pattern’s words, linked to the day box', () => {
    expect(messages({})).toEqual(['#startedOn-day Enter the start date']);
    expect(messages(boxes('startedOn', '7', '', '2026'))).toEqual(['#startedOn-day Start date must include a month']);
    expect(messages(boxes('startedOn', '31', '2', '2026'))).toEqual(['#startedOn-day Start date must be a real date']);
    // Each date named, where the pattern's "Year must include 4 numbers" would read the same twice.
    expect(messages({ ...boxes('startedOn', '7', '3', '26'), ...boxes('endedOn', '8', '3', '26') })).toEqual([
      '#startedOn-day Start date must include a year with 4 numbers',
      '#endedOn-day End date must include a year with 4 numbers',
    ]);
    expect(messages({ ...boxes('startedOn', '7', '3', '2026'), ...boxes('endedOn', '', '4', '') })).toEqual([
      '#endedOn-day End date must include a day and year',
    ]);
  });

  it('takes a year before 1900 for a slip of the keys', () => {
    expect(messages(boxes('startedOn', '7', '3', '1826'))).toEqual(['#startedOn-day Start date must be a real date']);
  });

  it('gathers the boxes in the schema itself, for forms parsed whole', () => {
    const result = parseForm(withDates(['startedOn', 'endedOn'], schema), boxes('startedOn', '1', '12', '2026'));
    expect(result).toMatchObject({ ok: true, value: { startedOn: '2026-12-01', endedOn: null } });
  });

  it('fills the boxes from a stored date, or again with what was typed', () => {
    expect(datePartsOf({ startedOn: '2026-03-07' }, 'startedOn')).toEqual({ day: '7', month: '3', year: '2026' });
    expect(datePartsOf(boxes('startedOn', '31', '2', '20x6'), 'startedOn')).toEqual({
      day: '31',
      month: '2',
      year: '20x6',
    });
    expect(datePartsOf({}, 'startedOn')).toEqual({ day: '', month: '', year: '' });
  });
});
