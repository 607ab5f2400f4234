/** What the household's recruitment page shows, in words: its summary, clocks, checks and records. */
import { differenceInDays, todayInLondon, type IsoDate } from '../../platform/dates/index.ts';
import { formatDate, named } from '../../platform/views/format.ts';
import type { HouseholdRecord } from '../households/scope.ts';
import {
  approvalStandsWhile,
  checkOutcomeText,
  statusName,
  statusTagClasses,
  type HouseholdStatus,
} from '../households/labels.ts';
import { stateNames, type CheckState } from './checks.ts';
import {
  checkKindNames,
  exitInterviewNames,
  exitThemeNames,
  interestNames,
  leavingReasonNames,
  ofstedCodeNames,
  sourceNames,
  wouldReturnNames,
} from './labels.ts';
import type { RecruitmentRecord } from './queries.ts';
import {
  enquiryAnswerBy,
  NMS_14_4,
  panelDueBy,
  postApprovalDueBy,
  STAGE_1_TARGET_MONTHS,
  STAGE_2_TARGET_MONTHS,
  stage1TargetBy,
  stage2TargetBy,
  TARGET_3,
} from './settings.ts';

type Row = {
  key: { text: string };
  value: { text: string };
  actions?: { items: { href: string; text: string; visuallyHiddenText: string }[] };
};
const row = (key: string, value: string | null | undefined): Row => ({
  key: { text: key },
  value: { text: value || 'Not recorded' },
});
/** A row with a Change link to the form that corrects it (for those who may). */
const changeable = (r: Row, href: string | null | undefined, what: string): Row =>
  href ? { ...r, actions: { items: [{ href, text: 'Change', visuallyHiddenText: what }] } } : r;
const cell = (text: string | null | undefined) => ({ text: text || '' });
const date = (value: string | null | undefined) => (value ? formatDate(value) : '');

export function statusTag(status: string) {
  return { text: statusName(status), classes: statusTagClasses[status as HouseholdStatus] ?? 'govuk-tag--grey' };
}

/** "Met on 3 May 2026", "Overdue by 4 days", "12 days left". */
function clockState(dueOn: IsoDate, metOn: IsoDate | null, today: IsoDate) {
  if (metOn)
    return {
      html: `<strong class="govuk-tag ${metOn <= dueOn ? 'govuk-tag--green' : 'govuk-tag--orange'}">Met ${formatDate(metOn)}</strong>`,
    };
  const left = differenceInDays(dueOn, today);
  if (left < 0)
    return {
      html: `<strong class="govuk-tag govuk-tag--red">Overdue by ${-left} ${-left === 1 ? 'day' : 'days'}</strong>`,
    };
  return { text: `${left} ${left === 1 ? 'day' : 'days'} left` };
}

const stillOpen = (h: HouseholdRecord) => ['enquiry', 'applicant', 'in_assessment'].includes(h.status);

