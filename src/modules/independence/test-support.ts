/**
 * Test fixtures for the independence checklist: a young person of a given age (in care, allocated to
 * the demo children's social worker), and a checklist written straight to the database with its
 * areas and the child's deadlines kept, as the service keeps them. Made-up people only.
 */
import { refreshDueItems } from '../../platform/due/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { makeChild, type ChildOverrides } from '../../../test/support/children.ts';
import type { SkillAreaKey } from './labels.ts';
import { independenceChecklistAreas, independenceChecklists } from './tables.ts';

/** A young person born on the day, looked after since 2020-06-01 (or the date given), allocated to cicsw. */
export function makeYoungPerson(db: DbOrTx, dateOfBirth: string, overrides: ChildOverrides = {}) {
  return makeChild(db, { lastName: 'Checklistfixture', dateOfBirth, lookedAfterSince: '2020-06-01', ...overrides });
}

/** A checklist started on the day, with these areas done (each on its day), completed when said. */
export async function makeChecklist(
  db: DbOrTx,
  values: {
    childId: string;
    startedOn: string;
    completedOn?: string | null;
    completedHow?: 'all-areas' | 'recorded' | null;
    areas?: Partial<Record<SkillAreaKey, string>>;
  },
) {
  const [row] = await db
    .insert(independenceChecklists)
    .values({
      childId: values.childId,
      startedOn: values.startedOn,
      completedOn: values.completedOn ?? null,
      completedHow: values.completedOn ? (values.completedHow ?? 'all-areas') : null,
    })
    .returning();
  const areas = Object.entries(values.areas ?? {});
  if (areas.length) {
    await db.insert(independenceChecklistAreas).values(
      areas.map(([area, doneOn]) => ({
        checklistId: row!.id,
        area,
        doneOn,
        confirmedBy: 'The young person, at the review',
      })),
    );
  }
  await refreshDueItems(db, 'child', [values.childId]);
  return row!;
}

/** A date's three boxes as a form posts them. */
export function dateBoxesOf(name: string, iso: string): Record<string, string> {
  const [year = '', month = '', day = ''] = iso.split('-');
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year };
}
