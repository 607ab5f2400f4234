/**
 * The road in through the pages, as the recruitment coordinator and the assessing social worker
 * use them: an enquiry, the application and its 8-month clock, stage 1 checks, and the assessment
 * complete only when every check is done; with the bad input a user could give.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile, type Agent } from '../../../test/support/app.ts';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { makeCarer, makeCheck, teamIdByName, userIdByUsername } from '../../../test/support/households.ts';
import { tableRowsAfter } from '../../../test/support/html.ts';
import { addDays, addMonths, addWorkingDays, todayInLondon } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { carers, households } from '../households/tables.ts';
import { householdsReadyForPanel } from './panel.ts';
import { dueOf as dueRows, enquiryThroughPages, makeRoad } from './test-support.ts';

const t = testAppForFile();
const today = todayInLondon();
const enquiredOn = addDays(today, -40);
const appliedOn = addDays(today, -20);

const boxes = dateBoxes;
const dueOf = (householdId: string, ruleId: string) => dueRows(t.database.db, householdId, ruleId);
const enquiry = (agent: Agent, lastName: string, team?: string) =>
  enquiryThroughPages(t, agent, lastName, enquiredOn, team);

describe('an enquiry', () => {
  it('refuses a date in the future with a message and keeps what was typed', async () => {
    const agent = await signedIn(t.app, 'recruitment');
    await agent.get('/recruitment/enquiries/new');
    const response = await agent.post('/recruitment/enquiries/new', {
      ...boxes('enquiredOn', addDays(today, 3)),
      carerFirstName: 'Robin',
      carerLastName: 'Futuredate',
      addressLine1: '4 Mill Lane',
      town: 'Canterbury',
      postcode: 'CT2 7AA',
      teamId: await teamIdByName(t.database.db, 'East Kent Fostering Team 1'),
      source: 'website',
      interests: 'mainstream',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('The date of the enquiry must be today or in the past');
    expect(response.body).toContain('value="Futuredate"');
    expect(response.body).toContain('href="#enquiredOn-day"');
  });

  it('makes the household an enquiry, dated the day of the enquiry, answered within 1 working day', async () => {
    const agent = await signedIn(t.app, 'recruitment');
    const socialMedia = async () => {
      const rows = tableRowsAfter((await agent.get('/recruitment')).body, 'how many applied');
      return Number(/^Social media (\d+)/.exec(rows.find((r) => r.startsWith('Social media')) ?? '')?.[1]);
    };
    const before = await socialMedia();
    await agent.get('/recruitment/enquiries/new');
    const id = await enquiry(agent, 'Ashdown');
    // Counted under its source in the last 12 months' enquiries.
    expect(await socialMedia()).toBe(before + 1);
    const [household] = await t.database.db.select().from(households).where(eq(households.id, id));
    expect(household).toMatchObject({ status: 'enquiry', statusSince: enquiredOn, name: 'Ashdown' });
    expect(await dueOf(id, 'recruitment.enquiry-response')).toEqual([addWorkingDays(enquiredOn, 1)]);
    const page = await agent.get(`/households/${id}/recruitment`);
    expect(page.body).toContain('Social media');
    expect(page.body).toContain('Teenagers, Brothers and sisters');

    await agent.get(`/households/${id}/recruitment/answered`);
    expect(
      (await agent.post(`/households/${id}/recruitment/answered`, boxes('answeredOn', enquiredOn))).statusCode,
    ).toBe(303);
    expect(await dueOf(id, 'recruitment.enquiry-response')).toEqual([]);

    const list = await agent.get('/recruitment?source=social_media');
    expect(list.body).toContain('Ashdown');
    expect((await agent.get('/recruitment?source=website')).body).not.toContain('Ashdown');
  });
});

describe('the application and the assessment', () => {
  it('runs from enquiry to a complete assessment, refusing bad dates and a missing check', async () => {
    const coordinator = await signedIn(t.app, 'recruitment');
    await coordinator.get('/recruitment/enquiries/new');
    const id = await enquiry(coordinator, 'Brightwell');
    const path = `/households/${id}/recruitment`;

    // An application dated before the enquiry.
    await coordinator.get(`${path}/application`);
    const early = await coordinator.post(`${path}/application`, boxes('appliedOn', addDays(enquiredOn, -1)));
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain(
      `The date the application was received must be on or after ${formatDate(enquiredOn)}, the day of the enquiry`,
    );
    expect(early.body).toContain(`value="${Number(addDays(enquiredOn, -1).slice(8))}"`);

    expect((await coordinator.post(`${path}/application`, boxes('appliedOn', appliedOn))).statusCode).toBe(303);
    const [applicant] = await t.database.db.select().from(households).where(eq(households.id, id));
    expect(applicant?.status).toBe('applicant');
    expect(await dueOf(id, 'recruitment.panel-clock')).toEqual([addMonths(appliedOn, 8)]);

    const assessorId = await userIdByUsername(t.database.db, 'assessor');
    await coordinator.get(`${path}/assessment`);
    const started = await coordinator.post(`${path}/assessment`, {
      ...boxes('startedOn', appliedOn),
      assessorId,
      needsEmployerReference: 'no',
    });
    expect(started.statusCode).toBe(303);

    // The assessing social worker records the checks.
    const assessor = await signedIn(t.app, 'assessor');
    const [carer] = await t.database.db.select().from(carers).where(eq(carers.householdId, id));
    await assessor.get(`${path}/check`);
    const future = await assessor.post(`${path}/check`, {
      kind: 'dbs',
      person: carer!.id,
      ...boxes('doneOn', addDays(today, 1)),
      satisfactory: 'yes',
    });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('The date of the check must be today or in the past');

    const check = (kind: string, person = '', expiresOn?: string) =>
      assessor.post(`${path}/check`, {
        kind,
        person,
        ...boxes('doneOn', appliedOn),
        satisfactory: 'yes',
        ...(expiresOn ? boxes('expiresOn', expiresOn) : {}),
      });
    for (const kind of ['dbs', 'la_checks']) expect((await check(kind, carer!.id)).statusCode).toBe(303);
    expect((await check('medical', carer!.id, addDays(today, 30))).statusCode).toBe(303);
    for (const kind of ['personal_reference', 'personal_reference', 'health_and_safety']) {
      expect((await check(kind)).statusCode).toBe(303);
    }
    // The medical expires in 30 days: shown in My work from 60 days before.
    expect(await dueOf(id, 'recruitment.check-expiring')).toContain(addDays(today, 30));

    // Pets not yet assessed: completion refused, naming it.
    await assessor.get(`${path}/complete`);
    const missing = await assessor.post(`${path}/complete`, boxes('completedOn', today));
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Every stage 1 check must be done and satisfactory');
    expect(missing.body).toContain('Pets assessment (not done)');
    expect(await householdsReadyForPanel(t.database.db)).not.toContainEqual(
      expect.objectContaining({ householdId: id }),
    );

    expect((await check('pets')).statusCode).toBe(303);
    await assessor.get(`${path}/complete`);
    expect((await assessor.post(`${path}/complete`, boxes('completedOn', today))).statusCode).toBe(303);
    expect(await householdsReadyForPanel(t.database.db)).toContainEqual({
      householdId: id,
      householdName: 'Brightwell',
      householdReference: expect.any(String),
      assessmentCompletedOn: today,
    });
    const page = await assessor.get(path);
    expect(page.body).toContain(`Assessment complete`);
    expect(page.body).toContain(formatDate(addMonths(appliedOn, 8)));
    expect(page.body).toContain('Local target');
  });

  it('records a withdrawal with its Ofsted code, ending the household’s clocks', async () => {
    const coordinator = await signedIn(t.app, 'recruitment');
    await coordinator.get('/recruitment/enquiries/new');
    const id = await enquiry(coordinator, 'Cherrytree');
    const path = `/households/${id}/recruitment`;
    await coordinator.get(`${path}/application`);
    await coordinator.post(`${path}/application`, boxes('appliedOn', appliedOn));
    await coordinator.get(`${path}/withdraw`);
    const response = await coordinator.post(`${path}/withdraw`, {
      ...boxes('withdrawnOn', today),
      ofstedCode: 'AW5',
      reason: 'Worried about what happens if a child makes an allegation',
    });
    expect(response.statusCode).toBe(303);
    const [household] = await t.database.db.select().from(households).where(eq(households.id, id));
    expect(household?.status).toBe('withdrawn');
    expect(await dueOf(id, 'recruitment.panel-clock')).toEqual([]);
    expect((await coordinator.get(path)).body).toContain('AW5: fear of allegations');
  });

  it('keeps the road in to the roles and households it belongs to', async () => {
    const coordinator = await signedIn(t.app, 'recruitment');
    await coordinator.get('/recruitment/enquiries/new');
    const west = await enquiry(coordinator, 'Westgate', 'West Kent Fostering Team 1');
    // An assessing social worker in East Kent does not see a West Kent household.
    const assessor = await signedIn(t.app, 'assessor');
    expect((await assessor.get(`/households/${west}/recruitment`)).statusCode).toBe(404);
    // The coordinator moves households on; the assessor cannot record the application.
    const east = await enquiry(coordinator, 'Eastry');
    const refused = await assessor.get(`/households/${east}/recruitment/application`);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('You cannot record this now');
  });
});

describe('one record of checks, at assessment and after', () => {
  const inAssessment = (name: string) =>
    makeRoad(t.database.db, {
      household: { status: 'in_assessment', statusSince: appliedOn, name },
      enquiredOn,
      appliedOn,
      startedOn: appliedOn,
    });

  it('shows a DBS check recorded at assessment on the household, and counts it for the renewal once approved', async () => {
    const road = await inAssessment('Oakhurst');
    const carer = await makeCarer(t.database.db, road.id, { firstName: 'Noor', lastName: 'Oakhurst' });
    const assessor = await signedIn(t.app, 'assessor');
    const path = `/households/${road.id}/recruitment`;
    await assessor.get(`${path}/check`);
    const expiresOn = addDays(today, 45);
    const recorded = await assessor.post(`${path}/check`, {
      kind: 'dbs',
      person: carer.id,
      ...boxes('doneOn', appliedOn),
      satisfactory: 'yes',
      note: 'Certificate 001234567890',
      ...boxes('expiresOn', expiresOn),
    });
    expect(recorded.statusCode).toBe(303);

    // The household page lists it once, with the carer's name and its dates.
    const manager = await signedIn(t.app, 'manager');
    const page = await manager.get(`/households/${road.id}`);
    const rows = tableRowsAfter(page.body, '>Checks</h2>');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(
      new RegExp(
        `^Noor Oakhurst Enhanced DBS check ${formatDate(appliedOn)} ${formatDate(expiresOn)} Expires soon Satisfactory\\b`,
      ),
    );

    // Approved by the agency decision: the same check is now the one to renew.
    expect(await dueOf(road.id, 'households.dbs-check-renewal')).toEqual([]);
    await t.database.db
      .update(households)
      .set({ status: 'approved', approvedOn: today })
      .where(eq(households.id, road.id));
    await refreshDueItems(t.database.db, 'household', [road.id]);
    expect(await dueOf(road.id, 'households.dbs-check-renewal')).toEqual([expiresOn]);
  });

  it('asks a stage 1 check’s outcome as every check form does: what was not satisfactory is said, and shown', async () => {
    const road = await inAssessment('Okonjo');
    const assessor = await signedIn(t.app, 'assessor');
    const path = `/households/${road.id}/recruitment/check`;
    const form = await assessor.get(path);
    expect(form.body).toContain('Was the outcome satisfactory?');
    expect(form.body).toContain('Needed when the outcome was not satisfactory');

    const reference = { kind: 'personal_reference', ...boxes('doneOn', appliedOn), note: 'Mrs Adeyemi' };
    const unsaid = await assessor.post(path, { ...reference, satisfactory: 'no' });
    expect(unsaid.statusCode).toBe(400);
    expect(unsaid.body).toContain('Say what was not satisfactory');
    expect(unsaid.body).toContain('value="Mrs Adeyemi"');
    const unanswered = await assessor.post(path, reference);
    expect(unanswered.body).toContain('Select whether the outcome was satisfactory');

    const said = await assessor.post(path, { ...reference, satisfactory: 'no', outcome: 'Referee withdrew' });
    expect(said.statusCode).toBe(303);
    const page = await assessor.get(`/households/${road.id}/recruitment`);
    const rows = tableRowsAfter(page.body, 'Checks recorded</h2>');
    expect(rows[0]).toMatch(/^Personal reference The household .* Not satisfactory: Referee withdrew/);
  });

  it('counts a check already on the household towards the assessment', async () => {
    const road = await inAssessment('Larchmont');
    const carer = await makeCarer(t.database.db, road.id, { firstName: 'Sam', lastName: 'Larchmont' });
    await makeCheck(t.database.db, road.id, { carerId: carer.id, kind: 'dbs', completedOn: enquiredOn });
    await makeCheck(t.database.db, road.id, {
      carerId: carer.id,
      kind: 'medical',
      completedOn: enquiredOn,
      satisfactory: false,
    });
    const assessor = await signedIn(t.app, 'assessor');
    const page = await assessor.get(`/households/${road.id}/recruitment`);
    const rows = tableRowsAfter(page.body, 'Stage 1 checks</h2>');
    expect(rows[0]).toMatch(new RegExp(`^Enhanced DBS check: Sam Larchmont ${formatDate(enquiredOn)} .* Done$`));
    expect(rows[2]).toMatch(new RegExp(`^Medical: Sam Larchmont ${formatDate(enquiredOn)} .* Not satisfactory$`));
  });
});
