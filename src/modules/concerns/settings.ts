/**
 * The timescales of allegations, complaints and notifications, with where each comes from. Those
 * marked "local" are the service's own policy or targets, not law: change them here (pages,
 * deadlines and measures all read these) and they are shown as local on every page that uses them.
 */
import { sql } from 'drizzle-orm';
import { addMonths, addWeeks, addWorkingDays, type IsoDate } from '../../platform/dates/index.ts';

/** Referred to the LADO within 1 working day of the allegation being known (Working Together 2023). */
export const LADO_REFERRAL_WORKING_DAYS = 1;
/** The LADO decides on immediate action within 1 working day of the referral (Working Together 2023). */
export const LADO_DECISION_WORKING_DAYS = 1;
/** Strategy or evaluation meeting within about 5 working days of the referral (guidance). */
export const STRATEGY_MEETING_WORKING_DAYS = 5;
/** Aim to conclude within 3 months of the allegation being known (guidance, not statute). */
export const CONCLUDE_WITHIN_MONTHS = 3;
/** Local target: independent support offered to the carer within 1 working day of the referral (NMS 22.12). */
export const SUPPORT_OFFERED_WORKING_DAYS = 1;
/** Local policy: payment during an allegation is full fees for this many weeks from the first placement suspended or ended ... */
export const FULL_FEES_WEEKS = 8;
/** ... then a retainer until the allegation is concluded. */
export const RETAINER_TEXT =
  'a retainer (the fee for one placement, without allowances) until the allegation is concluded';

export const ALLEGATION_GUIDANCE =
  'Working Together to Safeguard Children (2023), chapter 2 (managing allegations against people who work with children), and the local safeguarding children partnership’s procedures';
/** What the referral to the LADO's deadline and measure cite. */
export const LADO_REFERRAL_RULE = `${ALLEGATION_GUIDANCE}; Fostering Services: National Minimum Standards (2011), standard 22 (handling allegations and suspicions of harm)`;

/** Complaint timescales in working days (Children Act 1989 Representations Procedure (England) Regulations 2006). */
export const COMPLAINT_TIMESCALES = {
  1: { days: 10, extendedDays: 20, cites: 'regulation 14' },
  2: { days: 25, extendedDays: 65, cites: 'regulation 17' },
  3: { panelDays: 30, reportDays: 5, responseDays: 15, cites: 'regulations 19 and 20' },
} as const;
export const COMPLAINTS_REGULATIONS = 'Children Act 1989 Representations Procedure (England) Regulations 2006';

/** Notifiable events are notified within 24 hours (Fostering Services (England) Regulations 2011, regulation 36 and Schedule 7; NMS 29). */
export const NOTIFY_WITHIN_HOURS = 24;
/**
 * A significant event (e) in words, with the time its 24 hours run out: My work keeps the item by
 * that day, and the scorecard counts it by the minute, so both say the time ("Became known
 * 2026-11-30 at 09:00; Ofsted to be told by 09:00 on 2026-12-01", dates put in words on the page).
 */
export const notificationTimesSql = sql`'Became known ' || to_char(e.known_at at time zone 'Europe/London', 'YYYY-MM-DD "at" HH24:MI')
  || '; Ofsted to be told by '
  || to_char((e.known_at + make_interval(hours => ${sql.raw(String(NOTIFY_WITHIN_HOURS))})) at time zone 'Europe/London', 'HH24:MI "on" YYYY-MM-DD')`;
export const NOTIFICATION_CITES =
  'Fostering Services (England) Regulations 2011, regulation 36 and Schedule 7; Fostering Services: National Minimum Standards (2011), standard 29';

export const referralDueOn = (knownOn: IsoDate) => addWorkingDays(knownOn, LADO_REFERRAL_WORKING_DAYS);
export const decisionDueOn = (referredOn: IsoDate) => addWorkingDays(referredOn, LADO_DECISION_WORKING_DAYS);
export const meetingDueOn = (referredOn: IsoDate) => addWorkingDays(referredOn, STRATEGY_MEETING_WORKING_DAYS);
export const concludeBy = (knownOn: IsoDate) => addMonths(knownOn, CONCLUDE_WITHIN_MONTHS);
export const supportDueOn = (referredOn: IsoDate) => addWorkingDays(referredOn, SUPPORT_OFFERED_WORKING_DAYS);
/** The last day of full fees: the day before the retainer starts. */
export const retainerFrom = (firstSuspendedOn: IsoDate) => addWeeks(firstSuspendedOn, FULL_FEES_WEEKS);

/** The policy in words, for the pages. */
export const paymentPolicyText = `Local policy: full fees for ${FULL_FEES_WEEKS} weeks from the first placement suspended or ended, then ${RETAINER_TEXT}.`;
