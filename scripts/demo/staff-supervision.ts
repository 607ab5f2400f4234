/**
 * Staff supervision in the demo: two years of sessions for every member of fostering staff, mostly
 * every 4 to 6 weeks, some late, the newest few waiting for the member's signature; an agreement
 * and a PDP each; mandatory training with some courses expired or never done; a few new staff part
 * way through the induction programme. Made-up words only; one query in for the staff, batched
 * inserts out, the same data for a scale every time.
 */
import { sql } from 'drizzle-orm';
import { insertRows } from './bulk.ts';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import { managerOf, staffRoleList } from '../../src/modules/staff/scope.ts';
import { INDUCTION_WEEKS, inductionItems, mandatoryCourses } from '../../src/modules/staff/settings.ts';
import {
  staffAgreements,
  staffPdps,
  staffSessions,
  staffStarts,
  staffTraining,
} from '../../src/modules/staff/tables.ts';
import { isoOf, type Day } from './days.ts';
import type { Random } from './random.ts';

const HISTORY_DAYS = 730;

const DISCUSSION = [
  'Reflected on the Ellis household’s respite request and how to balance it with the placement plan.',
  'Talked through a difficult contact arrangement and the carer’s worries about it.',
  'Discussed the annual review coming up and what the children have said so far.',
  'Looked at two households struggling with school transport; agreed who to contact.',
];
const WELLBEING = [
  'Managing the caseload well.',
  'A busy month; agreed to protect a day for recording.',
  'Feeling settled and supported.',
];
const DEVELOPMENT = [
  'Booked onto the Signs of Safety refresher.',
  'Shadowing a panel presentation next month.',
  'Reading on trauma-informed practice for the team meeting.',
];
const ACTIONS = ['Send the respite referral by Friday.', 'Update the safer care plan.', 'Book the unannounced visit.'];

interface StaffRow {
  id: string;
  manager_id: string;
}

/**
 * A new member's induction so far: three in four do every item within the 12 weeks; the others
 * about half of them, some late. Only what is done by today.
 */
function inductionOf(staffUserId: string, joined: Day, today: Day, random: Random) {
  const onTrack = random.chance(0.75);
  const weeks = INDUCTION_WEEKS * 7;
  return inductionItems.flatMap((item) => {
    if (!onTrack && !random.chance(0.5)) return [];
    const done = joined + random.int(1, onTrack ? weeks : weeks + 60);
    return done <= today ? [{ staffUserId, item: item.key, completedOn: isoOf(done) }] : [];
  });
}

/**
 * Writes the demo's staff supervision and training; returns the number of sessions. `later`
 * draws what was added since (new members' inductions, the courses' times before) on a stream of
 * its own, so the rest of the staff's records are the same whatever it draws.
 */
export async function writeDemoStaffSupervision(
  tx: DbOrTx,
  random: Random,
  today: Day,
  later: Random,
): Promise<number> {
  const staff = await queryRows<StaffRow>(
    tx,
    sql`select u.id, ${managerOf} as manager_id from users u where u.role in (${staffRoleList}) and u.active
      order by u.username`,
  );
  const starts: (typeof staffStarts.$inferInsert)[] = [];
  const agreements: (typeof staffAgreements.$inferInsert)[] = [];
  const sessions: (typeof staffSessions.$inferInsert)[] = [];
  const pdps: (typeof staffPdps.$inferInsert)[] = [];
  const training: (typeof staffTraining.$inferInsert)[] = [];
  for (const [n, member] of staff.entries()) {
    if (!member.manager_id) continue;
    // One in twelve joined in the last five months and follows the induction programme.
    const isNew = n % 12 === 5;
    const joined = isNew ? today - random.int(20, 150) : today - HISTORY_DAYS - random.int(30, 3000);
    starts.push({ userId: member.id, joinedOn: isoOf(joined), inductionRequired: isNew });
    const first = Math.max(joined + 7, today - HISTORY_DAYS);
    agreements.push({
      staffUserId: member.id,
      supervisorId: member.manager_id,
      signedOn: isoOf(first),
      frequencyWeeks: 6,
    });
    const lateMember = random.chance(0.2);
    let day = first + random.int(7, 28);
    let last = first;
    while (day < today) {
      const recent = today - day < 21;
      sessions.push({
        staffUserId: member.id,
        supervisorId: member.manager_id,
        heldOn: isoOf(day),
        caseDiscussion: random.pick(DISCUSSION),
        wellbeing: random.pick(WELLBEING),
        development: random.pick(DEVELOPMENT),
        actions: random.pick(ACTIONS),
        pdpReviewed: random.chance(0.3),
        supervisorSignedAt: new Date(`${isoOf(day)}T16:00:00Z`),
        staffSignedAt: recent && random.chance(0.6) ? null : new Date(`${isoOf(day + random.int(1, 6))}T09:00:00Z`),
      });
      last = day;
      // Mostly 4 to 6 weeks; a late member (and now and then anyone) goes 7 to 10.
      day += random.chance(lateMember ? 0.35 : 0.08) ? random.int(49, 70) : random.int(28, 42);
    }
    pdps.push({
      staffUserId: member.id,
      goals: 'Build confidence presenting at panel; lead one team learning session.',
      training: 'Signs of Safety refresher; chairing skills.',
      support: 'Monthly case reflection with a senior practitioner.',
      reviewedOn: isoOf(last),
    });
    for (const course of mandatoryCourses) {
      if (isNew && random.chance(0.5)) continue;
      // Most are in date; about one in seven has lapsed, one in thirty of those who joined in
      // the last two years never done (longer-serving staff have done every course at least once:
      // a course never done in nine years is not a service anyone runs).
      const roll = random.next();
      if (roll < 1 / 30 && today - joined < 730) continue;
      const period = Math.round(course.renewMonths * 30.4);
      const ago = roll < 1 / 7 ? period + random.int(5, 120) : random.int(10, period - 10);
      const latest = Math.max(joined, today - ago);
      training.push({ staffUserId: member.id, item: course.key, completedOn: isoOf(latest) });
      // The time before, renewed up to a month early or up to three months late, so the past
      // year's months read about as this one does.
      const before = latest - period - later.int(-30, 90);
      if (before > joined) training.push({ staffUserId: member.id, item: course.key, completedOn: isoOf(before) });
    }
    if (isNew) training.push(...inductionOf(member.id, joined, today, later));
  }
  await insertRows(tx, staffStarts, starts);
  await insertRows(tx, staffAgreements, agreements);
  await insertRows(tx, staffSessions, sessions);
  await insertRows(tx, staffPdps, pdps);
  await insertRows(tx, staffTraining, training);
  return sessions.length;
}
