/** Lifelong Links work in words: its stage ("Family network meeting held on 3 March 2026") and each step. */
import { formatDate, named } from '../../platform/views/format.ts';
import { endReasonNames, notAskedReasonNames, type Stage } from './labels.ts';
import type { ListRow, WorkRow } from './queries.ts';

type StageFacts = Pick<
  WorkRow,
  | 'stage'
  | 'identifiedOn'
  | 'agreedOn'
  | 'notAskedReason'
  | 'peopleFound'
  | 'peopleContacted'
  | 'meetingOn'
  | 'planAgreedOn'
  | 'endedOn'
  | 'endReason'
>;

const people = (n: number) => (n === 1 ? '1 person' : `${n} people`);

/** Where the work has got to, in a sentence. */
export function stageText(w: StageFacts): string {
  switch (w.stage) {
    case 'ended':
      return `Ended on ${formatDate(w.endedOn!)}: ${named(endReasonNames, w.endReason).toLowerCase()}`;
    case 'plan':
      return `Plan agreed on ${formatDate(w.planAgreedOn!)}`;
    case 'meeting':
      return `Family network meeting held on ${formatDate(w.meetingOn!)}`;
    case 'finding': {
      const agreed = w.agreedOn
        ? `The child agreed on ${formatDate(w.agreedOn)}`
        : named(notAskedReasonNames, w.notAskedReason);
      return `${agreed}. Finding people who matter: ${people(w.peopleFound)} found, ${w.peopleContacted} contacted`;
    }
    case 'identified':
      return `Identified on ${formatDate(w.identifiedOn)}: waiting for the child’s agreement`;
  }
}

/** Whether the work is open or ended, as a tag beside its stage (the list, the section, the work's page). */
export function stageTag(stage: Stage) {
  return stage === 'ended'
    ? { text: 'Ended', classes: 'govuk-tag--grey' }
    : { text: 'Open', classes: 'govuk-tag--blue' };
}

const by = (name: string | null) => (name ? `Recorded by ${name}` : null);

/** Every step of the work with its date (or "Not yet") and who recorded it, for its page. */
export function stepRows(w: WorkRow) {
  const agreement = w.agreedOn
    ? `Agreed on ${formatDate(w.agreedOn)}`
    : named(notAskedReasonNames, w.notAskedReason) || 'Not recorded yet';
  return [
    {
      key: 'identified',
      name: 'Identified',
      value: formatDate(w.identifiedOn),
      by: by(w.identifiedByName),
    },
    { key: 'agreement', name: 'The child’s agreement', value: agreement, by: by(w.agreementRecordedByName) },
    {
      key: 'people',
      name: 'Coordinator and people found',
      value: `${w.coordinator ? `Coordinator: ${w.coordinator}. ` : 'No coordinator recorded. '}${people(w.peopleFound)} found, ${w.peopleContacted} contacted`,
      by: w.peopleRecordedByName ? `Updated on ${formatDate(w.peopleRecordedOn!)} by ${w.peopleRecordedByName}` : null,
    },
    {
      key: 'meeting',
      name: 'Family network meeting',
      value: w.meetingOn ? `Held on ${formatDate(w.meetingOn)}` : 'Not held yet',
      by: by(w.meetingRecordedByName),
    },
    {
      key: 'plan',
      name: 'Plan agreed',
      value: w.planAgreedOn ? `Agreed on ${formatDate(w.planAgreedOn)}` : 'Not agreed yet',
      note: w.planNote,
      by: by(w.planRecordedByName),
    },
    {
      key: 'end',
      name: 'Ended',
      value: w.endedOn
        ? `Ended on ${formatDate(w.endedOn)}: ${named(endReasonNames, w.endReason).toLowerCase()}`
        : 'Open',
      note: w.endNote,
      by: w.endedByName ? `Ended by ${w.endedByName}` : null,
    },
  ];
}

/** A row of the list, in words. */
export function listRowView(r: ListRow) {
  return {
    workId: r.id,
    child: `${r.childName} (${r.reference})`,
    area: r.areaName,
    tag: stageTag(r.stage),
    stage: stageText({ ...r }),
    identifiedOn: formatDate(r.identifiedOn),
  };
}
