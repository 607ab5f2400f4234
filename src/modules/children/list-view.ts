import { ageOn, compareIsoDates, type IsoDate } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { childSortKeys, type ChildListQuery } from './forms.ts';

/** The children list URL for these filters (page 1 unless given). */
export function childListHref(query: ChildListQuery, changes: Partial<ChildListQuery> = {}): string {
  const q = { ...query, page: 1, ...changes };
  const params = new URLSearchParams();
  if (q.q) params.set('q', q.q);
  if (q.area) params.set('area', q.area);
  if (q.worker) params.set('worker', q.worker);
  if (q.legalStatus) params.set('legalStatus', q.legalStatus);
  if (q.need) params.set('need', q.need);
  if (q.care !== 'in') params.set('care', q.care);
  if (q.sort !== 'name' || q.dir !== 'asc') {
    params.set('sort', q.sort);
    params.set('dir', q.dir);
  }
  if (q.page > 1) params.set('page', String(q.page));
  const search = params.toString();
  return search ? `/children?${search}` : '/children';
}

/** Each sortable column's link (which flips direction when it is the current sort) and aria-sort. */
export function childSortColumns(query: ChildListQuery) {
  return Object.fromEntries(
    childSortKeys.map((key) => {
      const current = query.sort === key;
      const dir = current && query.dir === 'asc' ? 'desc' : 'asc';
      return [
        key,
        {
          href: childListHref(query, { sort: key, dir }),
          ariaSort: current ? (query.dir === 'asc' ? 'ascending' : 'descending') : 'none',
        },
      ];
    }),
  );
}

export function isFiltered(query: ChildListQuery): boolean {
  return Boolean(query.q || query.area || query.worker || query.legalStatus || query.need || query.care !== 'in');
}

/** Success banners after a change (post/redirect/get passes a key, never text). */
const doneMessages: Record<string, string> = {
  created: 'The child’s record has been created',
  updated: 'The child’s details have been changed',
  unchanged: 'Nothing was changed',
  'health-assessment': 'The health assessment has been recorded',
  'health-assessment-removed': 'The health assessment has been removed',
  referral: 'The referral has been sent to the fostering team',
  placed: 'The placement has been recorded',
  'placement-removed': 'The placement has been removed',
  'agency-ended': 'The agency placement has been ended',
  'agency-ending-corrected': 'The ending of the agency placement has been corrected',
  'agency-reopened': 'The ending of the agency placement has been undone: the placement is current again',
  'agency-start-changed': 'The agency placement has been changed',
  visit: 'The visit has been recorded',
  'left-care': 'Leaving care has been recorded',
  'left-care-changed': 'The record of leaving care has been changed',
  'left-care-removed': 'The record of leaving care has been removed: the child is in care',
  'death-notifications': 'The notifications have been recorded',
};

export function doneMessage(done: unknown): string | undefined {
  return typeof done === 'string' ? doneMessages[done] : undefined;
}

/**
 * A row of the children list: the age (at death, for a child who died), and where the child lives
 * ("Left care on ..." for one who has left and is not Staying Put with a household).
 */
export function childRow<
  C extends {
    dateOfBirth: IsoDate;
    leftCareOn: IsoDate | null;
    leftCareReason: string | null;
    currentHousehold: string | null;
  },
>(child: C, today: IsoDate) {
  const left = child.leftCareOn !== null && compareIsoDates(child.leftCareOn, today) <= 0;
  const died = left && child.leftCareReason === 'died';
  const livesWith =
    child.currentHousehold ??
    (died
      ? `Died on ${formatDate(child.leftCareOn)}`
      : left
        ? `Left care on ${formatDate(child.leftCareOn)}`
        : 'Not placed');
  return { ...child, age: ageOn(child.dateOfBirth, died ? child.leftCareOn! : today), livesWith };
}
