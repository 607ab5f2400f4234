/** The independence checklist's reads: a young person's checklist with its areas, and the carer's young people. */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { FROM_AGE } from './labels.ts';
import { placementRunningOn } from '../placements/scope.ts';

export interface ChecklistRow {
  id: string;
  childId: string;
  startedOn: IsoDate;
  completedOn: IsoDate | null;
  completedHow: string | null;
  completionNote: string | null;
  startedByName: string | null;
}

export interface AreaRow {
  area: string;
  doneOn: IsoDate;
  confirmedBy: string;
  recordedByName: string | null;
}

export interface Checklist extends ChecklistRow {
  areas: AreaRow[];
}

const checklistColumns = sql`k.id, k.child_id as "childId", k.started_on::text as "startedOn",
  k.completed_on::text as "completedOn", k.completed_how as "completedHow", k.completion_note as "completionNote",
  (select u.display_name from users u where u.id = k.started_by) as "startedByName"`;

/** The areas done of a checklist, as JSON rows (a lateral join: one query for a checklist or many). */
const areasJson = sql`coalesce((select json_agg(json_build_object(
    'area', a.area, 'doneOn', a.done_on::text, 'confirmedBy', a.confirmed_by,
    'recordedByName', (select u.display_name from users u where u.id = a.recorded_by)) order by a.done_on, a.area)
  from independence_checklist_areas a where a.checklist_id = k.id), '[]'::json)`;

/** JSON comes back parsed from node-postgres and as text from some drivers: always an array here. */
function areasOf(value: unknown): AreaRow[] {
  if (typeof value === 'string') return JSON.parse(value) as AreaRow[];
  return (value ?? []) as AreaRow[];
}

/** A young person's checklist with its areas done, or null when none was started. No access check: the caller scoped the child. */
export async function checklistOfChild(db: DbOrTx, childId: string): Promise<Checklist | null> {
  const [row] = await queryRows<ChecklistRow & { areas: unknown }>(
    db,
    sql`select ${checklistColumns}, ${areasJson} as areas from independence_checklists k where k.child_id = ${childId}`,
  );
  return row ? { ...row, areas: areasOf(row.areas) } : null;
}

export interface PlacedYoungPerson {
  childId: string;
  name: string;
  dateOfBirth: IsoDate;
  lookedAfterSince: IsoDate;
  stayingPut: boolean;
  checklist: Checklist | null;
}

/**
 * The young people of 15 or over placed with this household now (a Staying Put arrangement
 * included), oldest first, each with their checklist if started: for the carer's portal.
 */
export async function youngPeoplePlacedWith(
  db: DbOrTx,
  householdId: string,
  today: IsoDate,
): Promise<PlacedYoungPerson[]> {
  const rows = await queryRows<{
    childId: string;
    name: string;
    dateOfBirth: IsoDate;
    lookedAfterSince: IsoDate;
    stayingPut: boolean;
    checklist: (ChecklistRow & { areas: unknown }) | string | null;
  }>(
    db,
    sql`select c.id as "childId", coalesce(c.preferred_name, c.first_name) || ' ' || c.last_name as name,
        c.date_of_birth::text as "dateOfBirth",
        c.looked_after_since::text as "lookedAfterSince", p.placement_type = 'staying_put' as "stayingPut",
        (select row_to_json(x) from (select ${checklistColumns}, ${areasJson} as areas
          from independence_checklists k where k.child_id = c.id) x) as checklist
      from placements p join children c on c.id = p.child_id
      where p.household_id = ${householdId} and ${placementRunningOn('p', today)}
        and c.date_of_birth <= (${today}::date - make_interval(years => ${FROM_AGE}))::date
      order by c.date_of_birth, c.last_name, c.id`,
  );
  return rows.map((r) => {
    const checklist = typeof r.checklist === 'string' ? (JSON.parse(r.checklist) as ChecklistRow) : r.checklist;
    return {
      childId: r.childId,
      name: r.name,
      dateOfBirth: r.dateOfBirth,
      lookedAfterSince: r.lookedAfterSince,
      stayingPut: r.stayingPut,
      checklist: checklist ? { ...checklist, areas: areasOf((checklist as { areas?: unknown }).areas) } : null,
    };
  });
}
