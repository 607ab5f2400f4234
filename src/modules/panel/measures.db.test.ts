/**
 * The panel's four measures and three deadlines, each on a small fixture with the answer worked
 * out by hand. Measures are for September 2019 (long before the demo's year); September 2019 and
 * November 2026 have no bank holidays in England, so working days are Monday to Friday.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { makeHousehold } from '../../../test/support/households.ts';
import { measureFixture } from '../../../test/support/measures.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { decisionDueFor, letterDueFor, papersDueFor, toldDueFor } from './dates.ts';
import {
  decisionsInTime,
  meetingsQuorate,
  papersPublishedOnTime,
  papersQualityAssured,
  skillsLevelsAgreed,
} from './measures.ts';
import { measureRecords } from '../../platform/measures/index.ts';
import { makeMeeting } from './test-support.ts';
import { agencyDecisions, panelAttendance, panelItems, panelMembers, panelPapers } from './tables.ts';

const { db, period: september, rowsFor } = measureFixture('2019-09', '2026-12-01');

async function item(meetingId: string, householdId: string, extra: Partial<typeof panelItems.$inferInsert> = {}) {
  const [row] = await db()
    .insert(panelItems)
    .values({ meetingId, householdId, kind: 'approval', ...extra })
    .returning();
  return row!;
}

async function paper(itemId: string, extra: Partial<typeof panelPapers.$inferInsert> = {}) {
  const bytes = Buffer.from('%PDF-1.4 a made-up paper');
  const [row] = await db()
    .insert(panelPapers)
    .values({
      itemId,
      title: 'Form F report',
      fileName: 'f.pdf',
      contentType: 'application/pdf',
      bytes,
      size: 24,
      ...extra,
    })
    .returning();
  return row!;
}

describe('panel papers (meeting on Monday 16 September 2019, papers due Monday 9 September)', () => {
  it('counts a paper published by the due day as on time, and one a team manager accepted before the meeting as assured', async () => {
    expect(papersDueFor('2019-09-16')).toBe('2019-09-09');
    const h = await makeHousehold(db());
    const held = await makeMeeting(db(), { meetsOn: '2019-09-16' });
    const october = await makeMeeting(db(), { meetsOn: '2019-10-07' });
    const i = await item(held.id, h.id);
    const onTime = await paper(i.id, { publishedOn: '2019-09-09', qaOutcome: 'accepted', qaOn: '2019-09-06' });
    const late = await paper(i.id, { publishedOn: '2019-09-10', qaOutcome: 'accepted', qaOn: '2019-09-17' });
    const returned = await paper(i.id, { qaOutcome: 'returned', qaOn: '2019-09-05' });
    const notHeld = await paper((await item(october.id, h.id)).id, { publishedOn: '2019-09-01' });
    // Two more items at the same meeting: one with no paper at all, one whose only paper was returned.
    const noPaper = await item(held.id, h.id);
    const onlyReturned = await item(held.id, h.id);
    const setAside = await paper(onlyReturned.id, { qaOutcome: 'returned', qaOn: '2019-09-04' });
    const ids = [onTime.id, late.id, returned.id, notHeld.id, noPaper.id, onlyReturned.id, setAside.id];

    // Published: of the 2 papers meant for the members, 1 on time; the returned paper is not counted,
    // and each item with no paper for the members counts once as not published (1 of 4, 25%).
    // October's not counted.
    expect(await rowsFor(papersPublishedOnTime, ids)).toEqual([
      [onTime.id, true],
      [late.id, false],
      [noPaper.id, false],
      [onlyReturned.id, false],
    ]);
    // Assured: every paper uploaded. Accepted on 6 September, yes; accepted the day after the
    // meeting, no; returned, no. An item with no paper has nothing to assure.
    expect(await rowsFor(papersQualityAssured, ids)).toEqual([
      [onTime.id, true],
      [late.id, false],
      [returned.id, false],
      [setAside.id, false],
    ]);
    const rows = await measureRecords(db(), papersPublishedOnTime, september);
    expect(rows.find((r) => r.recordId === late.id)?.detail).toBe(
      'Published on 10 September 2019; due by 9 September 2019',
    );
    const missing = rows.find((r) => r.recordId === noPaper.id);
    expect(missing?.detail).toBe('No paper ready for the members; due by 9 September 2019');
    expect(missing?.label).toMatch(/^No paper: /);
  });
});

describe('panel meetings quorate', () => {
  it('needs five members who vote, with the chair or vice-chair, a social worker and an independent member', async () => {
    const sit = async (meetsOn: string, roles: string[]) => {
      const m = await makeMeeting(db(), { meetsOn });
      for (const role of roles) {
        const [member] = await db()
          .insert(panelMembers)
          .values({ name: `Member ${role}`, role, joinedOn: '2019-01-01' })
          .returning();
        await db().insert(panelAttendance).values({ meetingId: m.id, memberId: member!.id });
      }
      return m;
    };
    const quorate = await sit('2019-09-02', [
      'vice_chair',
      'social_worker',
      'independent',
      'independent',
      'care_experienced',
    ]);
    // Four who vote and the medical adviser (who does not): not quorate.
    const four = await sit('2019-09-23', [
      'chair',
      'social_worker',
      'independent',
      'care_experienced',
      'medical_adviser',
    ]);
    const nobody = await sit('2019-09-30', []);
    const august = await sit('2019-08-30', ['chair', 'social_worker', 'independent', 'independent', 'independent']);
    expect(await rowsFor(meetingsQuorate, [quorate.id, four.id, nobody.id, august.id])).toEqual([
      [quorate.id, true],
      [four.id, false],
      [nobody.id, false],
    ]);
  });
});

describe('agency decisions within 7 working days', () => {
  it('counts a decision made by the seventh working day after the papers reached the decision maker', async () => {
    // Received Monday 2 September: the 7th working day after is Wednesday 11 September.
    expect(decisionDueFor('2019-09-02')).toBe('2019-09-11');
    const h = await makeHousehold(db());
    const decision = async (decidedOn: string, imported = false) => {
      const [row] = await db()
        .insert(agencyDecisions)
        .values({
          householdId: h.id,
          outcome: 'noted',
          agrees: true,
          reasons: 'Agreed',
          receivedOn: '2019-09-02',
          dueOn: '2019-09-11',
          decidedOn,
          toldDueOn: toldDueFor(decidedOn),
          letterDueOn: letterDueFor(decidedOn),
          imported,
        })
        .returning();
      return row!.id;
    };
    const inTime = await decision('2019-09-11');
    const late = await decision('2019-09-12');
    const imported = await decision('2019-09-05', true);
    const october = await decision('2019-10-01');
    expect(await rowsFor(decisionsInTime, [inTime, late, imported, october])).toEqual([
      [inTime, true],
      [late, false],
    ]);
  });
});

describe('skills level 2 and 3 proposals agreed', () => {
  it('counts the decisions of the month on skills level items, agreed when the level was agreed', async () => {
    const h = await makeHousehold(db());
    const meeting = await makeMeeting(db(), { meetsOn: '2019-09-04', minutesSignedOn: '2019-09-06' });
    const decided = async (kind: string, skillLevel: number | null, outcome: string, decidedOn: string) => {
      const i = await item(meeting.id, h.id, { kind, skillLevel, recommendation: 'approve' });
      const [row] = await db()
        .insert(agencyDecisions)
        .values({
          itemId: i.id,
          householdId: h.id,
          outcome,
          agrees: outcome !== 'not_approve',
          reasons: 'Reasons',
          receivedOn: '2019-09-06',
          dueOn: decisionDueFor('2019-09-06'),
          decidedOn,
          toldDueOn: toldDueFor(decidedOn),
          letterDueOn: letterDueFor(decidedOn),
        })
        .returning();
      return row!.id;
    };
    const agreed = await decided('skills_level', 3, 'skills_level', '2019-09-10');
    const refused = await decided('skills_level', 2, 'not_approve', '2019-09-30');
    const approval = await decided('approval', null, 'approve', '2019-09-10');
    const october = await decided('skills_level', 2, 'skills_level', '2019-10-01');
    // 1 of September's 2 skills level decisions agreed (50%); the approval and October's are not counted.
    expect(await rowsFor(skillsLevelsAgreed, [agreed, refused, approval, october])).toEqual([
      [agreed, true],
      [refused, false],
    ]);
    const details = (await measureRecords(db(), skillsLevelsAgreed, september))
      .filter((r) => r.recordId === agreed || r.recordId === refused)
      .map((r) => r.detail);
    expect(details).toEqual(['Skills level 3 proposed; agreed', 'Skills level 2 proposed; not agreed']);
  });
});

async function dueOf(ruleId: string, recordId: string) {
  return db()
    .select({ dueOn: dueItems.dueOn, detail: dueItems.detail })
    .from(dueItems)
    .where(and(eq(dueItems.ruleId, ruleId), eq(dueItems.recordId, recordId)));
}

describe('the panel’s deadlines', () => {
  it('papers are due to members 5 working days before the meeting, until every paper meant for them is published', async () => {
    const h = await makeHousehold(db());
    const coming = await makeMeeting(db(), { meetsOn: '2026-12-07' });
    const signed = await makeMeeting(db(), { meetsOn: '2026-11-02', minutesSignedOn: '2026-11-02' });
    const waiting = await item(coming.id, h.id);
    const past = await item(signed.id, h.id);
    await refreshDueItems(db(), 'panel-meeting', [coming.id, signed.id]);
    expect(await dueOf('panel.papers-due', waiting.id)).toEqual([
      { dueOn: '2026-11-30', detail: 'No papers yet for the panel of 7 December 2026' },
    ]);
    expect(await dueOf('panel.papers-due', past.id)).toEqual([]);

    // One of two papers published: still due (the scorecard counts the other as late).
    await paper(waiting.id, { qaOutcome: 'accepted', qaOn: '2026-11-27', publishedOn: '2026-11-30' });
    const second = await paper(waiting.id, { title: 'Medical adviser’s report' });
    await refreshDueItems(db(), 'panel-meeting', [coming.id]);
    expect(await dueOf('panel.papers-due', waiting.id)).toEqual([
      { dueOn: '2026-11-30', detail: '1 of 2 papers not yet published for the panel of 7 December 2026' },
    ]);

    // A paper the team manager returned for changes is set aside: the rest are published.
    await db()
      .update(panelPapers)
      .set({ qaOutcome: 'returned', qaOn: '2026-11-27' })
      .where(eq(panelPapers.id, second.id));
    await refreshDueItems(db(), 'panel-meeting', [coming.id]);
    expect(await dueOf('panel.papers-due', waiting.id)).toEqual([]);
  });

  it('the decision is due 7 working days after the minutes are signed, until it is made', async () => {
    const h = await makeHousehold(db());
    const met = await makeMeeting(db(), { meetsOn: '2026-11-02', minutesSignedOn: '2026-11-02' });
    const recommended = await item(met.id, h.id, { recommendation: 'approve', reasons: 'Thorough' });
    const open = await makeMeeting(db(), { meetsOn: '2026-11-03' });
    const notSigned = await item(open.id, h.id, { recommendation: 'approve', reasons: 'Thorough' });
    await refreshDueItems(db(), 'panel-meeting', [met.id, open.id]);
    // Monday 2 November: the 7th working day after is Wednesday 11 November.
    expect(await dueOf('panel.decision-due', recommended.id)).toEqual([
      { dueOn: '2026-11-11', detail: 'Panel of 2 November 2026' },
    ]);
    expect(await dueOf('panel.decision-due', notSigned.id)).toEqual([]);

    const [decision] = await db()
      .insert(agencyDecisions)
      .values({
        itemId: recommended.id,
        householdId: h.id,
        outcome: 'approve',
        agrees: true,
        reasons: 'Agreed',
        decidedOn: '2026-11-05',
        toldDueOn: toldDueFor('2026-11-05'),
        letterDueOn: letterDueFor('2026-11-05'),
      })
      .returning();
    await refreshDueItems(db(), 'agency-decision', [decision!.id]);
    expect(await dueOf('panel.decision-due', recommended.id)).toEqual([]);
  });

  it('the applicant is told within 2 working days of the decision and written to within 5', async () => {
    const h = await makeHousehold(db());
    const met = await makeMeeting(db(), { meetsOn: '2026-10-26', minutesSignedOn: '2026-10-26' });
    const decided = await item(met.id, h.id, { recommendation: 'approve', reasons: 'Thorough' });
    // Decided Monday 2 November: told by Wednesday 4, written to by Monday 9 November.
    expect([toldDueFor('2026-11-02'), letterDueFor('2026-11-02')]).toEqual(['2026-11-04', '2026-11-09']);
    const [decision] = await db()
      .insert(agencyDecisions)
      .values({
        itemId: decided.id,
        householdId: h.id,
        outcome: 'approve',
        agrees: true,
        reasons: 'Agreed',
        decidedOn: '2026-11-02',
        toldDueOn: '2026-11-04',
        letterDueOn: '2026-11-09',
      })
      .returning();
    const id = decision!.id;
    await refreshDueItems(db(), 'agency-decision', [id]);
    expect(await dueOf('panel.letters-due', id)).toEqual([
      { dueOn: '2026-11-04', detail: 'Tell the applicant of the decision' },
    ]);

    await db().update(agencyDecisions).set({ toldOn: '2026-11-03' }).where(eq(agencyDecisions.id, id));
    await refreshDueItems(db(), 'agency-decision', [id]);
    expect(await dueOf('panel.letters-due', id)).toEqual([{ dueOn: '2026-11-09', detail: 'Send the decision letter' }]);

    await db().update(agencyDecisions).set({ letterSentOn: '2026-11-06' }).where(eq(agencyDecisions.id, id));
    await refreshDueItems(db(), 'agency-decision', [id]);
    expect(await dueOf('panel.letters-due', id)).toEqual([]);
  });
});
