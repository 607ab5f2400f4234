/**
 * What the panel takes from other records: the households offered for approval (only those whose
 * assessment is complete), the allegation marked presented when the panel makes its
 * recommendation, and a paper that is not a PDF or Word refused with the title kept.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile, type Agent } from '../../../test/support/app.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { allegationsAwaitingPanel } from '../concerns/panel.ts';
import { concerns } from '../concerns/tables.ts';
import { makeMatter } from '../concerns/test-support.ts';
import { makeRoad } from '../recruitment/test-support.ts';
import { approvalCandidates } from './agenda.ts';
import { makeMeeting, makeQuorateMeeting, postPaper, recommendApproval, type PaperFile } from './test-support.ts';
import { panelItems, panelPapers } from './tables.ts';

const t = testAppForFile();
const db = () => t.database.db;
const today = todayInLondon();
const inAssessment = { status: 'in_assessment', statusSince: '2026-03-02', approvedOn: null };

describe('households offered to the panel for approval', () => {
  it('are those in assessment whose assessment is complete, until they are put to the panel', async () => {
    const complete = await makeRoad(db(), {
      household: { ...inAssessment, name: 'Completefield' },
      appliedOn: '2026-02-02',
      startedOn: '2026-03-02',
      completedOn: '2026-07-01',
    });
    const notComplete = await makeRoad(db(), {
      household: { ...inAssessment, name: 'Halfwayton' },
      appliedOn: '2026-02-02',
      startedOn: '2026-03-02',
    });
    const offered = async () => (await approvalCandidates(db())).map((c) => c.householdId);
    expect(await offered()).toContain(complete.id);
    expect(await offered()).not.toContain(notComplete.id);
    const candidate = (await approvalCandidates(db())).find((c) => c.householdId === complete.id);
    expect(candidate?.text).toMatch(/^Completefield \(/);
    expect(candidate?.hint).toBe('Assessment completed on 1 July 2026');

    const meeting = await makeMeeting(db(), { meetsOn: addDays(today, 14) });
    await db().insert(panelItems).values({ meetingId: meeting.id, householdId: complete.id, kind: 'approval' });
    expect(await offered()).not.toContain(complete.id);
  });
});

/** A meeting held yesterday with five voting members sitting: quorate. */
const quorateMeetingYesterday = () => makeQuorateMeeting(db(), addDays(today, -1));

describe('a standards of care item', () => {
  it('marks the allegation presented to panel on the meeting’s day when the adviser records the recommendation', async () => {
    const h = await makeHousehold(db());
    const allegation = await makeMatter(db(), {
      householdId: h.id,
      outcome: 'unsubstantiated',
      outcomeOn: addDays(today, -30),
    });
    expect((await allegationsAwaitingPanel(db(), { limit: 10_000 })).map((a) => a.concernId)).toContain(allegation.id);
    const meeting = await quorateMeetingYesterday();
    const [item] = await db()
      .insert(panelItems)
      .values({
        meetingId: meeting.id,
        householdId: h.id,
        kind: 'standards_of_care',
        sourceType: 'concern',
        sourceId: allegation.id,
      })
      .returning();

    // The panel adviser is not the team manager or the head, who take the allegation's own step.
    const adviser = await signedIn(t.app, 'adviser');
    const response = await recommendApproval(adviser, item!.id, 'The carers continue to meet the standards of care.');
    expect(response.statusCode).toBe(303);

    const [after] = await db().select().from(concerns).where(eq(concerns.id, allegation.id));
    expect(after?.presentedToPanelOn).toBe(meeting.meetsOn);
    expect((await allegationsAwaitingPanel(db(), { limit: 10_000 })).map((a) => a.concernId)).not.toContain(
      allegation.id,
    );
    const audited = await db()
      .select({ username: auditEvents.username, detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, 'concern'), eq(auditEvents.recordId, allegation.id)));
    expect(audited).toContainEqual({ username: 'adviser', detail: { step: 'panel', fields: ['presentedToPanelOn'] } });
    const page = await (await signedIn(t.app, 'head')).get(`/concerns/${allegation.id}`);
    expect(page.body).toContain('Presented to the fostering panel');
    expect(page.body).toContain(formatDate(meeting.meetsOn));
  });
});

const uploadPaper = (agent: Agent, itemId: string, title: string, file: PaperFile) =>
  postPaper(t.app, agent, itemId, title, file);

describe('uploading a paper', () => {
  it('refuses a file that is not a PDF or Word (whatever its name says), keeping the title typed', async () => {
    const h = await makeHousehold(db());
    const meeting = await makeMeeting(db(), { meetsOn: addDays(today, 21) });
    const [item] = await db()
      .insert(panelItems)
      .values({ meetingId: meeting.id, householdId: h.id, kind: 'skills_level' })
      .returning();
    const adviser = await signedIn(t.app, 'adviser');
    const response = await uploadPaper(adviser, item!.id, 'Skills level report', {
      name: 'report.pdf',
      type: 'application/pdf',
      bytes: Buffer.from('GIF89a a picture, not a report'),
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('The selected file must be a PDF or a Word document');
    expect(response.body).toContain('href="#file"');
    expect(response.body).toContain('value="Skills level report"');
    expect(await db().select().from(panelPapers).where(eq(panelPapers.itemId, item!.id))).toEqual([]);

    const pdf = await uploadPaper(adviser, item!.id, 'Skills level report', {
      name: 'report.pdf',
      type: 'application/pdf',
      bytes: Buffer.from('%PDF-1.4 a made-up report'),
    });
    expect(pdf.statusCode).toBe(303);
    const stored = await db().select().from(panelPapers).where(eq(panelPapers.itemId, item!.id));
    expect(stored.map((p) => p.title)).toEqual(['Skills level report']);
  });
});
