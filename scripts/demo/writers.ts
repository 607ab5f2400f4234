/**
 * One bulk writer per table the demo fills, with the columns it writes (in order). When any
 * batch is full every writer is flushed, parents before children (the order of `tables`), so
 * foreign keys hold at every statement.
 */
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { BulkTable, type Column } from './bulk.ts';

const id: Column = ['id', 'uuid'];
const text = (name: string): Column => [name, 'text'];
const uuid = (name: string): Column => [name, 'uuid'];
const date = (name: string): Column => [name, 'date'];
const int = (name: string): Column => [name, 'int4'];
const bool = (name: string): Column => [name, 'bool'];
const at = (name: string): Column => [name, 'timestamptz'];

const tables = {
  households: [
    id,
    text('reference'),
    text('name'),
    text('address_line1'),
    text('town'),
    text('postcode'),
    uuid('team_id'),
    text('status'),
    date('status_since'),
    text('household_type'),
    date('approved_on'),
    int('approved_places'),
    int('age_min'),
    int('age_max'),
    text('gender_preference'),
    bool('sibling_groups'),
    bool('disability'),
    bool('uasc'),
    bool('emergency'),
    bool('short_breaks'),
    bool('staying_put'),
    int('skill_level'),
    uuid('allocated_ssw_id'),
    uuid('first_year_lead_id'),
    text('mentor_name'),
    bool('restricted'),
    text('profile_about'),
    text('profile_likes'),
    text('profile_home'),
    text('pets'),
    at('created_at'),
  ],
  household_status_events: [
    id,
    uuid('household_id'),
    text('from_status'),
    text('to_status'),
    date('on_date'),
    text('reason'),
    uuid('by_user_id'),
    text('origin'),
    at('created_at'),
  ],
  household_restricted_access: [uuid('household_id'), uuid('user_id')],
  carers: [
    id,
    uuid('household_id'),
    text('first_name'),
    text('last_name'),
    date('date_of_birth'),
    text('email'),
    text('phone'),
    bool('is_staff'),
    date('left_on'),
  ],
  household_members: [
    id,
    uuid('household_id'),
    text('first_name'),
    text('last_name'),
    date('date_of_birth'),
    text('relationship'),
    date('moved_in_on'),
    date('left_on'),
    at('created_at'),
  ],
  person_checks: [
    id,
    uuid('household_id'),
    uuid('carer_id'),
    uuid('member_id'),
    text('kind'),
    date('completed_on'),
    date('expires_on'),
    text('outcome'),
  ],
  children: [
    id,
    text('reference'),
    text('first_name'),
    text('last_name'),
    text('preferred_name'),
    date('date_of_birth'),
    text('gender'),
    text('ethnicity'),
    text('legal_status'),
    date('looked_after_since'),
    date('left_care_on'),
    uuid('area_id'),
    uuid('allocated_social_worker_id'),
    bool('disability'),
    bool('uasc'),
    bool('cse_risk'),
    bool('missing_risk'),
    text('school_postcode'),
    at('created_at'),
  ],
  health_assessments: [id, uuid('child_id'), text('kind'), date('completed_on'), uuid('recorded_by')],
  referrals: [
    id,
    uuid('child_id'),
    uuid('requested_by'),
    text('placement_type'),
    text('urgency'),
    date('needed_from'),
    text('needs'),
    int('sibling_group_size'),
    text('status'),
    int('times_returned'),
    at('created_at'),
    at('updated_at'),
  ],
  referral_events: [id, uuid('referral_id'), text('kind'), text('reason'), uuid('by_user_id'), at('at')],
  matches: [
    id,
    uuid('referral_id'),
    uuid('household_id'),
    text('reasons'),
    text('support_package'),
    uuid('by_user_id'),
    at('created_at'),
  ],
  placements: [
    id,
    uuid('child_id'),
    uuid('household_id'),
    uuid('referral_id'),
    text('placement_type'),
    date('start_date'),
    date('end_date'),
    text('ending'),
    text('end_reason'),
    date('placement_plan_on'),
    bool('child_saw_profile'),
    uuid('created_by'),
    at('created_at'),
  ],
  placement_documents: [id, uuid('placement_id'), text('kind'), date('given_on'), uuid('recorded_by')],
  delegated_authorities: [
    id,
    uuid('placement_id'),
    text('medical_holder'),
    text('education_holder'),
    text('social_holder'),
    text('religious_holder'),
    text('cultural_holder'),
    text('signed_by'),
    date('signed_on'),
    date('copy_given_to_carer_on'),
    uuid('updated_by'),
    at('updated_at'),
  ],
  supervision_agreements: [
    id,
    uuid('household_id'),
    date('signed_on'),
    text('signed_by_carers'),
    uuid('signed_by_ssw_id'),
    date('review_on'),
    uuid('recorded_by'),
    at('created_at'),
  ],
  supervisions: [
    id,
    uuid('household_id'),
    date('visit_date'),
    bool('announced'),
    text('attendees'),
    text('working_well'),
    text('worries'),
    text('needs_to_happen'),
    text('scaling_question'),
    int('scaling_score'),
    text('status'),
    uuid('author_id'),
    at('finalised_at'),
    uuid('finalised_by'),
    date('notes_sent_on'),
    at('created_at'),
    at('updated_at'),
  ],
  supervision_children: [uuid('supervision_id'), uuid('child_id'), text('seen')],
  supervision_actions: [id, uuid('supervision_id'), int('position'), text('action'), text('owner'), date('due_on')],
} satisfies Record<string, Column[]>;

/** The tables the demo writes in bulk. */
export const demoTables = Object.keys(tables);

/** The names of a table's columns, in the order its writer takes values. */
export function columnsOf(table: keyof typeof tables): string[] {
  return tables[table].map(([name]) => name);
}

export type Writers = { [K in keyof typeof tables]: BulkTable };

export function makeWriters(db: DbOrTx, batch: number): Writers {
  const writers = {} as Writers;
  const flush = () => flushAll(writers);
  for (const [name, columns] of Object.entries(tables)) {
    writers[name as keyof Writers] = new BulkTable(db, name, columns, batch, flush);
  }
  return writers;
}

/** Flushes every writer, parents first (the order of `tables`). */
export async function flushAll(writers: Writers): Promise<void> {
  for (const writer of Object.values(writers)) await writer.flush();
}
