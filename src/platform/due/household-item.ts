import type { KeptDueItem } from './rule.ts';

/** A deadline on a household's record, as a rule's SQL selects it (the columns' names). */
export interface HouseholdDueRow {
  record_id: string;
  household_id: string;
  label: string;
  due_on: string;
  detail: string | null;
  team_id: string;
  area_id: string;
  /** The worker it falls to (the household's supervising social worker): none when not selected. */
  owner_id?: string | null;
  href: string;
  shown_from?: string | null;
  shown_until?: string | null;
}

/** The deadline kept for a household's record: seen by those who may see the household. */
export function householdDueItem(row: HouseholdDueRow): KeptDueItem {
  return {
    recordId: row.record_id,
    label: row.label,
    detail: row.detail,
    href: row.href,
    dueOn: row.due_on,
    shownFrom: row.shown_from ?? null,
    shownUntil: row.shown_until ?? null,
    teamId: row.team_id,
    areaId: row.area_id,
    ownerUserId: row.owner_id ?? null,
    householdId: row.household_id,
    childId: null,
  };
}
