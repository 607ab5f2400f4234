/**
 * Learning from serious case reviews in the demo (business plan action 10.1): a handful of
 * published-style reviews with made-up titles (no real child, no real case), a team meeting on one
 * in most teams most quarters over the last year (chaired by the team's manager, or one of its
 * supervising social workers where it has none), a few actions each, the older ones done and a few
 * still open (none overdue by more than a month), and the monthly extended team manager meetings,
 * one month missed. Reads only the teams and their staff; a random stream of its own.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import { addDays, addMonths, differenceInDays, type IsoDate } from '../../src/platform/dates/index.ts';
import { quarterOf } from '../../src/platform/dates/quarters.ts';
import {
  extendedMeetings,
  seriousCaseReviews,
  teamMeetingActions,
  teamMeetings,
} from '../../src/modules/team-meetings/tables.ts';
import { insertRows } from './bulk.ts';
import { uuidFrom, type Random } from './random.ts';

/** Made-up reviews: [title, publisher, months before today it was published, learning]. */
const REVIEWS: readonly (readonly [string, string, number, string])[] = [
  [
    'Child K: a serious case review',
    'Northshire Safeguarding Children Partnership',
    30,
    'Carers’ worries about a child’s contact were recorded but not passed on. Supervising social workers should ask about contact at every visit and share concerns the same day.',
  ],
  [
    'Siblings M and N: a serious case review',
    'Eastwold Safeguarding Children Partnership',
    14,
    'Brothers and sisters placed apart lost touch when their plans changed. Matching should record how they will stay in touch, and reviews should check it happens.',
  ],
  [
    'Young person P: a local child safeguarding practice review',
    'Westmere Safeguarding Children Partnership',
    8,
    'A young person went missing repeatedly and each episode was treated alone. Patterns of missing episodes should be discussed in supervision and return interviews followed up.',
  ],
  [
    'Child R: a serious case review',
    'Southvale Safeguarding Children Partnership',
    5,
    'Delegated authority was unclear, so carers waited for permission for ordinary things. Delegated authority should be agreed before or at placement and explained to the carer.',
  ],
  [
    'Baby S: a local child safeguarding practice review',
    'Northshire Safeguarding Children Partnership',
    2,
    'Safe sleeping advice was given once and not revisited. Carers of babies should have safe sleeping discussed at each visit in the first months.',
  ],
];

const LEARNING = [
  'The team looked at how concerns are passed on and agreed to record and share them the same day.',
  'A reflective discussion of what the carers in the review needed from their supervising social worker; the team agreed to ask about it at every visit.',
  'The team compared the review’s findings with its own practice and found the same gap in recording contact arrangements.',
  'Discussed the review’s recommendations; workers shared examples from their own caseloads without naming anyone.',
];
const ACTIONS = [
  'Add a question about it to the supervision visit template and use it at every visit.',
  'Share the review’s briefing with the team’s carers at the next support group.',
  'Check the team’s households for the gap the review found and report back at the next meeting.',
  'Book the team on the safeguarding refresher.',
];
const EXTENDED_LEARNING = [
  'Reflective case discussion led by a team manager: what went well, what we worried about, what needs to happen.',
  'Learning from the latest serious case review and what each team will change.',
  'Themes from the month’s audits and allegations, and what they tell us about practice.',
];

/** How many quarters back (besides the one running now) have team meetings. */
const PAST_QUARTERS = 4;
/** The month, counted back from this one, with no extended meeting (so the measure is not 100%). */
const MISSED_MONTH = 5;

