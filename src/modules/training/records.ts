import { eq } from 'drizzle-orm';
import type { RecordType } from '../../platform/access/registry.ts';
import { can } from '../../platform/access/policy.ts';
import { carers } from '../households/tables.ts';
import { isUuid } from './forms.ts';
import { findVisibleCarer } from './scope.ts';
import {
  developmentPlans,
  participationEvents,
  trainingBookings,
  trainingCourses,
  trainingSessions,
} from './tables.ts';
import { formatDate } from '../../platform/views/format.ts';
import {
  carerTrainingPath,
  coursePath,
  developmentPlanPath,
  participationEventPath,
  trainingSessionPath,
} from './paths.ts';

/** A record of a carer's (a booking, a PDP): in scope when the carer's training record is. */
function carerRecord(
  type: string,
  table: typeof trainingBookings | typeof developmentPlans,
  label: string,
  page: (carerId: string) => string,
): RecordType {
  return {
    type,
    async describe(db, id) {
      if (!isUuid(id)) return null;
      const [row] = await db
        .select({ carerId: table.carerId, firstName: carers.firstName, lastName: carers.lastName })
        .from(table)
        .innerJoin(carers, eq(carers.id, table.carerId))
        .where(eq(table.id, id));
      return row ? { label: `${label}: ${row.firstName} ${row.lastName}`, href: page(row.carerId) } : null;
    },
    async inScope(db, viewer, id) {
      if (!isUuid(id)) return false;
      const [row] = await db.select({ carerId: table.carerId }).from(table).where(eq(table.id, id));
      return row !== undefined && (await findVisibleCarer(db, viewer, row.carerId)) !== null;
    },
  };
}

/**
 * A record of the calendar: open to whoever may read the training pages. A session's register and an
 * event's attendance name carers and children, so their pages are written to the trail (`pages`).
 */
function calendarRecord(
  type: string,
  find: (db: Parameters<RecordType['describe']>[0], id: string) => Promise<string | null>,
  href: (id: string) => string,
  pages?: readonly string[],
): RecordType {
  return {
    type,
    ...(pages ? { pages } : {}),
    async describe(db, id) {
      const label = isUuid(id) ? await find(db, id) : null;
      return label ? { label, href: href(id) } : null;
    },
    async inScope(db, viewer, id) {
      return can(viewer.role, 'training.view') && isUuid(id) && (await find(db, id)) !== null;
    },
  };
}

/** The training module's records, so "who has seen or changed this record" works for them, in scope. */
export const trainingRecordTypes: RecordType[] = [
  carerRecord('training-booking', trainingBookings, 'Training booking', carerTrainingPath),
  carerRecord('development-plan', developmentPlans, 'Personal development plan', developmentPlanPath),
  calendarRecord(
    'training-course',
    async (db, id) => {
      const [row] = await db
        .select({ title: trainingCourses.title })
        .from(trainingCourses)
        .where(eq(trainingCourses.id, id));
      return row ? `Course: ${row.title}` : null;
    },
    coursePath,
  ),
  calendarRecord(
    'training-session',
    async (db, id) => {
      const [row] = await db
        .select({ title: trainingCourses.title, startsOn: trainingSessions.startsOn })
        .from(trainingSessions)
        .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
        .where(eq(trainingSessions.id, id));
      return row ? `Training session: ${row.title}, ${formatDate(row.startsOn)}` : null;
    },
    trainingSessionPath,
    ['/training/sessions/:id'],
  ),
  calendarRecord(
    'participation-event',
    async (db, id) => {
      const [row] = await db
        .select({ title: participationEvents.title })
        .from(participationEvents)
        .where(eq(participationEvents.id, id));
      return row ? `Participation event: ${row.title}` : null;
    },
    participationEventPath,
    ['/participation/:id'],
  ),
];
