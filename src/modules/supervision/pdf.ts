import { recordPdf } from '../../platform/pdf/record.ts';
import { formatDate, formatDateTime } from '../../platform/views/format.ts';
import type { SupervisionRecord } from './queries.ts';
import { profileSeenName, seenName } from './views.ts';

interface Details {
  seen: { name: string; reference: string; seen: string }[];
  actions: { action: string; owner: string; dueOn: string }[];
}

type RecordForPdf = Pick<SupervisionRecord, 'supervision' | 'authorName' | 'finalisedByName'> & {
  household: { name: string; reference: string };
};

/** The signed record of a finalised supervision, as a PDF for the carers (platform/pdf/record.ts lays it out). */
export async function supervisionRecordPdf(record: RecordForPdf, details: Details): Promise<Buffer> {
  const { supervision, household } = record;
  const title = `Supervision record: ${household.name} (${household.reference}), ${formatDate(supervision.visitDate)}`;
  return recordPdf(
    { title, heading: 'Record of supervision', subheading: `${household.name} (${household.reference})` },
    ({ line, section, note, gap }) => {
      line('Date of the visit', formatDate(supervision.visitDate));
      line('Visit', supervision.announced ? 'Announced' : 'Unannounced');
      line('Who attended', supervision.attendees);
      line('Recorded by', record.authorName);
      section('What is working well?', supervision.workingWell);
      section('What are we worried about?', supervision.worries);
      section('What needs to happen?', supervision.needsToHappen);
      section(
        'Scaling',
        `${supervision.scalingQuestion ?? 'Not recorded'}\nScore: ${supervision.scalingScore ?? 'not recorded'} out of 10`,
      );
      section('What the children said', supervision.childrenVoice);
      section('Training and development plan: progress', supervision.trainingProgress);
      section(
        'Did a child placed since the last visit see the carers’ profile before arriving?',
        profileSeenName(supervision.profileSeenBeforeArrival),
      );
      section(
        'Children placed at the visit',
        details.seen.length
          ? details.seen.map((c) => `${c.name} (${c.reference}): ${seenName(c.seen).toLowerCase()}`).join('\n')
          : 'No children were placed on the date of the visit.',
      );
      section(
        'Actions',
        details.actions.length
          ? details.actions.map((a, i) => `${i + 1}. ${a.action} (${a.owner}, by ${formatDate(a.dueOn)})`).join('\n')
          : 'No actions were recorded.',
      );
      gap();
      note(
        `Finalised and signed by ${record.finalisedByName ?? 'the supervising social worker'} on ${formatDateTime(
          supervision.finalisedAt,
        )}.`,
      );
    },
  );
}
