import { describe, expect, it } from 'vitest';
import { pdfText } from '../../platform/pdf/test-support.ts';
import { letterPdf, type LetterFacts } from './letters.ts';

const facts: LetterFacts = {
  household: 'Mr and Mrs Example',
  kind: 'approval',
  outcome: 'approve',
  reasons: 'A thorough assessment; strong references.',
  decidedOn: '2026-11-10',
  meetsOn: '2026-11-02',
  letterSentOn: null,
  places: 2,
  ageMin: 0,
  ageMax: 11,
  skillLevel: null,
};

describe('the agency decision letter', () => {
  it('says the decision, its terms and reasons, and when to answer by', async () => {
    const text = pdfText(await letterPdf(facts));
    expect(text).toContain('Decided on 10 November 2026, after the fostering panel of 2 November 2026');
    expect(text).toContain('2 children aged 0 to 11');
    expect(text).toContain('A thorough assessment; strong references.');
    expect(text).toContain('by 8 December 2026');
  });

  it('does not carry the annual review report’s closing line', async () => {
    const text = pdfText(await letterPdf(facts));
    expect(text).not.toContain('Fostering review team');
  });
});
