/** A matter turned into what its pages show, in the service's words: headings, clocks, deadlines, payment. */
import { todayInLondon, workingDaysBetween, type IsoDate } from '../../platform/dates/index.ts';
import { formatDate, named } from '../../platform/views/format.ts';
import {
  againstNames,
  categoryNames,
  kindNames,
  outcomeNames,
  raiserNames,
  takenUpNames,
  themeNames,
} from './labels.ts';
import type { ConcernRecord, ConcernRow, ComplaintStageRow } from './queries.ts';
import {
  concludeBy,
  CONCLUDE_WITHIN_MONTHS,
  decisionDueOn,
  meetingDueOn,
  paymentPolicyText,
  referralDueOn,
  retainerFrom,
  supportDueOn,
} from './settings.ts';
import { stageNames, stageTagClasses, type Stage } from './stage.ts';

export const stageTag = (stage: string) => ({
  text: stageNames[stage as Stage] ?? stage,
  classes: stageTagClasses[stage as Stage] ?? 'govuk-tag--grey',
});

/** "Allegation about Jordan Ellis", "Complaint about the fostering service". */
export function matterHeading(record: ConcernRecord): string {
  const kind = named(kindNames, record.kind);
  if (record.againstName) return `${kind} about ${record.againstName}`;
  if (record.household) return `${kind} about the ${record.household.name} household`;
  return `${kind} about the fostering service`;
}

/** The rows of the matter's summary list (the summary itself is shown on its own, keeping line breaks). */
export function summaryRows(record: ConcernRecord, names: { children: string[]; themes: string[] }) {
  const c = record.concern;
  const rows: { key: string; value: string }[] = [
    { key: 'Kind', value: named(kindNames, c.kind) },
    {
      key: 'About',
      value: record.againstName
        ? `${record.againstName} (${named(againstNames, c.againstKind).toLowerCase()})`
        : named(againstNames, c.againstKind),
    },
    { key: 'Team', value: record.teamName },
    { key: 'Raised by', value: `${named(raiserNames, c.raisedBy)}${c.raisedByName ? `: ${c.raisedByName}` : ''}` },
    {
      key: c.kind === 'complaint' || c.kind === 'compliment' ? 'Received on' : 'Became known on',
      value: formatDate(c.knownOn),
    },
  ];
  if (record.household)
    rows.splice(2, 0, { key: 'Supervising social worker', value: record.sswName ?? 'Not allocated' });
  if (c.category) rows.push({ key: 'Category', value: named(categoryNames, c.category) });
  if (names.children.length) rows.push({ key: 'Children concerned', value: names.children.join(', ') });
  if (names.themes.length)
    rows.push({ key: 'Themes', value: names.themes.map((t) => named(themeNames, t)).join(', ') });
  if (c.outcome) rows.push({ key: 'Outcome', value: `${named(outcomeNames, c.outcome)}, ${formatDate(c.outcomeOn)}` });
  rows.push({ key: 'Recorded by', value: record.recordedByName });
  return rows.map((r) => ({ key: { text: r.key }, value: { text: r.value } }));
}

/**
 * The allegation's clock: working days from the day it became known to its outcome (or today),
 * against the aim of concluding within 3 months (guidance).
 */
export function allegationClock(c: ConcernRow, today: IsoDate = todayInLondon()) {
  const aim = concludeBy(c.knownOn);
  const until = c.outcomeOn ?? today;
  const elapsed = workingDaysBetween(c.knownOn, until);
  const aimDays = workingDaysBetween(c.knownOn, aim);
  const late = until > aim;
  const text = c.outcomeOn
    ? `Concluded in ${elapsed} working days (the outcome on ${formatDate(c.outcomeOn)}).`
    : `Open for ${elapsed} working days since it became known.`;
  return {
    text,
    aim: `Aim: concluded within ${CONCLUDE_WITHIN_MONTHS} months, by ${formatDate(aim)} (${aimDays} working days). Guidance, not statute.`,
    late,
    tag: late
      ? { text: c.outcomeOn ? 'Concluded late' : 'Over 3 months', classes: 'govuk-tag--red' }
      : { text: c.outcomeOn ? 'Concluded in time' : 'Within 3 months', classes: 'govuk-tag--green' },
  };
}

export interface Deadline {
  what: string;
  dueOn: IsoDate;
  doneOn: IsoDate | null;
  cites: string;
  /** The step that recorded it, when it can be changed ('referral', 'decision', 'outcome'). */
  step?: string;
}

