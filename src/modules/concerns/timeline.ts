/**
 * A matter's history on one timeline (the MOJ timeline pattern), newest first: when it became
 * known, each step of the LADO process or of the complaint's stages, the outcomes given, the
 * panel, the closing. Every line is the service's words; no ids.
 */
import { named } from '../../platform/views/format.ts';
import type { ComplaintStageRow, ConcernRecord, MatterChild, MeetingRow } from './queries.ts';
import {
  findingNames,
  immediateActionNames,
  meetingNames,
  outcomeNames,
  placementEffectNames,
  raiserNames,
  takenUpNames,
} from './labels.ts';

interface Entry {
  on: string;
  label: string;
  lines: string[];
  by?: string | null;
  /** A "Change" link beside it, saying what it changes (for those who may). */
  change?: TimelineChange | null;
}

export interface TimelineChange {
  href: string;
  what: string;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface TimelineSources {
  record: ConcernRecord;
  children: MatterChild[];
  meetings: { meeting: MeetingRow; byName: string }[];
  stages: ComplaintStageRow[];
  placements: { effect: string; onDate: string; childName: string }[];
  /** The links to put a meeting or the outcome given to the carer right, for those who may. */
  changes?: { meeting(m: MeetingRow): TimelineChange | null; carer: TimelineChange | null };
}

function allegationEntries({ record, meetings, placements, changes }: TimelineSources): Entry[] {
  const c = record.concern;
  const entries: Entry[] = [];
  if (c.referredToLadoOn) {
    entries.push({
      on: c.referredToLadoOn,
      label: 'Referred to the LADO',
      lines: c.ladoName ? [`Referred to ${c.ladoName}`] : [],
    });
  }
  if (c.ladoDecisionOn) {
    entries.push({
      on: c.ladoDecisionOn,
      label: 'The LADO’s decision on immediate action',
      lines: [named(immediateActionNames, c.immediateAction), ...(c.ladoDecisionNotes ? [c.ladoDecisionNotes] : [])],
    });
  }
  for (const { meeting, byName } of meetings) {
    entries.push({
      on: meeting.heldOn,
      label: named(meetingNames, meeting.kind),
      by: byName,
      lines: [
        `Attended: ${meeting.attendees}`,
        `Decided: ${meeting.decisions}`,
        `Police involved: ${meeting.policeInvolved ? 'yes' : 'no'}. Children’s services enquiries: ${meeting.childrensServicesInvolved ? 'yes' : 'no'}.`,
      ],
      change: changes?.meeting(meeting),
    });
  }
  for (const p of placements) {
    entries.push({
      on: p.onDate,
      label: `Placement ${named(placementEffectNames, p.effect).toLowerCase()}: ${p.childName}`,
      lines: [],
    });
  }
  if (c.outcomeOn) entries.push({ on: c.outcomeOn, label: `Outcome: ${named(outcomeNames, c.outcome)}`, lines: [] });
  if (c.carerToldOn)
    entries.push({
      on: c.carerToldOn,
      label: 'Outcome given to the carer',
      lines: [],
      by: c.carerToldBy,
      change: changes?.carer,
    });
  if (c.presentedToPanelOn) {
    entries.push({
      on: c.presentedToPanelOn,
      label: 'Presented to the fostering panel',
      lines: [
        c.approvalReview ? 'A review of the carers’ approval follows' : 'No review of the carers’ approval follows',
      ],
    });
  }
  return entries;
}

function complaintEntries({ stages }: TimelineSources): Entry[] {
  const entries: Entry[] = [];
  for (const s of stages) {
    if (s.stage > 1) entries.push({ on: s.receivedOn, label: `Stage ${s.stage} requested`, lines: [] });
    if (s.panelOn)
      entries.push({ on: s.panelOn, label: 'Review panel met', lines: s.reportOn ? [] : ['Report not yet sent'] });
    if (s.reportOn) entries.push({ on: s.reportOn, label: 'Review panel’s report sent', lines: [] });
    if (s.respondedOn) {
      entries.push({
        on: s.respondedOn,
        label: `Stage ${s.stage} response: ${named(findingNames, s.finding)}`,
        lines: s.response ? [s.response] : [],
      });
    }
  }
  return entries;
}

/** The matter's timeline items for mojTimeline, newest first (same-day entries in the order they happen). */
export function timelineItems(sources: TimelineSources) {
  const { record, children } = sources;
  const c = record.concern;
  const entries: Entry[] = [
    {
      on: c.knownOn,
      label: c.kind === 'complaint' || c.kind === 'compliment' ? 'Received' : 'Became known',
      lines: [
        `Raised by ${named(raiserNames, c.raisedBy).toLowerCase()}${c.raisedByName ? `: ${c.raisedByName}` : ''}`,
      ],
      by: record.recordedByName,
    },
    ...(c.kind === 'allegation' ? allegationEntries(sources) : []),
    ...(c.kind === 'complaint' ? complaintEntries(sources) : []),
  ];
  if (c.supportOfferedOn) {
    entries.push({
      on: c.supportOfferedOn,
      label: 'Independent support offered to the carer',
      lines: [
        `${c.supportBy}${c.supportOrganisation ? `, ${c.supportOrganisation}` : ''}: ${named(takenUpNames, c.supportTakenUp).toLowerCase()}`,
      ],
    });
  }
  for (const child of children.filter((x) => x.outcomeToldOn)) {
    entries.push({
      on: child.outcomeToldOn!,
      label: `Outcome given to ${child.name}`,
      lines: child.outcomeToldHow ? [child.outcomeToldHow] : [],
      by: child.outcomeToldBy,
    });
  }
  if (c.closedOn && c.kind !== 'compliment') {
    entries.push({
      on: c.closedOn,
      label: 'Closed',
      lines: [c.result, c.learning ? `Learning: ${c.learning}` : null].filter((l): l is string => !!l),
    });
  }
  return entries
    .map((e, order) => ({ e, order }))
    .sort((a, b) => (a.e.on === b.e.on ? b.order - a.order : a.e.on < b.e.on ? 1 : -1))
    .map(({ e }) => ({
      label: { text: e.label },
      html:
        e.lines.map((l) => `<p class="govuk-body app-concerns__text">${escapeHtml(l)}</p>`).join('') +
        (e.change
          ? `<p class="govuk-body"><a class="govuk-link" href="${escapeHtml(e.change.href)}">Change<span class="govuk-visually-hidden"> ${escapeHtml(e.change.what)}</span></a></p>`
          : ''),
      datetime: { timestamp: e.on, type: 'date' },
      ...(e.by ? { byline: { text: e.by } } : {}),
    }));
}
