/**
 * Recording a visit and reading a child's visits: the form (messages, what was typed kept, the
 * conditional reason), the child's page after it (the visit and the next visit due), the paged list,
 * who may read and record (a carer nothing), and the audit trail.
 */
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { formatDate } from '../../platform/views/format.ts';
import { dateFields } from '../placements/test-support.ts';
import { childVisits } from './tables.ts';
import { makeVisit } from './test-support.ts';

const t = testAppForFile();
const today = todayInLondon();
let childId: string;
let placementId: string;
let cicswId: string;

beforeAll(async () => {
  const db = t.database.db;
  const household = await makeHousehold(db, { teamName: 'East Kent Fostering Team 1', name: 'Visitfixture Household' });
  const child = await makeChild(db, { firstName: 'Nell', lastName: 'Visitfixture', dateOfBirth: '2012-04-02' });
  childId = child.id;
  cicswId = child.allocatedSocialWorkerId!;
  placementId = (
    await makePlacement(db, {
      childId,
      householdId: household.id,
      startDate: addDays(today, -20),
      placementType: 'short_term',
    })
  ).id;
});

const form = (overrides: Record<string, string> = {}) => ({
  ...dateFields('visitedOn', addDays(today, -1)),
  visitedBy: cicswId,
  seen: 'not_alone',
  notAloneReason: 'refused',
  place: 'school',
  note: 'Said she wants to stay here and see her nan more.',
  ...overrides,
});

