/** What the joint training route files share: the permissions routes declare, and the breadcrumbs. */
import { dayPath, JOINT_TRAINING } from './paths.ts';
import type { DayRow } from './queries.ts';

export const view = { config: { access: { permission: 'joint-training.view' as const } } };
export const manage = { config: { access: { permission: 'joint-training.manage' as const } } };

export type WithId = { Params: { id: string } };
export type Query = { Querystring: Record<string, string | undefined> };

export const listCrumbs = [
  { text: 'Home', href: '/' },
  { text: 'Joint training days', href: JOINT_TRAINING },
];
export const dayCrumbs = (day: Pick<DayRow, 'id' | 'title'>) => [
  ...listCrumbs,
  { text: day.title, href: dayPath(day.id) },
];