/** The clocks running on the household: the enquiry's answer, the 8-month clock, the local stage targets, the post-approval interview. */
export function clocks(h: HouseholdRecord, r: RecruitmentRecord, today = todayInLondon()) {
  const rows: ReturnType<typeof cell | typeof clockState>[][] = [];
  const e = r.enquiry;
  if (e)
    rows.push([
      cell('Enquiry answered'),
      cell(date(enquiryAnswerBy(e.enquiredOn))),
      cell('Local target'),
      clockState(enquiryAnswerBy(e.enquiredOn), e.answeredOn, today),
    ]);
  const a = r.assessment;
  if (a) {
    const panelMet = stillOpen(h) ? null : h.statusSince;
    rows.push([
      cell('Panel recommendation'),
      cell(date(panelDueBy(a.appliedOn))),
      cell(`${NMS_14_4}: within 8 months of the application`),
      panelMet ? cell('Left assessment ' + formatDate(panelMet)) : clockState(panelDueBy(a.appliedOn), null, today),
    ]);
    const stage1Done =
      r.required.length > 0 && r.required.every((c) => c.state === 'done')
        ? (r.required
            .map((c) => c.doneOn!)
            .sort()
            .at(-1) ?? null)
        : null;
    rows.push([
      cell('Stage 1 checks done'),
      cell(date(stage1TargetBy(a.appliedOn))),
      cell(`Local target: ${STAGE_1_TARGET_MONTHS} months from the application (not law)`),
      clockState(stage1TargetBy(a.appliedOn), stage1Done, today),
    ]);
    if (a.startedOn) {
      rows.push([
        cell('Stage 2 assessment complete'),
        cell(date(stage2TargetBy(a.startedOn))),
        cell(`Local target: ${STAGE_2_TARGET_MONTHS} months from its start (not law)`),
        clockState(stage2TargetBy(a.startedOn), a.completedOn, today),
      ]);
    }
  }
  if (h.approvedOn && approvalStandsWhile(h.status)) {
    rows.push([
      cell('Post-approval interview'),
      cell(date(postApprovalDueBy(h.approvedOn))),
      cell(`${TARGET_3}: six months after approval`),
      clockState(postApprovalDueBy(h.approvedOn), r.interview?.interviewedOn ?? null, today),
    ]);
  }
  return rows;
}

/** The road so far; `change` gives the forms that correct its rows, where the viewer may use them. */
export function summaryRows(
  h: HouseholdRecord,
  r: RecruitmentRecord,
  change: { appliedOn?: string | null } = {},
): Row[] {
  const e = r.enquiry;
  const a = r.assessment;
  const rows: Row[] = [];
  if (e) {
    rows.push(row('Enquiry', `${formatDate(e.enquiredOn)}, heard of us by: ${named(sourceNames, e.source)}`));
    rows.push(row('Interested in', e.interests.map((i) => named(interestNames, i)).join(', ')));
    rows.push(
      row(
        'Contact',
        [e.secondName ? `Also: ${e.secondName}` : '', e.email ?? '', e.phone ?? ''].filter(Boolean).join('; '),
      ),
    );
    rows.push(row('Enquiry answered', e.answeredOn ? formatDate(e.answeredOn) : 'Not yet'));
  }
  if (r.events.length) {
    rows.push(
      row(
        'Information events',
        r.events.map((ev) => `${formatDate(ev.heldOn)}, ${ev.place}${ev.online ? ' (online)' : ''}`).join('; '),
      ),
    );
  }
  if (a) {
    rows.push(
      changeable(
        row('Application received', formatDate(a.appliedOn)),
        change.appliedOn,
        'the date the application was received',
      ),
    );
    rows.push(row('Assessment started', a.startedOn ? formatDate(a.startedOn) : 'Not yet'));
    rows.push(row('Assessing social worker', r.assessorName));
    rows.push(
      row(
        'Mentor',
        r.mentorName ? `${r.mentorName} household, allocated ${date(a.mentorAllocatedOn)}` : 'Not allocated',
      ),
    );
    rows.push(row('Supervising social worker (allocated before panel)', h.sswName ?? 'Not allocated'));
    rows.push(
      row(
        'Pre-approval training',
        a.trainingCompletedOn
          ? `${a.trainingCourse ?? 'Course'}, completed ${formatDate(a.trainingCompletedOn)}`
          : 'Not yet',
      ),
    );
    rows.push(row('Assessment complete', a.completedOn ? formatDate(a.completedOn) : 'Not yet'));
  }
  if (h.approvedOn) rows.push(row('Approved', formatDate(h.approvedOn)));
  return rows;
}

const stateClass: Record<CheckState, string> = {
  done: 'govuk-tag--green',
  missing: 'govuk-tag--grey',
  not_satisfactory: 'govuk-tag--red',
  expired: 'govuk-tag--orange',
};

