/** The letter to the applicant after the agency decision, as Word and PDF (the platform's report writers). */
import { reportDocx, reportPdf, type Report } from '../../platform/pdf/report.ts';
import { formatDate, named } from '../../platform/views/format.ts';
import { representationsBy } from './dates.ts';
import { decisionOutcomeNames, itemKindNames, termsText } from './labels.ts';

export interface LetterFacts {
  household: string;
  kind: string;
  outcome: string;
  reasons: string;
  decidedOn: string;
  meetsOn: string;
  letterSentOn: string | null;
  places: number | null;
  ageMin: number | null;
  ageMax: number | null;
  /** The skills level decided (a skills level item). */
  skillLevel: string | null;
}

export function letterOf(f: LetterFacts): Report {
  const by = representationsBy(f.letterSentOn ?? f.decidedOn);
  const terms =
    f.outcome === 'approve' || f.outcome === 'change_of_terms'
      ? [{ question: 'Terms of approval', answer: termsText(f) ?? '' }]
      : f.outcome === 'skills_level' && f.skillLevel
        ? [{ question: 'Skills level', answer: `${f.skillLevel}, paid from the date of this decision` }]
        : [];
  const adverse = f.outcome === 'not_approve' || f.outcome === 'deregister';
  return {
    title: `The agency's decision: ${f.household}`,
    sections: [
      {
        heading: 'Our decision',
        entries: [
          {
            title: 'Our decision',
            meta: `Decided on ${formatDate(f.decidedOn)}, after the fostering panel of ${formatDate(f.meetsOn)}`,
            answers: [
              { question: 'What the panel considered', answer: named(itemKindNames, f.kind) },
              { question: 'Decision', answer: named(decisionOutcomeNames, f.outcome) },
              ...terms,
              { question: 'Reasons', answer: f.reasons },
            ],
          },
        ],
      },
      {
        heading: 'If you disagree',
        entries: [
          {
            title: 'If you disagree',
            answers: [],
            note: adverse
              ? `You may send us your representations, or apply to the Independent Review Mechanism, within 28 days: by ${formatDate(by)}.`
              : `If you disagree with any part of this decision, tell us within 28 days: by ${formatDate(by)}.`,
          },
        ],
      },
    ],
  };
}

export const letterPdf = (f: LetterFacts) => reportPdf(letterOf(f));
export const letterDocx = (f: LetterFacts) => reportDocx(letterOf(f));
