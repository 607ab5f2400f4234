/**
 * The demo's placements with independent fostering agencies. The model already decides them:
 * a placement segment the finder gave no household (`householdIdx < 0`, placements.ts: about 12%
 * of placements go straight to an agency, and any the service's carers could not fit) is an
 * agency placement, so agency and in-house placements never overlap for a child. This file
 * names the agency for each (seeded stream 'agency-placements') and writes them, with the
 * same dates, type and ending as the model, after the children are written.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { BulkTable, type Column } from './bulk.ts';
import { isoOf, timestampOf, type Day } from './days.ts';
import type { DemoModel } from './model.ts';
import { stream, uuidFrom } from './random.ts';

/** Made-up agencies (any likeness to a real one is chance). */
export const demoAgencies = [
  'Brightwater Fostering',
  'Oakfield Family Care',
  'Harbourside Foster Care',
  'Meadowbank Fostering',
  'Kestrel Family Placements',
  'Willowbrook Fostering Services',
  'Northgate Foster Families',
  'Seaview Family Fostering',
] as const;

export interface AgencyPlacementModel {
  id: string;
  childId: string;
  agencyName: string;
  placementType: string;
  start: Day;
  end: Day | null;
  endReason: string | null;
  /** The team manager of the child's area who recorded it (the head of fostering when none). */
  createdBy: string;
}

/**
 * Every agency placement of the demo, for every child of each unit (brothers and sisters go to
 * the same agency). Pure: the same model always gives the same list.
 */
export function agencyPlacementsOf(demo: DemoModel): AgencyPlacementModel[] {
  const random = stream(demo.scale, 'agency-placements');
  const { staff } = demo;
  const head = staff.byUsername.get('head')?.id ?? staff.users[0]!.id;
  const managerOfArea = staff.areas.map((_, a) => {
    const team = staff.teams.findIndex((t) => t.areaIdx === a);
    return (team >= 0 ? staff.teamManagers[team] : null) ?? head;
  });
  const out: AgencyPlacementModel[] = [];
  for (const unit of demo.units) {
    for (const segment of unit.segments) {
      if (segment.householdIdx >= 0 || segment.continuation) continue;
      const agencyName = random.pick(demoAgencies);
      for (const child of unit.children) {
        out.push({
          id: uuidFrom(random),
          childId: child.id,
          agencyName,
          placementType: segment.type,
          start: segment.start,
          end: segment.end !== null && segment.end <= demo.today ? segment.end : null,
          endReason: segment.end !== null && segment.end <= demo.today ? segment.endReason : null,
          createdBy: managerOfArea[child.areaIdx] ?? head,
        });
      }
    }
  }
  return out;
}

const columns: Column[] = [
  ['id', 'uuid'],
  ['child_id', 'uuid'],
  ['agency_name', 'text'],
  ['placement_type', 'text'],
  ['start_date', 'date'],
  ['end_date', 'date'],
  ['end_reason', 'text'],
  ['created_by', 'uuid'],
  ['created_at', 'timestamptz'],
];

/**
 * Writes the demo's agency placements (call it once the children are written and flushed), then
 * links each to the referral the demo closed for it when there was one (paperwork.ts writes a
 * referral, withdrawn with "No in-house match", for some agency placements). Returns how many.
 */
export async function writeAgencyPlacements(db: DbOrTx, demo: DemoModel, batch = 1000): Promise<number> {
  const table: BulkTable = new BulkTable(db, 'agency_placements', columns, batch, () => table.flush());
  for (const p of agencyPlacementsOf(demo)) {
    await table.add(
      p.id,
      p.childId,
      p.agencyName,
      p.placementType,
      isoOf(p.start),
      p.end === null ? null : isoOf(p.end),
      p.endReason,
      p.createdBy,
      timestampOf(p.start, 10),
    );
  }
  await table.flush();
  await db.execute(sql`update agency_placements a set referral_id = r.id from referrals r
    where a.referral_id is null and r.child_id = a.child_id and r.needed_from = a.start_date
      and r.status = 'withdrawn'`);
  return table.written;
}
