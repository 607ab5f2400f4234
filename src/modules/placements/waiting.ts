/**
 * The referrals waiting on someone, for their My work: a reviewer's referrals waiting for review,
 * and a children's social worker's referrals returned to them to put right. Read live from the
 * referrals (a status lookup, within the viewer's referral scope), a screenful at a time.
 */
import { named } from '../../platform/views/format.ts';
import { and, asc, eq, sql } from 'drizzle-orm';
import { can } from '../../platform/access/policy.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { differenceInDays, type IsoDate } from '../../platform/dates/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { children } from '../children/tables.ts';

import { urgencies } from './labels.ts';
import { referralVisibleTo } from './scope.ts';
import { referrals } from './tables.ts';

export interface WaitingReferrals {
  /** 'submitted': waiting for this reviewer; 'returned': returned to this social worker. */
  status: 'submitted' | 'returned';
  total: number;
  referrals: {
    id: string;
    childName: string;
    childReference: string;
    urgencyText: string;
    neededFrom: string;
    /** The day it was sent (or sent again) for review, or returned. */
    since: IsoDate;
    daysWaiting: number;
  }[];
}

const urgencyOrder = sql`case ${referrals.urgency} when 'emergency' then 0 when 'urgent' then 1 else 2 end`;

/** The referrals waiting on this user, most urgent and longest waiting first; null when none can wait on them. */
export async function referralsWaitingOn(
  db: DbOrTx,
  user: SignedInUser,
  today: IsoDate,
  limit = 10,
): Promise<WaitingReferrals | null> {
  const status = can(user.role, 'referrals.review')
    ? 'submitted'
    : user.role === 'childrens_social_worker'
      ? 'returned'
      : null;
  if (!status) return null;
  const rows = await db
    .select({
      id: referrals.id,
      firstName: children.firstName,
      lastName: children.lastName,
      childReference: children.reference,
      urgency: referrals.urgency,
      neededFrom: referrals.neededFrom,
      since: sql<string>`to_char(${referrals.updatedAt} at time zone 'Europe/London', 'YYYY-MM-DD')`,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(referrals)
    .innerJoin(children, eq(children.id, referrals.childId))
    .where(and(eq(referrals.status, status), referralVisibleTo(user)))
    .orderBy(urgencyOrder, asc(referrals.updatedAt), asc(referrals.id))
    .limit(limit);
  return {
    status,
    total: Number(rows[0]?.total ?? 0),
    referrals: rows.map((r) => ({
      id: r.id,
      childName: `${r.firstName} ${r.lastName}`,
      childReference: r.childReference,
      urgencyText: named(urgencies, r.urgency),
      neededFrom: r.neededFrom,
      since: r.since,
      daysWaiting: Math.max(0, differenceInDays(today, r.since)),
    })),
  };
}