export function requiredRows(r: RecruitmentRecord) {
  return r.required.map((c) => [
    cell(c.label),
    cell(date(c.doneOn)),
    cell(date(c.expiresOn)),
    { html: `<strong class="govuk-tag ${stateClass[c.state]}">${stateNames[c.state]}</strong>` },
  ]);
}

export function checkRows(r: RecruitmentRecord) {
  const people = [...r.people.carers, ...r.people.adults];
  const whose = (carerId: string | null, memberId: string | null) =>
    carerId || memberId
      ? (people.find((p) => p.carerId === carerId && p.memberId === memberId)?.name ?? 'A former member')
      : 'The household';
  return r.checks.map((c) => [
    cell(named(checkKindNames, c.kind)),
    cell(whose(c.carerId, c.memberId)),
    cell(date(c.doneOn)),
    cell(checkOutcomeText(c)),
    cell(date(c.expiresOn)),
  ]);
}

export function visitRows(r: RecruitmentRecord) {
  return r.visits.map((v) => [
    cell(date(v.visit.visitedOn)),
    cell(v.workerName),
    cell(v.visit.proceed ? 'Proceed to application' : 'Do not proceed'),
    cell(v.visit.reasons),
  ]);
}

/** The records beside the road in and after it: withdrawal, a transfer from an agency, exemptions, the post-approval interview, leaving. */
export function sections(r: RecruitmentRecord) {
  const out: { heading: string; rows: Row[] }[] = [];
  const w = r.withdrawal;
  if (w) {
    out.push({
      heading: 'Withdrawal',
      rows: [
        row('Withdrew', `${formatDate(w.withdrawnOn)}, at ${statusName(w.stage).toLowerCase()}`),
        row('Ofsted reason', named(ofstedCodeNames, w.ofstedCode)),
        row('Reason given', w.reason),
      ],
    });
  }
  const tr = r.transfer;
  if (tr) {
    out.push({
      heading: 'Transfer from a fostering agency',
      rows: [
        row('Fostering agency', tr.agencyName),
        row('Approved by the agency', formatDate(tr.agencyApprovedOn)),
        row('Told they will be paid on the council’s fees and allowances', formatDate(tr.toldOfPaymentsOn)),
        row('Transfer protocol meeting', tr.protocolMeetingOn ? formatDate(tr.protocolMeetingOn) : 'Not yet held'),
        row('Children placed by the agency', tr.childrenPlaced ?? 'None recorded'),
      ],
    });
  }
  for (const x of r.exemptions) {
    out.push({
      heading: x.endedOn
        ? `Exemption agreed ${formatDate(x.agreedOn)} (ended ${formatDate(x.endedOn)})`
        : `Exemption agreed ${formatDate(x.agreedOn)}`,
      rows: [
        row('Agreed by', x.agreedBy),
        row('Children covered', x.childrenCovered),
        row('Reason', x.reason),
        row('Review by', formatDate(x.reviewOn)),
      ],
    });
  }
  const i = r.interview;
  if (i) {
    out.push({
      heading: 'Post-approval interview',
      rows: [
        row('Held', formatDate(i.interviewedOn)),
        row(
          'Did the mentor help?',
          { yes: 'Yes', no: 'No', no_mentor: 'They had no mentor' }[i.mentorHelped ?? ''] ?? '',
        ),
        row('Feedback', i.feedback),
      ],
    });
  }
  const l = r.leaving;
  if (l) {
    out.push({
      heading: 'Leaving',
      rows: [
        row('Why', named(leavingReasonNames, l.reason)),
        row('Left', formatDate(l.leftOn)),
        row(
          'Exit interview',
          `${named(exitInterviewNames, l.exitInterview)}${l.interviewOn ? `, ${formatDate(l.interviewOn)}` : ''}`,
        ),
        row('Themes', l.themes.map((t) => named(exitThemeNames, t)).join(', ')),
        row('What they said', l.notes),
        row('Would return', named(wouldReturnNames, l.wouldReturn)),
      ],
    });
  }
  return out;
}