describe('recording a visit', () => {
  it('asks for what is missing, keeps what was typed, and asks why the child was not seen alone', async () => {
    const cicsw = await signedIn(t.app, 'cicsw');
    const page = await cicsw.get(`/children/${childId}/visits/new`);
    expect(page.statusCode).toBe(200);
    // The child's own social worker is chosen already.
    expect(page.body).toMatch(new RegExp(`<option value="${cicswId}" selected`));
    const missing = await cicsw.post(`/children/${childId}/visits/new`, form({ seen: '', place: '' }));
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Select whether the child was seen, and whether they were seen alone');
    expect(missing.body).toContain('Select where the visit took place');
    expect(missing.body).toContain('Said she wants to stay here and see her nan more.');
    expect(missing.body).toMatch(/name="visitedOn-day"[^>]*value="\d+"/);
    const noReason = await cicsw.post(`/children/${childId}/visits/new`, form({ notAloneReason: '' }));
    expect(noReason.body).toContain('Select why the child was not seen alone');
    const future = await cicsw.post(
      `/children/${childId}/visits/new`,
      form(dateFields('visitedOn', addDays(today, 1))),
    );
    expect(future.body).toContain('Date of the visit must be today or in the past');
    expect(future.body).toContain('href="#visitedOn-day"');
    // Before the placement started: not placed with foster carers that day.
    const before = await cicsw.post(
      `/children/${childId}/visits/new`,
      form(dateFields('visitedOn', addDays(today, -30))),
    );
    expect(before.statusCode).toBe(400);
    expect(before.body).toContain(`Nell was not placed with foster carers on ${formatDate(addDays(today, -30))}`);
    // Only the child's area's social workers (and whoever records) are offered, and only they are taken.
    const [other] = await queryRows<{ id: string }>(
      t.database.db,
      sql`insert into users (username, display_name, role, area_id, password_hash)
        select 'wendy.westarea', 'Wendy Westarea', 'childrens_social_worker', a.id, 'not-a-password-hash'
        from areas a where a.name = 'West Kent' returning id`,
    );
    expect((await cicsw.get(`/children/${childId}/visits/new`)).body).not.toContain('Wendy Westarea');
    const elsewhere = await cicsw.post(`/children/${childId}/visits/new`, form({ visitedBy: other!.id }));
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.body).toContain('Select who visited the child from the list');
  });

  it('records it during the placement, audits it, and shows it on the child’s page with the next visit due', async () => {
    const cicsw = await signedIn(t.app, 'cicsw');
    const response = await cicsw.post(`/children/${childId}/visits/new`, form());
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/children/${childId}?done=visit`);
    const [saved] = await t.database.db.select().from(childVisits).where(eq(childVisits.childId, childId));
    expect(saved).toMatchObject({
      placementId,
      agencyPlacementId: null,
      childSeen: true,
      seenAlone: false,
      notAloneReason: 'refused',
      place: 'school',
      recordedBy: cicswId,
    });
    const page = await cicsw.get(String(response.headers.location));
    expect(page.body).toContain('The visit has been recorded');
    expect(page.body).toContain('Visits by the child’s social worker');
    expect(page.body).toContain('Seen, not alone: the child refused');
    // Seen yesterday, in the placement's first year: next due 6 weeks on.
    expect(page.body).toContain(formatDate(addDays(today, 41)));
    expect(page.body).toContain('Within 6 weeks of the last visit');
    // The note is on the visits page, not the child's page.
    expect(page.body).not.toContain('see her nan more');
    const recorded = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, childId), eq(auditEvents.action, 'record')));
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.detail).toMatchObject({ part: 'visit', visitId: saved!.id });
    expect(JSON.stringify(recorded[0]!.detail)).not.toContain('nan');
  });
});

describe('reading a child’s visits', () => {
  it('lists every visit with its note, 20 to a page, newest first, and audits each view', async () => {
    const db = t.database.db;
    const child = await makeChild(db, { firstName: 'Paged', lastName: 'Visitfixture' });
    const household = await makeHousehold(db, { teamName: 'East Kent Fostering Team 1' });
    const placement = await makePlacement(db, {
      childId: child.id,
      householdId: household.id,
      startDate: '2024-01-01',
    });
    for (let i = 0; i < 22; i += 1) {
      await makeVisit(db, {
        childId: child.id,
        placementId: placement.id,
        visitedOn: addDays('2024-01-05', i * 30),
        note: `Visit note ${i}`,
      });
    }
    const manager = await signedIn(t.app, 'manager');
    const first = await manager.get(`/children/${child.id}/visits`);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Visit note 21');
    expect(first.body).not.toContain('Visit note 1<');
    expect(first.body).toContain('Showing 1 to 20 of 22 visits, newest first');
    const second = await manager.get(`/children/${child.id}/visits?page=2`);
    expect(second.body).toContain('Visit note 0');
    const views = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, child.id), eq(auditEvents.action, 'view')));
    expect(views.map((v) => v.detail)).toEqual([
      { part: 'visits', page: 1 },
      { part: 'visits', page: 2 },
    ]);
  });

  it('lets the child’s readers read, those who change the child record, and nobody else', async () => {
    const other = await makeChild(t.database.db, { firstName: 'Otto', lastName: 'Notallocated', socialWorker: null });
    const cicsw = await signedIn(t.app, 'cicsw');
    expect((await cicsw.get(`/children/${other.id}/visits`)).statusCode).toBe(404);
    expect((await cicsw.get(`/children/${other.id}/visits/new`)).statusCode).toBe(404);
    // A supervising social worker of the household's team reads, but does not record.
    const ssw = await signedIn(t.app, 'ssw');
    expect((await ssw.get(`/children/${childId}/visits`)).statusCode).toBe(200);
    expect((await ssw.get(`/children/${childId}`)).body).not.toContain('Record a visit');
    expect((await ssw.get(`/children/${childId}/visits/new`)).statusCode).toBe(403);
    // A West worker does not see an East child at all.
    expect((await (await signedIn(t.app, 'ssw2')).get(`/children/${childId}/visits`)).statusCode).toBe(404);
    // The team manager of the household's team records.
    const manager = await signedIn(t.app, 'manager');
    expect((await manager.get(`/children/${childId}/visits/new`)).statusCode).toBe(200);
    // A carer: nothing, and nothing new on the portal.
    const carer = await signedIn(t.app, 'carer');
    expect((await carer.get(`/children/${childId}/visits`)).statusCode).toBe(403);
    expect((await carer.post(`/children/${childId}/visits/new`, form())).statusCode).toBe(403);
    const portal = await carer.get('/portal');
    expect(portal.body).not.toContain('Visits by the child’s social worker');
  });
});
