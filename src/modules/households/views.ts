import { sortColumns as sortTableColumns } from '../../platform/views/sorting.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { listSortKeys, type HouseholdListQuery } from './forms.ts';
import {
  allowedTransitions,
  CHECK_EXPIRY_WARNING_DAYS,
  checkKindNames,
  checkKinds,
  genderPreferenceNames,
  householdStatuses,
  householdTypeNames,
  isHouseholdStatus,
  memberRelationshipNames,
  skillLevelNames,
  statusesNeedingReason,
  statusNames,
  statusTagClasses,
  transitionNames,
} from './labels.ts';

type Option = { value: string; text: string };

/** Select items with an empty first choice. */
export function selectItems(options: Option[], emptyText: string | null, selected: unknown) {
  const value = selected === undefined || selected === null ? '' : String(selected);
  const all = emptyText === null ? options : [{ value: '', text: emptyText }, ...options];
  return all.map((o) => ({ ...o, selected: o.value === value }));
}

/** Radio items with the chosen one checked. */
export function radioItems(options: Option[], selected: unknown) {
  const value = selected === undefined || selected === null ? '' : String(selected);
  return options.map((o) => ({ ...o, checked: o.value === value }));
}

const entries = (names: Record<string, string>) => Object.entries(names).map(([value, text]) => ({ value, text }));

export const statusOptions = () => householdStatuses.map((s) => ({ value: s, text: statusNames[s] }));
export const typeOptions = () => entries(householdTypeNames);
export const skillOptions = () => entries(skillLevelNames);
export const genderOptions = () => entries(genderPreferenceNames);
export const relationshipOptions = () => entries(memberRelationshipNames);
export const checkKindOptions = () => checkKinds.map((k) => ({ value: k, text: checkKindNames[k] }));

export function statusTag(status: string) {
  return isHouseholdStatus(status)
    ? { text: statusNames[status], classes: statusTagClasses[status] }
    : { text: status, classes: 'govuk-tag--grey' };
}

/** The moves the change-status page offers from this status. */
export function transitionItems(from: string, selected: unknown) {
  if (!isHouseholdStatus(from)) return [];
  return radioItems(
    allowedTransitions[from].map((to) => ({
      value: to,
      text: transitionNames[to],
      hint: statusesNeedingReason.includes(to) ? { text: 'You will need to give the reason' } : undefined,
    })),
    selected,
  ) as (Option & { checked: boolean; hint?: { text: string } })[];
}

/** Expired, expiring within 60 days, or in date: a tag for the checks table. */
export function expiryTag(expiresOn: string | null, today = todayInLondon()) {
  if (!expiresOn) return null;
  if (expiresOn < today) return { text: 'Expired', classes: 'govuk-tag--red' };
  if (expiresOn <= addDays(today, CHECK_EXPIRY_WARNING_DAYS))
    return { text: 'Expires soon', classes: 'govuk-tag--orange' };
  return null;
}

/** The households list URL for these filters (page 1 unless given). */
export function listHref(query: HouseholdListQuery, changes: Partial<HouseholdListQuery> = {}): string {
  const q = { ...query, page: 1, ...changes };
  const params = new URLSearchParams();
  if (q.q) params.set('q', q.q);
  if (q.status) params.set('status', q.status);
  if (q.team) params.set('team', q.team);
  if (q.type) params.set('type', q.type);
  if (q.worker) params.set('worker', q.worker);
  if (q.sort !== 'name' || q.dir !== 'asc') {
    params.set('sort', q.sort);
    params.set('dir', q.dir);
  }
  if (q.page > 1) params.set('page', String(q.page));
  const search = params.toString();
  return search ? `/households?${search}` : '/households';
}

/** Each sortable column's link and aria-sort (platform/views/sorting.ts). */
export function sortColumns(query: HouseholdListQuery) {
  return sortTableColumns(listSortKeys, query, (change) => listHref(query, change));
}

export function isFiltered(query: HouseholdListQuery): boolean {
  return Boolean(query.q || query.status || query.team || query.type || query.worker);
}

/** Success banners after a change (post/redirect/get passes a key, never text). */
const doneMessages: Record<string, string> = {
  details: 'The household’s details have been changed',
  status: 'The household’s status has been changed',
  'status-undone': 'The status change has been undone',
  'status-redated': 'The date of the status change has been changed',
  terms: 'The approval terms have been saved',
  allocation: 'The allocation has been saved',
  'carer-added': 'The carer has been added',
  'carer-changed': 'The carer’s details have been changed',
  'carer-left':
    'The carer is now a former carer: their checks and training are no longer due, their places on training after the day they left are given up, and any access they had to the carer portal has ended',
  'portal-linked': 'The carer can now sign in to the carer portal with their account',
  'portal-removed': 'The carer’s access to the carer portal has ended',
  'member-added': 'The household member has been added',
  'member-changed': 'The household member’s details have been changed',
  'change-dealt-with': 'The change the carers told us about is marked as dealt with',
  'change-reopened': 'The change the carers told us about is to deal with again',
  'check-added': 'The check has been recorded',
  'check-changed': 'The check has been corrected',
  profile: 'The carer profile has been saved',
  photo: 'The photo has been uploaded',
  'access-added': 'The manager can now see this household',
  'access-removed': 'The manager has been removed from this household’s access list',
  restricted:
    'The household is now a restricted record because a carer is a member of staff: only the head of fostering and the managers they name can see it',
};

export function doneMessage(done: unknown): string | undefined {
  return typeof done === 'string' ? doneMessages[done] : undefined;
}
