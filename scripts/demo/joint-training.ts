/**
 * Joint training days in the demo (business plan action 10.2): a day each October for the last two
 * years, and this year's when the demo's today is past it, attended by most of the fostering staff
 * and the panel's central list, with evaluations from most attendees (fewer for this year's, some
 * still to come). Written in SQL, set by set, so no scale's staff are held in memory; who attended
 * and what they said follow a hash of the person and the day, so a load is the same every time.
 * Made-up words only.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import { compareIsoDates, type IsoDate } from '../../src/platform/dates/index.ts';
import { attendeeRoleList } from '../../src/modules/joint-training/labels.ts';
import { jointTrainingDays } from '../../src/modules/joint-training/tables.ts';
import type { Random } from './random.ts';

const THEMES = [
  'Safeguarding and robust recommendations at panel and in decision making',
  'Signs of Safety in standards of care reports and at panel',
  'Learning from serious case reviews: stability for children in care',
];
const PLACES = ['The County Conference Centre, Maidstone', 'Oakwood House, Maidstone', 'The Ashford Hub'];
const DIFFERENTLY = [
  'Check that every panel report weighs the risks as well as the strengths before it goes to panel.',
  'Ask for the evidence behind each recommendation and write down why it was made.',
  'Use the Signs of Safety headings in standards of care reports.',
  'Talk to the team manager earlier when a household’s safer care plan looks out of date.',
  'Read the papers with the child’s view in mind and ask about it at panel.',
];

/** A number from 0 to 99 for a person and a day, the same every load. */
const hundredth = (person: ReturnType<typeof sql>, salt: string) =>
  sql`mod(abs(hashtext(${person}::text || ${salt})::bigint), 100)::int`;

/** Writes the demo's joint training days; returns how many. */
export async function writeDemoJointTraining(tx: DbOrTx, random: Random, today: IsoDate): Promise<number> {
  const [head] = await queryRows<{ id: string }>(
    tx,
    sql`select id from users where role = 'head_of_fostering' and active order by username limit 1`,
  );
  const year = Number(today.slice(0, 4));
  let written = 0;
  for (const y of [year - 2, year - 1, year]) {
    const heldOn = `${y}-10-${String(14 + random.int(0, 3)).padStart(2, '0')}`;
    if (compareIsoDates(heldOn, today) > 0) continue;
    const [day] = await tx
      .insert(jointTrainingDays)
      .values({
        heldOn,
        title: `Joint training day ${y}`,
        theme: THEMES[(y - year + 2) % THEMES.length]!,
        place: random.pick(PLACES),
        organisedBy: 'The head of fostering with the training team',
        recordedBy: head?.id ?? null,
      })
      .returning({ id: jointTrainingDays.id });
    const salt = heldOn;
    await tx.execute(sql`insert into joint_training_attendance (day_id, user_id, recorded_by)
      select ${day!.id}::uuid, u.id, ${head?.id ?? null}::uuid from users u
      where u.role in (${sql.raw(attendeeRoleList)}) and u.active and ${hundredth(sql`u.id`, salt)} < 85`);
    await tx.execute(sql`insert into joint_training_attendance (day_id, panel_member_id, recorded_by)
      select ${day!.id}::uuid, pm.id, ${head?.id ?? null}::uuid from panel_members pm
      where pm.joined_on <= ${heldOn}::date and (pm.leaves_on is null or pm.leaves_on > ${heldOn}::date)
        and ${hundredth(sql`pm.id`, salt)} < 80`);
    // Most give an evaluation; this year's fewer, some still to come. Confidence rises for most.
    const share = y === year ? 65 : 85;
    const h = hundredth(sql`a.id`, `${salt}-evaluation`);
    await tx.execute(sql`insert into joint_training_evaluations
        (attendance_id, confidence_before, confidence_after, usefulness, will_do_differently, from_paper, recorded_by)
      select a.id, 1 + e.h % 3, least(5, 1 + e.h % 3 + (e.h / 7) % 3), 3 + (e.h / 11) % 3,
        (array[${sql.join(
          DIFFERENTLY.map((t) => sql`${t}`),
          sql`, `,
        )}])[1 + e.h % ${DIFFERENTLY.length}],
        e.paper, case when e.paper then ${head?.id ?? null}::uuid else coalesce(a.user_id, pm.user_id) end
      from joint_training_attendance a left join panel_members pm on pm.id = a.panel_member_id
        cross join lateral (select ${h}::int as h) h
        -- A panel member with no account gives theirs on paper, as does one attendee in four.
        cross join lateral (select h.h, h.h % 4 = 0 or coalesce(a.user_id, pm.user_id) is null as paper) e
      where a.day_id = ${day!.id} and e.h < ${share}`);
    written += 1;
  }
  return written;
}
