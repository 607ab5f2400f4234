/**
 * Panel papers: PDF or Word only (the type the browser declares AND the file's first bytes must
 * agree), quality-assured by a team manager (Target 10.2), published to the meeting's members 5
 * working days before it, and every opening audited.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { recordAudit, recordAudits } from '../../platform/audit/service.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { fileTypeOf, fileTypes, uploadForm, type Upload } from '../../platform/uploads/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { forbidden, invalid, notFound, type FieldError, type Result, type Who } from '../../platform/views/results.ts';
import { findVisibleHousehold, householdFor } from '../households/scope.ts';
import type { QaInput } from './forms.ts';
import { opensPaper, uploadsPapersFor } from './scope.ts';
import { incompleteEvidenceOf, type IncompleteEvidence } from './skills-evidence.ts';
import { panelItems, panelMeetings, panelPapers } from './tables.ts';

export const MAX_PAPER_BYTES = 10 * 1024 * 1024;

/** The upload form: a title and one PDF or Word document, declared as such by the browser and by its first bytes. */
export const paperUpload = uploadForm({
  file: 'file',
  fields: ['title'],
  permission: 'panel.papers',
  maxBytes: MAX_PAPER_BYTES,
  types: [fileTypes.pdf, fileTypes.docx, fileTypes.doc],
  declaredTypeMustAgree: true,
  messages: {
    choose: 'Select the paper to upload',
    one: 'The file could not be read: select one file and try again',
    wrongType: 'The selected file must be a PDF or a Word document',
  },
});
export type PaperUpload = Upload<'title'>;

/** The document type by its first bytes (never by its name): PDF, Word (.docx) or older Word (.doc). */
export function paperTypeOf(bytes: Buffer): string | null {
  return fileTypeOf(bytes, paperUpload.form.types)?.contentType ?? null;
}

export function checkPaper({ fields: { title }, file }: PaperUpload): FieldError[] {
  const errors: FieldError[] = [];
  if (!title.trim()) errors.push({ field: 'title', message: 'Enter the paper’s title, for example Form F report' });
  if (title.length > 200) errors.push({ field: 'title', message: 'The title must be 200 characters or fewer' });
  if (!file.ok) errors.push(file.error);
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

/** Uploads a paper for an item: by the panel adviser, one who may change the household, or its assessing social worker. */
export async function uploadPaper(db: Db, who: Who, itemId: string, upload: PaperUpload): Promise<Result> {
  return db.transaction(async (tx) => {
    const found = await itemWithMeeting(tx, itemId);
    if (!found) return notFound;
    // The adviser, one who may change the household, or its named assessing social worker.
    if (!(await uploadsPapersFor(tx, who.user, found.item.householdId))) {
      return (await findVisibleHousehold(tx, who.user, found.item.householdId)) ? forbidden : notFound;
    }
    if (found.meeting.minutesSignedOn) {
      return invalid({ field: 'file', message: 'The minutes of this meeting are signed: no more papers can be added' });
    }
    const errors = checkPaper(upload);
    if (errors.length || !upload.file.ok) return invalid(...errors);
    const { file } = upload;
    const [row] = await tx
      .insert(panelPapers)
      .values({
        itemId,
        title: upload.fields.title.trim(),
        fileName: file.name.replace(/[^\w .()-]/g, '_').slice(0, 120) || 'paper',
        contentType: file.contentType,
        bytes: file.bytes,
        size: file.bytes.length,
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

/** Not published: a skills level's evidence is incomplete, and publishing anyway was not confirmed. */
export type Unconfirmed = { ok: false; reason: 'unconfirmed'; incomplete: IncompleteEvidence[] };

/**
 * Publishes the meeting's quality-assured papers to its members today. When the evidence checklist
 * of a skills level item is incomplete (or not started), only with `withIncompleteEvidence`
 * (the adviser confirmed it), and the audit entry says which items went with how much evidence.
 */
export async function publishPapers(
  db: Db,
  who: Who,
  meetingId: string,
  options: { withIncompleteEvidence?: boolean } = {},
): Promise<Result<{ count: number }> | Unconfirmed> {
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
    const incomplete = await incompleteEvidenceOf(tx, meetingId);
    if (incomplete.length && !options.withIncompleteEvidence) return { ok: false, reason: 'unconfirmed', incomplete };
    const ids = ready.map((r) => r.id);
    await tx.update(panelPapers).set({ publishedOn: todayInLondon() }).where(inArray(panelPapers.id, ids));
    await refreshDueItems(tx, 'panel-meeting', [meetingId]);
    await recordAudits(tx, who.actor, [
      {
        action: 'update',
        recordType: 'panel-meeting',
        recordId: meetingId,
        detail: {
          part: 'papers-published',
          papers: ids.length,
          ...(incomplete.length
            ? { evidenceIncomplete: incomplete.map((i) => ({ item: i.itemId, confirmed: i.confirmed })) }
            : {}),
        },
      },
      ...ids.map((id) => ({ action: 'publish', recordType: 'panel-paper', recordId: id })),
    ]);
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
