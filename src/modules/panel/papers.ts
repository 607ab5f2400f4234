/**
 * Panel papers: PDF or Word only (the type the browser declares AND the file's first bytes must
 * agree), quality-assured by a team manager (Target 10.2), published to the meeting's members 5
 * working days before it, and every opening audited.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { forbidden, invalid, notFound, type FieldError, type Result, type Who } from '../../platform/views/results.ts';
import { householdFor } from '../households/access.ts';
import type { QaInput } from './forms.ts';
import { opensPaper } from './scope.ts';
import { panelItems, panelMeetings, panelPapers } from './tables.ts';

export const MAX_PAPER_BYTES = 10 * 1024 * 1024;

/** What the upload form sent, read from the multipart body before the handler runs. */
export interface PaperUpload {
  title: string;
  fileName: string;
  contentType: string;
  bytes: Buffer;
  files: number;
  tooLarge: boolean;
  unreadable: boolean;
}

export const emptyPaperUpload = (): PaperUpload => ({
  title: '',
  fileName: '',
  contentType: '',
  bytes: Buffer.alloc(0),
  files: 0,
  tooLarge: false,
  unreadable: false,
});

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const DOC = 'application/msword';

/** The document type by its first bytes (never by its name): PDF, Word (.docx, a zip) or older Word (.doc). */
export function paperTypeOf(bytes: Buffer): typeof PDF | typeof DOCX | typeof DOC | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return PDF;
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) && bytes.includes('word/')) return DOCX;
  if (bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return DOC;
  return null;
}

export function checkPaper(upload: PaperUpload): FieldError[] {
  const errors: FieldError[] = [];
  if (!upload.title.trim())
    errors.push({ field: 'title', message: 'Enter the paper’s title, for example Form F report' });
  if (upload.title.length > 200) errors.push({ field: 'title', message: 'The title must be 200 characters or fewer' });
  if (upload.unreadable)
    errors.push({ field: 'file', message: 'The file could not be read: select one file and try again' });
  else if (upload.files === 0) errors.push({ field: 'file', message: 'Select the paper to upload' });
  else if (upload.tooLarge) errors.push({ field: 'file', message: 'The selected file must be smaller than 10 MB' });
  else {
    const type = paperTypeOf(upload.bytes);
    if (!type || type !== upload.contentType) {
      errors.push({ field: 'file', message: 'The selected file must be a PDF or a Word document' });
    }
  }
  return errors;
}

async function itemWithMeeting(db: DbOrTx, itemId: string) {
  const [row] = await db
    .select({ item: panelItems, meeting: panelMeetings })
    .from(panelItems)
    .innerJoin(panelMeetings, eq(panelMeetings.id, panelItems.meetingId))
    .where(eq(panelItems.id, itemId));
  return row ?? null;
}

/** Uploads a paper for an item: by someone who may change the household, or the panel adviser. */
export async function uploadPaper(db: Db, who: Who, itemId: string, upload: PaperUpload): Promise<Result> {
  return db.transaction(async (tx) => {
    const found = await itemWithMeeting(tx, itemId);
    if (!found) return notFound;
    if (who.user.role !== 'panel_adviser') {
      const access = await householdFor(tx, who.user, found.item.householdId, 'change');
      if (!access.ok) return access;
    }
    if (found.meeting.minutesSignedOn) {
      return invalid({ field: 'file', message: 'The minutes of this meeting are signed: no more papers can be added' });
    }
    const errors = checkPaper(upload);
    if (errors.length) return invalid(...errors);
    const [row] = await tx
      .insert(panelPapers)
      .values({
        itemId,
        title: upload.title.trim(),
        fileName: upload.fileName.replace(/[^\w .()-]/g, '_').slice(0, 120) || 'paper',
        contentType: upload.contentType,
        bytes: upload.bytes,
        size: upload.bytes.length,
        uploadedBy: who.user.id,
      })
      .returning({ id: panelPapers.id });
    await refreshDueItems(tx, 'panel-meeting', [found.meeting.id]);
    await recordAudit(tx, who.actor, { action: 'create', recordType: 'panel-paper', recordId: row!.id });
    return { ok: true, id: row!.id };
  });
}

/** A team manager of the household's team (or the head of fostering) quality-assures a paper. */
export async function assurePaper(db: Db, who: Who, paperId: string, input: QaInput): Promise<Result> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ paper: panelPapers, item: panelItems })
      .from(panelPapers)
      .innerJoin(panelItems, eq(panelItems.id, panelPapers.itemId))
      .where(eq(panelPapers.id, paperId));
    if (!row) return notFound;
    if (who.user.role !== 'team_manager' && who.user.role !== 'head_of_fostering') return forbidden;
    const access = await householdFor(tx, who.user, row.item.householdId, 'change');
    if (!access.ok) return access;
    if (row.paper.publishedOn)
      return invalid({ field: 'outcome', message: 'The paper is already published to members' });
    await tx
      .update(panelPapers)
      .set({ qaBy: who.user.id, qaOn: todayInLondon(), qaOutcome: input.outcome, qaNotes: input.notes })
      .where(eq(panelPapers.id, paperId));
    await refreshDueItems(tx, 'panel-meeting', [row.item.meetingId]);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'panel-paper',
      recordId: paperId,
      detail: { part: 'quality-assurance', outcome: input.outcome },
    });
    return { ok: true, id: row.item.meetingId };
  });
}

/** Publishes the meeting's quality-assured papers to its members today. */
export async function publishPapers(db: Db, who: Who, meetingId: string): Promise<Result<{ count: number }>> {
  return db.transaction(async (tx) => {
    const [meeting] = await tx.select().from(panelMeetings).where(eq(panelMeetings.id, meetingId));
    if (!meeting) return notFound;
    if (meeting.minutesSignedOn) return invalid({ field: 'publish', message: 'The minutes are signed' });
    const ready = await tx
      .select({ id: panelPapers.id })
      .from(panelPapers)
      .innerJoin(panelItems, eq(panelItems.id, panelPapers.itemId))
      .where(
        and(
          eq(panelItems.meetingId, meetingId),
          eq(panelPapers.qaOutcome, 'accepted'),
          isNull(panelPapers.publishedOn),
        ),
      );
    if (!ready.length) {
      return invalid({
        field: 'publish',
        message: 'No paper is ready to publish: each paper must first be quality-assured by a team manager',
      });
    }
    const ids = ready.map((r) => r.id);
    await tx.update(panelPapers).set({ publishedOn: todayInLondon() }).where(inArray(panelPapers.id, ids));
    await refreshDueItems(tx, 'panel-meeting', [meetingId]);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'panel-meeting',
      recordId: meetingId,
      detail: { part: 'papers-published', papers: ids.length },
    });
    return { ok: true, count: ids.length };
  });
}

/** Opens a paper: checked against who may open it today, and written to the audit trail. */
export async function openPaper(db: Db, who: Who, paperId: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ paper: panelPapers, item: panelItems, meeting: panelMeetings })
      .from(panelPapers)
      .innerJoin(panelItems, eq(panelItems.id, panelPapers.itemId))
      .innerJoin(panelMeetings, eq(panelMeetings.id, panelItems.meetingId))
      .where(eq(panelPapers.id, paperId));
    if (!row) return null;
    if (!(await opensPaper(tx, who.user, row.paper, row.meeting, row.item.householdId))) return null;
    await recordAudit(tx, who.actor, { action: 'view', recordType: 'panel-paper', recordId: paperId });
    return row.paper;
  });
}
