import PDFDocument from 'pdfkit';
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

/** The signed record of a finalised supervision, as a PDF for the carers. */
export async function supervisionRecordPdf(record: RecordForPdf, details: Details): Promise<Buffer> {
  const { supervision, household } = record;
  const title = `Supervision record: ${household.name} (${household.reference}), ${formatDate(supervision.visitDate)}`;
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title, Author: 'Hearth fostering service' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(20).text('Record of supervision');
  doc.font('Helvetica').fontSize(12).text(`${household.name} (${household.reference})`);
  doc.moveDown(0.5);
  const line = (label: string, value: string | null) => {
    doc.font('Helvetica-Bold').fontSize(11).text(`${label}: `, { continued: true });
    doc.font('Helvetica').text(value ?? 'Not recorded');
  };
  line('Date of the visit', formatDate(supervision.visitDate));
  line('Visit', supervision.announced ? 'Announced' : 'Unannounced');
  line('Who attended', supervision.attendees);
  line('Recorded by', record.authorName);
  const section = (heading: string, body: string | null) => {
    doc.moveDown(0.6);
    doc.font('Helvetica-Bold').fontSize(14).text(heading);
    doc.moveDown(0.2);
    doc
      .font('Helvetica')
      .fontSize(11)
      .text(body ?? 'Not recorded');
  };
  section('What is working well?', supervision.workingWell);
  section('What are we worried about?', supervision.worries);
  section('What needs to happen?', supervision.needsToHappen);
  section(
    'Scaling',
    `${supervision.scalingQuestion ?? 'Not recorded'}\nScore: ${supervision.scalingScore ?? 'not recorded'} out of 10`,
  );
  section('What the children said', supervision.childrenVoice ?? 'Not recorded');
  section('Training and development plan: progress', supervision.trainingProgress ?? 'Not recorded');
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
  doc.moveDown(1);
  doc
    .font('Helvetica-Oblique')
    .fontSize(10)
    .text(
      `Finalised and signed by ${record.finalisedByName ?? 'the supervising social worker'} on ${formatDateTime(
        supervision.finalisedAt,
      )}.`,
    );
  doc.end();
  return finished;
}