/** The allegation's deadlines with what was done when, in the order they fall. */
export function allegationDeadlines(c: ConcernRow, firstMeetingOn: IsoDate | null): Deadline[] {
  const list: Deadline[] = [
    {
      what: 'Referred to the LADO',
      dueOn: referralDueOn(c.knownOn),
      doneOn: c.referredToLadoOn,
      cites: 'within 1 working day of it becoming known',
      step: 'referral',
    },
  ];
  if (c.referredToLadoOn) {
    list.push(
      {
        what: 'The LADO’s decision on immediate action',
        dueOn: decisionDueOn(c.referredToLadoOn),
        doneOn: c.ladoDecisionOn,
        cites: 'within 1 working day of the referral',
        step: 'decision',
      },
      {
        what: 'Strategy or evaluation meeting',
        dueOn: meetingDueOn(c.referredToLadoOn),
        doneOn: firstMeetingOn,
        cites: 'within about 5 working days of the referral (guidance)',
      },
      {
        what: 'Independent support offered to the carer',
        dueOn: supportDueOn(c.referredToLadoOn),
        doneOn: c.supportOfferedOn,
        cites: 'within 1 working day of the referral (local target, NMS 22.12)',
      },
    );
  }
  list.push({
    what: 'Outcome',
    dueOn: concludeBy(c.knownOn),
    doneOn: c.outcomeOn,
    cites: 'aim within 3 months (guidance)',
    step: 'outcome',
  });
  return list;
}

/** A deadline's tag: done on time or late, or due or overdue today. */
export function deadlineTag(d: Pick<Deadline, 'dueOn' | 'doneOn'>, today: IsoDate = todayInLondon()) {
  if (d.doneOn) {
    return d.doneOn <= d.dueOn
      ? { text: `Done ${formatDate(d.doneOn)}`, classes: 'govuk-tag--green' }
      : { text: `Done late, ${formatDate(d.doneOn)}`, classes: 'govuk-tag--orange' };
  }
  if (d.dueOn < today) return { text: 'Overdue', classes: 'govuk-tag--red' };
  return { text: 'Not yet done', classes: 'govuk-tag--grey' };
}

/** The complaint's stages with their timescales and what was done. */
export function stageRows(stages: ComplaintStageRow[], today: IsoDate = todayInLondon()) {
  return stages.map((s) => ({
    stage: s.stage,
    receivedOn: s.receivedOn,
    respondBy: s.respondBy,
    extended: s.extended,
    extensionReason: s.extensionReason,
    panelBy: s.panelBy,
    panelOn: s.panelOn,
    reportBy: s.reportBy,
    reportOn: s.reportOn,
    respondedOn: s.respondedOn,
    finding: s.finding,
    tag: deadlineTag({ dueOn: s.respondBy, doneOn: s.respondedOn }, today),
  }));
}

/**
 * Which payment applies today under the local policy: fees as usual while no placement is
 * suspended or ended because of the allegation; full fees for the first weeks from the first;
 * then a retainer until the allegation is concluded.
 */
export function paymentToday(c: ConcernRow, firstSuspendedOn: IsoDate | null, today: IsoDate = todayInLondon()) {
  const policy = paymentPolicyText;
  if (!firstSuspendedOn) {
    return { policy, today: 'Fees as usual: no placement has been suspended or ended because of this allegation.' };
  }
  const retainer = retainerFrom(firstSuspendedOn);
  if (c.outcomeOn && c.outcomeOn <= today) {
    return {
      policy,
      today: `The allegation was concluded on ${formatDate(c.outcomeOn)}: payment during the allegation has ended.`,
    };
  }
  if (today < retainer) {
    return {
      policy,
      today: `Full fees, until ${formatDate(retainer)} (from the first placement suspended or ended on ${formatDate(firstSuspendedOn)}).`,
    };
  }
  return {
    policy,
    today: `A retainer, since ${formatDate(retainer)} (full fees ended after the first placement was suspended or ended on ${formatDate(firstSuspendedOn)}).`,
  };
}

/** The carer's independent support, in words. */
export function supportText(c: ConcernRow): string | null {
  if (!c.supportOfferedOn) return null;
  const by = `${c.supportBy}${c.supportOrganisation ? `, ${c.supportOrganisation}` : ''}`;
  return `${by}: offered ${formatDate(c.supportOfferedOn)}; ${named(takenUpNames, c.supportTakenUp).toLowerCase()}.`;
}

export function doneMessage(done: unknown, titles: Record<string, string>): string | undefined {
  if (done === 'recorded') return 'Matter recorded';
  return typeof done === 'string' ? titles[done] : undefined;
}
