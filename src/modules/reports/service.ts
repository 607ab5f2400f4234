import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { recordAudit, type Actor } from '../../platform/audit/service.ts';
import { users } from '../../platform/auth/tables.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import type { Quarter } from '../../platform/dates/quarters.ts';
import { buildContent, earlierFromIssued, type Narrative, type ReportContent } from './content.ts';
import { reportDocx } from './docx.ts';
import { quarterlyReports } from './tables.ts';

export type ReportRow = typeof quarterlyReports.$inferSelect & { issuedByName: string | null };

export async function findReport(db: DbOrTx, quarterStart: IsoDate): Promise<ReportRow | null> {
  const [row] = await db
    .select({ report: quarterlyReports, issuedByName: users.displayName })
    .from(quarterlyReports)
    .leftJoin(users, eq(users.id, quarterlyReports.issuedByUserId))
    .where(eq(quarterlyReports.quarterStart, quarterStart));
  return row ? { ...row.report, issuedByName: row.issuedByName } : null;
}

/** The reports kept, newest quarter first, without their stored copies. */
export async function listReports(db: DbOrTx) {
  return db
    .select({
      quarterStart: quarterlyReports.quarterStart,
      status: quarterlyReports.status,
      issuedOn: quarterlyReports.issuedOn,
      issuedByName: users.displayName,
    })
    .from(quarterlyReports)
    .leftJoin(users, eq(users.id, quarterlyReports.issuedByUserId))
    .orderBy(desc(quarterlyReports.quarterStart));
}

async function lastIssuedBefore(db: DbOrTx, quarterStart: IsoDate) {
  const [row] = await db
    .select({ content: quarterlyReports.issuedContent, issuedOn: quarterlyReports.issuedOn })
    .from(quarterlyReports)
    .where(and(eq(quarterlyReports.status, 'issued'), lt(quarterlyReports.quarterStart, quarterStart)))
    .orderBy(desc(quarterlyReports.quarterStart))
    .limit(1);
  return row?.content && row.issuedOn ? earlierFromIssued(row.content, row.issuedOn) : null;
}

export function narrativeOf(row: Pick<ReportRow, 'foreword' | 'offTarget' | 'nextQuarter'> | null): Narrative {
  return { foreword: row?.foreword ?? '', offTarget: row?.offTarget ?? '', nextQuarter: row?.nextQuarter ?? '' };
}

export interface QuarterReport {
  row: ReportRow | null;
  content: ReportContent;
  issued: boolean;
  /** "Issued on 5 January 2027 by Helen Hartley", or that it is a draft. */
  status: string;
}

export function statusText(row: ReportRow | null): string {
  return row?.status === 'issued' && row.issuedOn
    ? `Issued on ${formatDate(row.issuedOn)} by ${row.issuedByName ?? 'the head of fostering'}`
    : 'Draft: not yet issued';
}

/** The report of a quarter: as issued when it has been, otherwise the draft from today's records. */
export async function quarterReport(db: DbOrTx, quarter: Quarter, today: IsoDate): Promise<QuarterReport> {
  const row = await findReport(db, quarter.start);
  if (row?.status === 'issued' && row.issuedContent) {
    return { row, content: row.issuedContent, issued: true, status: statusText(row) };
  }
  const earlier = await lastIssuedBefore(db, quarter.start);
  const content = await buildContent(db, quarter, narrativeOf(row), earlier, today);
  return { row, content, issued: false, status: statusText(row) };
}

export class ReportIssuedError extends Error {
  constructor() {
    super('This report has been issued and can no longer be changed');
  }
}

/** Keeps the head's foreword and narrative on the quarter's draft (creating it); an issued report is refused. */
export async function saveNarrative(db: Db, actor: Actor, quarterStart: IsoDate, input: Narrative): Promise<void> {
  await db.transaction(async (tx) => {
    const values = { ...input, changedByUserId: actor.userId, changedAt: new Date() };
    const [row] = await tx
      .insert(quarterlyReports)
      .values({ quarterStart, ...values })
      .onConflictDoUpdate({
        target: quarterlyReports.quarterStart,
        set: values,
        setWhere: sql`${quarterlyReports.status} = 'draft'`,
      })
      .returning({ id: quarterlyReports.id });
    if (!row) throw new ReportIssuedError();
    await recordAudit(tx, actor, {
      action: 'update',
      recordType: 'quarterly-report',
      recordId: row.id,
      detail: { changed: 'narrative' },
    });
  });
}

/**
 * Issues the quarter's report: stores its content as it reads today and its Word document, with the
 * day and who issued it. From then on the report never changes.
 */
export async function issueReport(
  db: Db,
  actor: Actor,
  by: { id: string; displayName: string },
  quarter: Quarter,
  today: IsoDate,
): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await findReport(tx, quarter.start);
    if (row?.status === 'issued') throw new ReportIssuedError();
    const earlier = await lastIssuedBefore(tx, quarter.start);
    const content = await buildContent(tx, quarter, narrativeOf(row), earlier, today);
    const docx = await reportDocx(content, `Issued on ${formatDate(today)} by ${by.displayName}`);
    const issued = {
      status: 'issued',
      issuedOn: today,
      issuedByUserId: by.id,
      issuedContent: content,
      issuedDocx: docx,
    };
    const [saved] = await tx
      .insert(quarterlyReports)
      .values({ quarterStart: quarter.start, changedByUserId: by.id, ...issued })
      .onConflictDoUpdate({ target: quarterlyReports.quarterStart, set: issued })
      .returning({ id: quarterlyReports.id });
    await recordAudit(tx, actor, {
      action: 'update',
      recordType: 'quarterly-report',
      recordId: saved!.id,
      detail: { issued: today },
    });
  });
}

/** The Word document: the stored copy of an issued report, or the draft's made now. */
export async function reportDocument(db: DbOrTx, quarter: Quarter, today: IsoDate): Promise<Buffer> {
  const row = await findReport(db, quarter.start);
  if (row?.status === 'issued' && row.issuedDocx) return row.issuedDocx;
  const report = await quarterReport(db, quarter, today);
  return reportDocx(report.content, report.status);
}
