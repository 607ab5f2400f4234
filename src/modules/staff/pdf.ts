/** The signed record of a staff supervision session as a PDF: the county's template, both signatures, dates in words. */
import { recordPdf } from '../../platform/pdf/record.ts';
import { formatDate, formatDateTime } from '../../platform/views/format.ts';
import type { MemberRecord } from './queries.ts';
import type { staffSessions } from './tables.ts';
import { memberCaption } from './views.ts';

type Session = typeof staffSessions.$inferSelect;

/** The file's name: "staff-supervision-morgan-member-2026-10-26.pdf". */
export function sessionPdfName(member: MemberRecord, session: Session): string {
  const name = member.displayName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `staff-supervision-${name || 'record'}-${session.heldOn}.pdf`;
}

/** The record of a session signed by both (the caller checks it is signed). */
export function sessionRecordPdf(member: MemberRecord, session: Session, supervisorName: string): Promise<Buffer> {
  const held = formatDate(session.heldOn);
  return recordPdf(
    {
      title: `Staff supervision record: ${member.displayName}, ${held}`,
      heading: 'Record of staff supervision',
      subheading: memberCaption(member),
    },
    (pdf) => {
      pdf.line('Date of the session', held);
      pdf.line('Supervisor', supervisorName);
      pdf.line('Personal development plan reviewed', session.pdpReviewed ? 'Yes' : 'No');
      pdf.line('Next session', session.nextOn ? formatDate(session.nextOn) : 'Not planned');
      pdf.section('Case discussion and reflection', session.caseDiscussion);
      pdf.section('Wellbeing', session.wellbeing);
      pdf.section('Training and development', session.development);
      pdf.section('Actions agreed', session.actions);
      if (session.staffComment) pdf.section(`Comment by ${member.displayName}`, session.staffComment);
      pdf.gap();
      pdf.note(`Signed by the supervisor, ${supervisorName}, on ${formatDateTime(session.supervisorSignedAt)}.`);
      pdf.note(
        session.staffSignedAt
          ? `Signed by ${member.displayName} on ${formatDateTime(session.staffSignedAt)}.`
          : `Not yet signed by ${member.displayName}.`,
      );
    },
  );
}
