/**
 * The written report of a review, as sections of questions and answers: the same model for the
 * review page, the PDF and the Word document. The carers' copy leaves out each child's own words
 * (a child is told the carers will not read them): it says when each child gave their views and
 * shows the reviewing officer's summary written for the carers instead.
 */
import type { DbOrTx } from '../../platform/db/client.ts';
import { addYears, todayInLondon } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import type { Answers } from './forms.ts';
import {
  ageGroups,
  carerReportQuestions,
  checkFindings,
  checkTitle,
  childForms,
  extraReasons,
  memberViewsQuestions,
  outcomes,
  questionText,
  socialWorkerQuestions,
  socialWorkerScale,
  sswReportQuestions,
  type AgeGroup,
  type ExtraReason,
  type Outcome,
  type WordsQuestion,
} from './labels.ts';
import {
  carerFirstNames,
  membersOf,
  saferCarePlanOn,
  reviewDetails,
  type Contribution,
  type ReviewDetails,
  type ReviewRecord,
} from './queries.ts';
import { firstNames } from './labels.ts';
import { planReasonName } from '../safer-care/labels.ts';
import type { Answer, Entry, Report, Section } from '../../platform/pdf/report.ts';
import { householdYear } from '../../platform/modules/household-year.ts';

export type Audience = 'full' | 'carers';

function source(c: Contribution): string {
  const how = c.source === 'link' ? 'through its link' : 'recorded by the reviewing team';
  return `Given on ${formatDate(c.receivedOn)} by ${c.givenBy}, ${how}`;
}

function wordsAnswers(questions: readonly WordsQuestion[], answers: Answers, carers = ''): Answer[] {
  return questions
    .filter((q) => answers.words[q.key])
    .map((q) => ({ question: questionText(q.text.replace(' (optional)', ''), carers), answer: answers.words[q.key]! }));
}

/** A child's answers in words: each scale answer as its words, then what they wrote. */
export function childAnswers(ageGroup: AgeGroup, answers: Answers, carers: string): Answer[] {
  const form = childForms[ageGroup];
  const scales = form.scales
    .filter((q) => answers.scales?.[q.key])
    .map((q) => ({
      question: questionText(q.text, carers),
      answer: q.scale.answers[answers.scales![q.key]! - 1] ?? '',
    }));
  const helped = answers.helped
    ? [{ question: 'Someone helped me', answer: answers.helper ? `Yes: ${answers.helper}` : 'Yes' }]
    : [];
  return [...scales, ...wordsAnswers(form.words, answers, carers), ...helped];
}

function socialWorkerAnswers(answers: Answers): Answer[] {
  const rating = answers.scales?.rating;
  return [
    ...(rating
      ? [
          {
            question: 'How well the placement meets the child’s needs',
            answer: socialWorkerScale.answers[rating - 1] ?? '',
          },
        ]
      : []),
    ...wordsAnswers(socialWorkerQuestions, answers),
  ];
}

function reviewKindText(review: ReviewRecord['review']): string {
  if (review.kind === 'extra') {
    return `Extra review: ${(extraReasons[review.reason as ExtraReason] ?? '').toLowerCase()}`;
  }
  return review.firstReview ? 'Annual review (the first since approval)' : 'Annual review';
}

/**
 * The carers' training and participation in the review's year: the year up to the review meeting,
 * or up to today while the review is still gathering (what the report will hold if it is held today).
 */
export function reviewYearTraining(db: DbOrTx, review: ReviewRecord['review'], householdId: string) {
  const { from, to } = reviewYearOf(review);
  return householdYear(db, householdId, from, to);
}

/** The year a review looks back on: the year up to its meeting, or up to today while it gathers views. */
export function reviewYearOf(review: Pick<ReviewRecord['review'], 'reviewedOn'>) {
  const to = review.reviewedOn ?? todayInLondon();
  return { from: addYears(to, -1), to };
}

/** What the review's page has already read for itself, so the report does not read it again. */
export interface ReportPieces {
  details: ReviewDetails;
  training: Awaited<ReturnType<typeof reviewYearTraining>>;
}

