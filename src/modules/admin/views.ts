import { addDays, bankHolidaysKnownUntil, bankHolidaysRunOutWithin, type IsoDate } from '../../platform/dates/index.ts';
import { sortColumns as sortTableColumns } from '../../platform/views/sorting.ts';
import { roleNames, roles } from '../../platform/access/roles.ts';
import { sortKeys, type UserListQuery } from './forms.ts';

/** Select items for the GOV.UK select component, with an empty first choice. */
function selectItems(options: { value: string; text: string }[], emptyText: string, selected: unknown) {
  const value = typeof selected === 'string' ? selected : '';
  return [{ value: '', text: emptyText }, ...options].map((o) => ({ ...o, selected: o.value === value }));
}

export function roleItems(selected: unknown, emptyText = 'Select a role') {
  return selectItems(
    roles.map((r) => ({ value: r, text: roleNames[r] })),
    emptyText,
    selected,
  );
}

export function teamItems(teams: { id: string; name: string }[], selected: unknown, emptyText = 'No team') {
  return selectItems(
    teams.map((t) => ({ value: t.id, text: t.name })),
    emptyText,
    selected,
  );
}

export function areaItems(areas: { id: string; name: string }[], selected: unknown, emptyText = 'No area') {
  return selectItems(
    areas.map((a) => ({ value: a.id, text: a.name })),
    emptyText,
    selected,
  );
}

export function statusItems(selected: unknown) {
  return selectItems(
    [
      { value: 'active', text: 'Active' },
      { value: 'inactive', text: 'Deactivated' },
    ],
    'Any status',
    selected,
  );
}

/** The users list URL for these filters (page 1 unless given). */
function listHref(query: UserListQuery, changes: Partial<UserListQuery> = {}): string {
  const q = { ...query, page: 1, ...changes };
  const params = new URLSearchParams();
  if (q.q) params.set('q', q.q);
  if (q.role) params.set('role', q.role);
  if (q.team) params.set('team', q.team);
  if (q.status) params.set('status', q.status);
  if (q.sort !== 'name' || q.dir !== 'asc') {
    params.set('sort', q.sort);
    params.set('dir', q.dir);
  }
  if (q.page > 1) params.set('page', String(q.page));
  const search = params.toString();
  return search ? `/admin/users?${search}` : '/admin/users';
}

/** Each sortable column's link and aria-sort (platform/views/sorting.ts). */
export function sortColumns(query: UserListQuery) {
  return sortTableColumns(sortKeys, query, (change) => listHref(query, change));
}

export function isFiltered(query: UserListQuery): boolean {
  return Boolean(query.q || query.role || query.team || query.status);
}

/** Messages for the success banner after a change (post/redirect/get passes a key, never text). */
export const doneMessages: Record<string, string> = {
  updated: 'The user’s details have been changed',
  unchanged: 'Nothing was changed',
  deactivated: 'The account has been deactivated and the user has been signed out everywhere',
  reactivated: 'The account has been reactivated: the user can sign in again',
  unlinked: 'The council account has been unlinked: it no longer signs in to this account, and its sessions have ended',
  'second-factor-reset':
    'The second factor has been reset: the user will set up their authenticator app again when they next sign in',
};

export function doneMessage(done: unknown): string | undefined {
  return typeof done === 'string' ? doneMessages[done] : undefined;
}

/** The breadcrumbs of the pages under "Sign-in with council accounts". */
export function signInCrumbs(...extra: { text: string; href?: string }[]) {
  return [
    { text: 'Administration', href: '/admin' },
    { text: 'Sign-in with council accounts', href: '/admin/sign-in' },
    ...extra,
  ];
}

/**
 * What the administrator is told of the bank holidays Hearth counts working days with: the last
 * day it knows them for, and, from 12 months before that day, that they need refreshing (or, once
 * it has passed, that they are not known).
 */
export function bankHolidaysHeld(today: IsoDate) {
  const knownUntil = bankHolidaysKnownUntil();
  return {
    knownUntil,
    from: addDays(knownUntil, 1),
    runningOut: bankHolidaysRunOutWithin(today),
    ended: today > knownUntil,
  };
}
