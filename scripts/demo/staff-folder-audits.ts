/**
 * Audits of staff supervision folders in the demo: the head of fostering audits two folders in
 * each area every quarter, over the last four quarters; in the quarter running now, one in each
 * area so far, with some areas still to start. What each folder held is read from the demo's
 * folders on the day, as the service reads it. Made-up words only; a random stream of its own,
 * so the rest of the demo stays the same.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import { addDays, addMonths, differenceInDays, type IsoDate } from '../../src/platform/dates/index.ts';
import { quarterOf } from '../../src/platform/dates/quarters.ts';
import { grades } from '../../src/modules/audits/labels.ts';
import { contentsOf, memberArea, readFolder } from '../../src/modules/staff/folder-audit-queries.ts';
import { staffRoleList } from '../../src/modules/staff/scope.ts';
import { staffFolderAudits } from '../../src/modules/staff/tables.ts';
import { insertRows } from './bulk.ts';
import type { Random } from './random.ts';

const PAST_QUARTERS = 4;

const FINDINGS = [
  'Sessions held regularly; the notes show reflection on the households discussed and clear actions.',
  'The notes describe the cases but say little about analysis or risk; actions are not always carried forward.',
  'A thorough folder. The PDP links to the training booked and was reviewed at the last session.',
  'Two records waited weeks for the member’s signature; otherwise the folder is in order.',
];
const ACTIONS = [
  'Use the Signs of Safety headings in every session record.',
  'Carry the actions forward and record whether each was done.',
  'Book the lapsed mandatory training this month.',
];

/** Writes the demo's folder audits; returns how many. */
export async function writeDemoStaffFolderAudits(tx: DbOrTx, random: Random, today: IsoDate): Promise<number> {
  const [head] = await queryRows<{ id: string }>(
    tx,
    sql`select id from users where role = 'head_of_fostering' and active order by username limit 1`,
  );
  if (!head) return 0;
  const staff = await queryRows<{ id: string; area: string | null }>(
    tx,
    sql`select u.id, ${memberArea} as area from users u left join teams t on t.id = u.team_id
      where u.role in (${staffRoleList}) and u.active order by u.username`,
  );
  const byArea = new Map<string | null, string[]>();
  for (const s of staff) byArea.set(s.area, [...(byArea.get(s.area) ?? []), s.id]);
  const rows: (typeof staffFolderAudits.$inferInsert)[] = [];
  const now = quarterOf(today);
  for (let q = PAST_QUARTERS; q >= 0; q -= 1) {
    const quarter = quarterOf(addMonths(now.start, -3 * q));
    const last = quarter.end < today ? quarter.end : today;
    const span = differenceInDays(last, quarter.start);
    for (const [area, members] of byArea) {
      if (area === null) continue;
      const wanted = q === 0 ? (random.chance(0.6) ? 1 : 0) : random.chance(0.85) ? 2 : 1;
      for (const memberId of random.sample(members, Math.min(wanted, members.length))) {
        const on = addDays(quarter.start, random.int(0, span));
        const reading = await readFolder(tx, memberId, on);
        if (!reading) continue;
        const contents = contentsOf(reading, on);
        const good = Object.values(contents).every(Boolean) && random.chance(0.8);
        const grade = good ? grades[random.int(0, 1)]! : grades[random.int(1, 3)]!;
        // The manager does the actions within one to four weeks; those not yet done are recent,
        // so none is overdue for long.
        const doneOn = good ? null : addDays(on, random.int(7, 27));
        const done = doneOn !== null && doneOn <= today;
        rows.push({
          staffUserId: memberId,
          auditorId: head.id,
          auditedOn: on,
          teamId: reading.teamId,
          areaId: reading.areaId,
          ...contents,
          notesShowAnalysis: good || random.chance(0.5),
          notesSignsOfSafety: good || random.chance(0.6),
          actionsFollowedUp: good || random.chance(0.5),
          grade,
          findings: random.pick(FINDINGS),
          actionsForManager: good ? null : random.pick(ACTIONS),
          actionsDoneOn: done ? doneOn : null,
          actionsDoneBy: done ? head.id : null,
        });
      }
    }
  }
  await insertRows(tx, staffFolderAudits, rows);
  return rows.length;
}