/** Writes the demo's reviews, team meetings, actions and extended meetings; returns how many meetings. */
export async function writeDemoTeamMeetings(tx: DbOrTx, random: Random, today: IsoDate): Promise<number> {
  const [head] = await queryRows<{ id: string }>(
    tx,
    sql`select id from users where role = 'head_of_fostering' and active order by username limit 1`,
  );
  if (!head) return 0;
  const reviews = REVIEWS.map(([title, publishedBy, monthsAgo, learning], n) => ({
    id: uuidFrom(random),
    title,
    publishedBy,
    publishedOn: addDays(addMonths(today, -monthsAgo), -n),
    link: `https://www.example.org.uk/safeguarding/reviews/${title
      .split(':')[0]!
      .toLowerCase()
      .replace(/[^a-z]+/g, '-')}.pdf`,
    learning,
    recordedBy: head.id,
  }));
  await insertRows(tx, seriousCaseReviews, reviews);

  // Each team's manager and supervising social workers (a team is a handful of people at any scale).
  const staff = await queryRows<{ team_id: string; ids: string[]; manager: string | null }>(
    tx,
    sql`select u.team_id, array_agg(u.id order by u.username) as ids,
        (array_agg(u.id order by u.username) filter (where u.role = 'team_manager'))[1] as manager
      from users u where u.active and u.team_id is not null and u.role in ('team_manager', 'supervising_social_worker')
      group by u.team_id order by u.team_id`,
  );
  const meetings: (typeof teamMeetings.$inferInsert)[] = [];
  const actions: (typeof teamMeetingActions.$inferInsert)[] = [];
  const now = quarterOf(today);
  for (const team of staff) {
    const chair = team.manager ?? team.ids[0]!;
    for (let q = PAST_QUARTERS; q >= 0; q -= 1) {
      const quarter = quarterOf(addMonths(now.start, -3 * q));
      const last = quarter.end < today ? quarter.end : today;
      if (!random.chance(q === 0 ? 0.6 : 0.85)) continue;
      const heldOn = addDays(quarter.start, random.int(0, differenceInDays(last, quarter.start)));
      const published = reviews.filter((r) => r.publishedOn <= heldOn);
      if (!published.length) continue;
      const id = uuidFrom(random);
      meetings.push({
        id,
        teamId: team.team_id,
        heldOn,
        chairedBy: chair,
        attended: Math.max(2, Math.min(team.ids.length + 2, random.int(4, 12))),
        attendees: null,
        reviewId: random.pick(published.slice(-2)).id,
        learning: random.pick(LEARNING),
        recordedBy: team.manager ?? chair,
      });
      for (let n = random.int(0, 2); n > 0; n -= 1) {
        const dueOn = addDays(heldOn, random.int(14, 60));
        const late = differenceInDays(today, dueOn);
        // Done when well past due (none left overdue by more than a month); about half of those just due.
        const done = late > 25 || (late > 0 && random.chance(0.5)) || (late <= 0 && random.chance(0.2));
        const doneOn = done ? (late > 0 ? addDays(dueOn, -random.int(0, 7)) : today) : null;
        actions.push({
          meetingId: id,
          action: random.pick(ACTIONS),
          ownerId: random.pick(team.ids),
          dueOn,
          doneOn: doneOn && doneOn < heldOn ? heldOn : doneOn,
          doneBy: done ? (team.manager ?? chair) : null,
        });
      }
    }
  }
  await insertRows(tx, teamMeetings, meetings);
  await insertRows(tx, teamMeetingActions, actions);

  // The monthly extended team manager meetings, from 11 months back to this month (when its day has come).
  const extended: (typeof extendedMeetings.$inferInsert)[] = [];
  for (let m = 11; m >= 0; m -= 1) {
    if (m === MISSED_MONTH) continue;
    const heldOn = addDays(`${addMonths(today, -m).slice(0, 7)}-01`, random.int(7, 17));
    if (heldOn > today) continue;
    const published = reviews.filter((r) => r.publishedOn <= heldOn);
    extended.push({
      heldOn,
      reflectivePractice: true,
      learning: random.pick(EXTENDED_LEARNING),
      reviewId: published.length && random.chance(0.4) ? random.pick(published).id : null,
      recordedBy: head.id,
    });
  }
  await insertRows(tx, extendedMeetings, extended);
  return meetings.length + extended.length;
}