/** The report of a review, for staff in full or as the carers' copy. */
export async function buildReport(
  db: DbOrTx,
  record: ReviewRecord,
  audience: Audience,
  pieces?: ReportPieces,
): Promise<Report> {
  const { review, household } = record;
  const details = pieces?.details ?? (await reviewDetails(db, review.id));
  const carers = firstNames(await carerFirstNames(db, household.id));
  const members = await membersOf(db, household.id);
  const of = (kind: string, childId: string | null = null) =>
    details.contributions.find((c) => c.kind === kind && c.childId === childId);
  const training = pieces?.training ?? (await reviewYearTraining(db, review, household.id));

  const about: Answer[] = [
    { question: 'Household', answer: `${household.name} (${household.reference})` },
    { question: 'Review', answer: reviewKindText(review) },
    ...(review.reasonDetail ? [{ question: 'What happened', answer: review.reasonDetail }] : []),
    { question: 'Reviewing officer', answer: record.officerName },
    ...(review.dueOn ? [{ question: 'Due by', answer: formatDate(review.dueOn) }] : []),
    { question: 'Started', answer: formatDate(review.startedOn) },
    ...(review.reviewedOn ? [{ question: 'Date of the review meeting', answer: formatDate(review.reviewedOn) }] : []),
  ];

  const report = (kind: string, questions: readonly WordsQuestion[], title: string): Section => {
    const c = of(kind);
    return {
      heading: title,
      entries: c ? [{ title, meta: source(c), answers: wordsAnswers(questions, c.answers as Answers) }] : [],
      empty: 'Not received.',
    };
  };

  const childViews: Entry[] = details.children.map((child) => {
    const c = of('child_views', child.childId);
    const title = `${child.name} (${ageGroups[child.ageGroup].toLowerCase()} form)`;
    if (!c) return { title, answers: [], note: 'Their views were not received.' };
    if (audience === 'carers') {
      return {
        title,
        answers: [],
        note: `Gave their views on ${formatDate(c.receivedOn)}. A child’s own words are not shared with the carers.`,
      };
    }
    return { title, meta: source(c), answers: childAnswers(child.ageGroup, c.answers as Answers, carers) };
  });
  if (review.childrenSummary && (audience === 'carers' || review.status === 'completed')) {
    childViews.push({
      title: 'What the children told us',
      answers: [
        { question: 'The reviewing officer’s summary, shared with the carers', answer: review.childrenSummary },
      ],
    });
  }

  const feedback: Entry[] = details.children.map((child) => {
    const c = of('social_worker_feedback', child.childId);
    const title = `About ${child.name}`;
    return c
      ? { title, meta: source(c), answers: socialWorkerAnswers(c.answers as Answers) }
      : { title, answers: [], note: 'Feedback was not received.' };
  });

  const memberViews: Entry[] = details.contributions
    .filter((c) => c.kind === 'member_views')
    .map((c) => ({
      title: members.find((m) => m.id === c.memberId)?.name ?? 'Household member',
      meta: source(c),
      answers: wordsAnswers(memberViewsQuestions, c.answers as Answers),
    }));

  const checks: Answer[] = details.checks.map((c) => ({
    question: checkTitle(c.kind, c.person),
    answer: `${formatDate(c.checkedOn)}${checkFindings(c) ? `: ${checkFindings(c)}` : ''}`,
  }));

  // The plan in force at the end of the review's year: agreed again in the year, or not.
  const year = reviewYearOf(review);
  const plan = await saferCarePlanOn(db, household.id, year.to);
  const saferCare: Answer[] = plan
    ? [
        {
          question: 'Agreed on',
          answer: `${formatDate(plan.agreedOn)} (${planReasonName(plan.reason).toLowerCase()})${plan.agreedOn >= year.from ? '' : ': not agreed again in the year the review looks back on'}`,
        },
        { question: 'Its yearly review due by', answer: formatDate(plan.reviewBy) },
      ]
    : [];

  const outcome: Answer[] = review.outcome
    ? [
        { question: 'Outcome', answer: outcomes[review.outcome as Outcome] },
        ...(review.outcomeDetail ? [{ question: 'Details', answer: review.outcomeDetail }] : []),
        { question: 'The reviewing officer’s assessment and recommendation', answer: review.summary ?? '' },
        { question: 'Personal development plan', answer: review.pdpUpdated ? 'Updated at this review' : 'Not updated' },
        {
          question: 'Fostering panel',
          answer: review.presentedToPanelOn
            ? `Presented on ${formatDate(review.presentedToPanelOn)}`
            : review.toPanel
              ? `Goes to panel${review.firstReview ? ' (the first review since approval always does)' : ''}`
              : 'Not needed',
        },
      ]
    : [];

  return {
    title: `Review of approval: ${household.name} (${household.reference})`,
    footer: 'Fostering review team. Made up of the views gathered for the review, each with its date and source.',
    sections: [
      { heading: 'About this review', entries: [{ title: 'About this review', answers: about }] },
      report('carer_report', carerReportQuestions, 'The carers’ report'),
      report('ssw_report', sswReportQuestions, 'The supervising social worker’s report'),
      { heading: 'The children’s views', entries: childViews, empty: 'No child was placed when the review started.' },
      {
        heading: 'The children’s social workers’ feedback',
        entries: feedback,
        empty: 'No child was placed when the review started.',
      },
      { heading: 'Household members’ views', entries: memberViews, empty: 'None recorded.' },
      {
        heading: 'Checks renewed',
        entries: checks.length ? [{ title: 'Checks renewed', answers: checks }] : [],
        empty: 'None recorded.',
      },
      {
        heading: 'Safer-care plan',
        entries: saferCare.length ? [{ title: 'The household’s safer-care plan', answers: saferCare }] : [],
        empty: 'No safer-care plan is recorded for the household.',
      },
      {
        heading: 'Training and participation this year',
        entries: training.length
          ? [
              {
                title: 'Training and participation',
                answers: training.map((t) => ({
                  question: `${formatDate(t.on)}: ${t.who}`,
                  answer: `${t.title}${t.amount ? ` (${t.amount})` : ''}`,
                })),
              },
            ]
          : [],
        empty: 'No training or participation records for the year yet: they are shown here from the training records.',
      },
      {
        heading: 'Outcome',
        entries: outcome.length ? [{ title: 'Outcome', answers: outcome }] : [],
        empty: 'The review is still gathering views.',
      },
      {
        heading: 'The carers’ comments',
        entries: review.carerComment
          ? [
              {
                title: 'The carers’ comments',
                meta: `Given on ${formatDate(review.carerCommentedOn)}`,
                answers: [{ question: 'Comments', answer: review.carerComment }],
              },
            ]
          : [],
        empty: review.commentsDueOn
          ? `The carers may comment until ${formatDate(review.commentsDueOn)}.`
          : 'Not yet sent to the carers.',
      },
    ],
  };
}
