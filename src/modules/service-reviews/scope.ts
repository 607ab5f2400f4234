/**
 * Who may read and write the six-monthly reviews, the one place that says so. The reviews hold no
 * personal record (figures are counts; the texts are themes, not names):
 * - read by the head of fostering and the assistant director (all of them), service managers and
 *   team managers (their own area's, and the service-wide ones: the plan shares the learning at
 *   team managers' meetings), the LADO (allegations and complaints) and the recruitment
 *   coordinator (retention of foster carers);
 * - written by the head (any of them), a service manager (their own area's summary of children's
 *   feedback), the LADO (allegations and complaints) and the recruitment coordinator (retention).
 * Social workers, carers and everyone else: none.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../platform/access/roles.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { reviewKinds, type KindKey, type ReviewKind } from './kinds.ts';

type Viewer = Pick<SignedInUser, 'role' | 'areaId'>;

const everything: readonly Role[] = ['head_of_fostering', 'assistant_director'];
const areaManagers: readonly Role[] = ['service_manager', 'team_manager'];

/** Whether the viewer may read this kind's review for this area (null: a service-wide review). */
export function mayRead(viewer: Viewer, kind: ReviewKind, areaId: string | null): boolean {
  if (everything.includes(viewer.role)) return true;
  if (areaManagers.includes(viewer.role)) return !kind.perArea || (areaId !== null && areaId === viewer.areaId);
  return kind.alsoRead.includes(viewer.role);
}

/** Whether the viewer may write (save and complete) this kind's review for this area. */
export function mayWrite(viewer: Viewer, kind: ReviewKind, areaId: string | null): boolean {
  if (viewer.role === 'head_of_fostering') return true;
  if (!kind.writers.includes(viewer.role)) return false;
  return !kind.perArea || (areaId !== null && areaId === viewer.areaId);
}

/** The kinds the viewer reads at least one review of. */
export const kindsReadBy = (viewer: Viewer) =>
  reviewKinds.filter(
    (k) => everything.includes(viewer.role) || areaManagers.includes(viewer.role) || k.alsoRead.includes(viewer.role),
  );

/**
 * The SQL condition for the reviews the viewer may read, over a review's `kind` and `area_id`
 * columns (`alias.kind`, `alias.area_id`), as mayRead says.
 */
export function reviewVisibleTo(viewer: Viewer, alias: string): SQL {
  const kind = sql.raw(`${alias}.kind`);
  const area = sql.raw(`${alias}.area_id`);
  if (everything.includes(viewer.role)) return sql`true`;
  const keys = (kinds: readonly ReviewKind[]): SQL =>
    kinds.length
      ? sql.join(
          kinds.map((k) => sql`${k.key}`),
          sql`, `,
        )
      : sql`null`;
  if (areaManagers.includes(viewer.role)) {
    const perArea = reviewKinds.filter((k) => k.perArea);
    const ownArea = viewer.areaId ? sql`${area} = ${viewer.areaId}::uuid` : sql`false`;
    return sql`(${kind} not in (${keys(perArea)}) or ${ownArea})`;
  }
  const read = reviewKinds.filter((k) => k.alsoRead.includes(viewer.role));
  return read.length ? sql`${kind} in (${keys(read)})` : sql`false`;
}

/** Only the given kind (the list's filter), or every kind. */
export const ofKind = (alias: string, kind: KindKey | null): SQL =>
  kind ? sql`${sql.raw(`${alias}.kind`)} = ${kind}` : sql`true`;
