/**
 * The panel's quorum: at least five members, including the chair or the vice-chair, a social
 * worker and an independent member (advisers attend but are not counted). A meeting without its
 * quorum records no recommendation.
 */
import { advisers, type MemberRole } from './labels.ts';

export const QUORUM_SIZE = 5;

export interface Quorum {
  quorate: boolean;
  /** What is missing, in words, for the meeting page and the refusal. */
  missing: string[];
  counted: number;
}

export function quorumOf(roles: readonly string[]): Quorum {
  const counted = roles.filter((r) => !advisers.includes(r as MemberRole));
  const missing: string[] = [];
  if (counted.length < QUORUM_SIZE) {
    missing.push(`${QUORUM_SIZE - counted.length} more member${QUORUM_SIZE - counted.length === 1 ? '' : 's'}`);
  }
  if (!counted.some((r) => r === 'chair' || r === 'vice_chair')) missing.push('the chair or the vice-chair');
  if (!counted.includes('social_worker')) missing.push('a social worker');
  if (!counted.includes('independent')) missing.push('an independent member');
  return { quorate: missing.length === 0, missing, counted: counted.length };
}

/** The same rule in SQL, over the attendance of meeting `m` (for the scorecard). */
export const quorateSql = `(select count(*) filter (where pm.role not in ('medical_adviser', 'panel_adviser')) >= ${QUORUM_SIZE}
    and bool_or(pm.role in ('chair', 'vice_chair')) and bool_or(pm.role = 'social_worker')
    and bool_or(pm.role = 'independent')
  from panel_attendance pa join panel_members pm on pm.id = pa.member_id where pa.meeting_id = m.id)`;
