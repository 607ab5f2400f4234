/**
 * What children say on their annual review forms, counted (plan action 1.3: young people feel safe
 * and listened to). Each child's form asks, in words for their age, whether they feel safe where they
 * live and whether their carers listen to them, on a scale (labels.ts `childForms`). A child counts
 * as saying so at the top of their form's scale: "Yes" (under 8), "Mostly" or "Always" (8 to 12),
 * "Agree" or "Strongly agree" (13 and over). One row for each form given in the 12 months up to
 * the day that answered the question.
 */
import { sql, type SQL } from 'drizzle-orm';
import { addYears } from '../../platform/dates/index.ts';
import type { Measure, Period } from '../../platform/measures/index.ts';
import { childForms, type AgeGroup } from './labels.ts';

type Question = 'safe' | 'listened';
const ageGroupsOf = Object.keys(childForms) as AgeGroup[];

/** The answers, from 1, on each age group's scale for the question. */
const scaleOf = (group: AgeGroup, question: Question) =>
  childForms[group].scales.find((q) => q.key === question)!.scale.answers;

/** The first answer that counts as saying so: the top of the scale, or its top two when it has four or more. */
const saysSoFrom = (answers: readonly string[]) => (answers.length >= 4 ? answers.length - 1 : answers.length);

function byAgeGroup(each: (group: AgeGroup) => SQL): SQL {
  return sql`(case rc.age_group ${sql.join(
    ageGroupsOf.map((g) => sql`when ${g}::text then ${each(g)}`),
    sql` `,
  )} end)`;
}

/**
 * The children's forms (c) given in the 12 months up to the day that answered the question, with
 * their review (r), household (h), team (t), age group (rc) and, for the list's words, the child (ch):
 * the count leaves the child out (a form's child always exists), a join fewer over every form.
 */
function formsAnswering(question: Question, period: Period, withChild = true): SQL {
  return sql`review_contributions c
    join review_children rc on rc.review_id = c.review_id and rc.child_id = c.child_id
    join annual_reviews r on r.id = c.review_id
    join households h on h.id = r.household_id
    join teams t on t.id = h.team_id
    ${withChild ? sql`join children ch on ch.id = c.child_id` : sql``}
    where c.kind = 'child_views' and (c.answers -> 'scales' ->> ${question}::text) is not null
      and c.received_on > ${addYears(period.asAt, -1)}::date and c.received_on <= ${period.asAt}::date`;
}

function childrenSay(question: Question): Pick<Measure, 'count' | 'records'> {
  const answer = sql`(c.answers -> 'scales' ->> ${question}::text)::int`;
  const saysSo = sql`${answer} >= ${byAgeGroup((g) => sql`${saysSoFrom(scaleOf(g, question))}::int`)}`;
  const inWords = byAgeGroup(
    (g) =>
      sql`(case ${answer} ${sql.join(
        scaleOf(g, question).map((words, i) => sql`when ${i + 1}::int then ${words}::text`),
        sql` `,
      )} end)`,
  );
  return {
    count(period) {
      return sql`select h.team_id, t.area_id, ${saysSo} as met from ${formsAnswering(question, period, false)}`;
    },
    records(period) {
      return sql`select 'annual-review' as record_type, r.id as record_id,
          ch.first_name || ' ' || ch.last_name || ', at ' || h.name || ' (' || h.reference || ')' as label,
          '/reviews/' || r.id as href, h.team_id, t.area_id, ${saysSo} as met,
          'Said "' || coalesce(${inWords}, 'no answer') || '" on ' || c.received_on::text as detail,
          h.restricted, c.received_on::text || ' ' || ch.reference as sort_key
        from ${formsAnswering(question, period)}`;
    },
  };
}

/** What the two measures share: counted to show (no target), the plan action and standards. */
const shared = {
  standard: 'NMS 1 (the child’s wishes and feelings); NMS 4 (safeguarding children)',
  planTarget: 'Target 1, action 1.3: young people feel safe and listened to, as they say on their review forms',
  unit: 'percentage',
  target: null,
  direction: 'higher',
  amberMargin: 10,
  missedLabel: 'Did not say so',
} as const;
const HOW =
  'counted at the top of their form’s scale: “Yes” (under 8), “Mostly” or “Always” (8 to 12), “Agree” or ' +
  '“Strongly agree” (13 and over). The plan sets no number, so the figure is counted to show, not rated.';

export const childrenFeelSafe: Measure = {
  id: 'reviews.children-feel-safe',
  title: 'Children who say they feel safe where they live',
  definition:
    'Of the children’s forms for their carers’ annual reviews given in the 12 months up to the end of the month ' +
    '(today, for the current month) that answered whether they feel safe where they live, the percentage who said ' +
    `they do, ${HOW}`,
  ...shared,
  metLabel: 'Feels safe',
  order: 94,
  ...childrenSay('safe'),
};

export const childrenListenedTo: Measure = {
  id: 'reviews.children-listened-to',
  title: 'Children who say their carers listen to them',
  definition:
    'Of the children’s forms for their carers’ annual reviews given in the 12 months up to the end of the month ' +
    '(today, for the current month) that answered whether their carers listen to them, the percentage who said ' +
    `they do, ${HOW}`,
  ...shared,
  metLabel: 'Listened to',
  order: 95,
  ...childrenSay('listened'),
};
