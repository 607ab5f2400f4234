/**
 * Who opens which matter, through the pages (concerns/scope.ts): the LADO opens an allegation
 * anywhere but not a complaint or the household; the household's SSW and team manager open it,
 * another team's SSW does not; the carer has no matter page; a child's account is read only by the
 * LADO, the head and that child's own social worker.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild } from '../../../test/support/children.ts';
import { users } from '../../platform/auth/tables.ts';
import { concernChildren } from './tables.ts';
import { householdWithChild, makeMatter } from './test-support.ts';

const t = testAppForFile();

const CASEY_SAID = 'Casey said the carer held her arm too tightly at bedtime.';
const ROWAN_SAID = 'Rowan said he saw it from the landing.';
const ALLEGATION = 'An allegation fixture for the access rules.';
const COMPLAINT = 'A complaint fixture for the access rules.';

let householdId: string;
let allegationId: string;
let complaintId: string;

beforeAll(async () => {
  const db = t.database.db;
  const { household, child } = await householdWithChild(db);
  householdId = household.id;
  // Rowan is placed elsewhere and has no social worker of the fixture's: cicsw is Casey's, not his.
  const rowan = await makeChild(db, { firstName: 'Rowan', lastName: 'Fixture', socialWorker: null });
  const allegation = await makeMatter(db, {
    householdId,
    knownOn: '2026-03-02',
    summary: ALLEGATION,
    childIds: [child.id, rowan.id],
  });
  allegationId = allegation.id;
  await db.update(concernChildren).set({ account: CASEY_SAID }).where(eq(concernChildren.childId, child.id));
  await db.update(concernChildren).set({ account: ROWAN_SAID }).where(eq(concernChildren.childId, rowan.id));
  const complaint = await makeMatter(db, {
    kind: 'complaint',
    householdId,
    knownOn: '2026-03-03',
    raisedBy: 'parent',
    category: 'other',
    summary: COMPLAINT,
  });
  complaintId = complaint.id;
});

const page = async (username: string, url: string) => (await signedIn(t.app, username)).get(url);

describe('an allegation, by role', () => {
  it('opens for the LADO, the head, the household’s SSW and its team manager', async () => {
    for (const username of ['lado', 'head', 'ssw', 'manager']) {
      const response = await page(username, `/concerns/${allegationId}`);
      expect(response.statusCode, username).toBe(200);
      expect(response.body, username).toContain(ALLEGATION);
    }
  });

  it('is not found for an SSW of another team, nor listed on their register', async () => {
    const ssw2 = await signedIn(t.app, 'ssw2');
    const response = await ssw2.get(`/concerns/${allegationId}`);
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain(ALLEGATION);
    expect((await ssw2.get(`/concerns/${allegationId}/account`)).statusCode).toBe(404);
  });

  it('has no matter page for the foster carer', async () => {
    const db = t.database.db;
    const [carer] = await db.select().from(users).where(eq(users.username, 'carer'));
    // Even on the carer's own household, the allegation's page is not theirs.
    const own = await makeMatter(db, { householdId: carer!.householdId!, summary: ALLEGATION });
    for (const id of [own.id, allegationId]) {
      const response = await page('carer', `/concerns/${id}`);
      expect(response.statusCode).toBe(403);
      expect(response.body).not.toContain(ALLEGATION);
    }
  });
});

describe('the LADO, beyond allegations', () => {
  it('gets not found on a complaint and on the household’s matters', async () => {
    const lado = await signedIn(t.app, 'lado');
    const complaint = await lado.get(`/concerns/${complaintId}`);
    expect(complaint.statusCode).toBe(404);
    expect(complaint.body).not.toContain(COMPLAINT);
    const household = await lado.get(`/households/${householdId}/concerns`);
    expect(household.statusCode).toBe(404);
    // The household's SSW opens both.
    const ssw = await signedIn(t.app, 'ssw');
    expect((await ssw.get(`/concerns/${complaintId}`)).body).toContain(COMPLAINT);
    expect((await ssw.get(`/households/${householdId}/concerns`)).statusCode).toBe(200);
  });
});

describe('a child’s account', () => {
  it('is read by the LADO and the head, for every child named', async () => {
    for (const username of ['lado', 'head']) {
      const body = (await page(username, `/concerns/${allegationId}`)).body;
      expect(body, username).toContain(CASEY_SAID);
      expect(body, username).toContain(ROWAN_SAID);
    }
  });

  it('is read by the child’s own social worker, and only their child’s', async () => {
    const cicsw = await signedIn(t.app, 'cicsw');
    const response = await cicsw.get(`/concerns/${allegationId}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(CASEY_SAID);
    expect(response.body).not.toContain(ROWAN_SAID);
    expect(response.body).toContain('Seen only by the LADO, the head of fostering and the child’s social worker');
    const form = await cicsw.get(`/concerns/${allegationId}/account`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(CASEY_SAID);
    expect(form.body).not.toContain('Rowan Fixture');
  });

  it('is not read by the household’s SSW or team manager, on the matter page or its own', async () => {
    for (const username of ['ssw', 'manager']) {
      const agent = await signedIn(t.app, username);
      const response = await agent.get(`/concerns/${allegationId}`);
      expect(response.statusCode, username).toBe(200);
      expect(response.body, username).not.toContain(CASEY_SAID);
      expect(response.body, username).not.toContain(ROWAN_SAID);
      expect(response.body, username).toContain(
        'Seen only by the LADO, the head of fostering and the child’s social worker',
      );
      const form = await agent.get(`/concerns/${allegationId}/account`);
      expect(form.statusCode, username).not.toBe(200);
      expect(form.body, username).not.toContain(CASEY_SAID);
    }
  });
});
