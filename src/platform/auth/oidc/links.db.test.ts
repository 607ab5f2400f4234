import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { Agent } from '../../../../test/support/app.ts';
import { auditEvents } from '../../audit/tables.ts';
import { providerIdentities, users } from '../tables.ts';
import { providerTestBed } from './test-bed.ts';

/**
 * Council accounts linked to Hearth accounts that existed before: by an administrator, or at the
 * first sign-in by a verified email address when the administrator has chosen it; and unlinked.
 */
const bed = providerTestBed();
const NO_ROLE = '/sign-in/no-role';
const DATE_TIME = /\d{1,2} [A-Z][a-z]+ \d{4} at \d{1,2}:\d{2}[ap]m/;

async function idOf(username: string) {
  const [row] = await bed.database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return row!.id;
}

async function audited(action: string, recordId: string) {
  return bed.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.recordId, recordId)));
}

/** The address of a person's page on the waiting list, by their name. */
async function waitingHref(name: string) {
  const list = await bed.admin.get('/admin/sign-in/waiting');
  const pattern = `href="(/admin/sign-in/waiting/[0-9a-f-]{36})">Give a role<span class="govuk-visually-hidden"> to ${name}<`;
  const href = new RegExp(pattern).exec(list.body)?.[1];
  expect(href, list.body).toBeDefined();
  return href!;
}

beforeAll(async () => {
  await bed.addMapping({ claimValue: 'hearth-admins', role: 'admin' });
});

describe('an administrator links someone waiting to the Hearth account they already have', () => {
  it('offers the account with their email address, refuses a carer’s, links it (audited), and they sign in to it', async () => {
    bed.account('rob-at-council', 'Rob Fenwick', ['not-mapped'], { email: 'reviewer@hearth.example' });
    expect((await bed.throughProvider(new Agent(bed.app), 'rob-at-council')).response.headers.location).toBe(NO_ROLE);
    expect(await bed.userOf('rob-at-council')).toBeNull();

    const person = await waitingHref('Rob Fenwick');
    expect((await bed.admin.get(person)).body).toContain(`href="${person}/link"`);
    const form = await bed.admin.get(`${person}/link`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Link Rob Fenwick to their Hearth account');
    const reviewer = await idOf('reviewer');
    expect(form.body).toContain(`<option value="${reviewer}" selected>Rob Fenwick (reviewer, reviewer@hearth.example)`);
    expect(form.body).not.toContain('Jordan Ellis (carer');

    const empty = await bed.admin.post(`${person}/link`, { userId: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Select their Hearth account');
    const carer = await bed.admin.post(`${person}/link`, { userId: await idOf('carer') });
    expect(carer.statusCode).toBe(400);
    expect(carer.body).toContain('Select an active staff account that has no council account yet');

    const linked = await bed.admin.post(`${person}/link`, { userId: reviewer });
    expect(linked.statusCode).toBe(303);
    expect((await bed.admin.get(String(linked.headers.location))).body).toContain(
      'Their council account has been linked to their Hearth account',
    );
    expect((await audited('link-council-account', reviewer))[0]!.detail).toMatchObject({
      subject: 'rob-at-council',
      through: 'administrator',
    });

    const agent = new Agent(bed.app);
    const { response } = await bed.throughProvider(agent, 'rob-at-council');
    expect(response.headers.location).toBe('/');
    expect((await bed.landing(agent, response)).body).toContain('(Reviewing officer)');
    expect(await bed.userOf('rob-at-council')).toMatchObject({ username: 'reviewer', role: 'reviewing_officer' });
  });
});

describe('linking at the first sign-in by a verified email address', () => {
  it('does not link while the administrator has not chosen it', async () => {
    bed.account('pat-early', 'Pat Nolan', [], { email: 'panel@hearth.example' });
    expect((await bed.throughProvider(new Agent(bed.app), 'pat-early')).response.headers.location).toBe(NO_ROLE);
    expect(await bed.userOf('pat-early')).toBeNull();
  });

  it('is chosen by the administrator, audited', async () => {
    const overview = await bed.admin.get('/admin/sign-in');
    expect(overview.body).toContain('By an administrator only');
    await bed.admin.get('/admin/sign-in/link-by-email');
    const empty = await bed.admin.post('/admin/sign-in/link-by-email', {});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Select whether a first sign-in is linked by email address');
    const on = await bed.admin.post('/admin/sign-in/link-by-email', { linkByEmail: 'on' });
    expect(on.statusCode).toBe(303);
    const after = await bed.admin.get(String(on.headers.location));
    expect(after.body).toContain('A first sign-in is now linked to the account with the same verified email address');
    expect(after.body).toContain('By verified email address at the first sign-in');
    expect((await audited('change-setting', 'link-by-verified-email'))[0]!.detail).toEqual({ from: 'off', to: 'on' });
  });

  it('links to the one staff account with that address (any case), which keeps its role, audited', async () => {
    bed.account('tara-q', 'Tara Quinn', [], { email: 'TRAINING@hearth.example' });
    const agent = new Agent(bed.app);
    const { response } = await bed.throughProvider(agent, 'tara-q');
    expect(response.headers.location).toBe('/');
    expect((await bed.landing(agent, response)).body).toContain('(Training coordinator)');
    const training = await idOf('training');
    expect((await bed.userOf('tara-q'))!.id).toBe(training);
    expect((await audited('link-council-account', training))[0]!.detail).toMatchObject({
      subject: 'tara-q',
      through: 'verified email',
    });
  });

  it('never links an unverified address, an administrator’s or a carer’s account, or a later sign-in', async () => {
    bed.account('ravi-unverified', 'Ravi Patel', [], { email: 'recruitment@hearth.example', email_verified: false });
    bed.account('ravi-unsaid', 'Ravi Patel', [], { email: 'recruitment@hearth.example', email_verified: undefined });
    bed.account('alex-q', 'Alex Admin', [], { email: 'admin@hearth.example' });
    bed.account('jordan-q', 'Jordan Ellis', [], { email: 'carer@hearth.example' });
    for (const sub of ['ravi-unverified', 'ravi-unsaid', 'alex-q', 'jordan-q', 'pat-early']) {
      const { response } = await bed.throughProvider(new Agent(bed.app), sub);
      expect(response.headers.location, sub).toBe(NO_ROLE);
      expect(await bed.userOf(sub), sub).toBeNull();
    }
    for (const username of ['recruitment', 'admin', 'carer', 'panel']) {
      const linked = await bed.database.db
        .select()
        .from(providerIdentities)
        .where(eq(providerIdentities.userId, await idOf(username)));
      expect(linked, username).toEqual([]);
    }
  });
});

describe('the administrator’s page for a user', () => {
  it('lists their council account: the service in words, their identifier, email and sign-in dates', async () => {
    const page = await bed.admin.get(`/admin/users/${await idOf('training')}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Demo County Council’s sign-in service');
    expect(page.body).toContain('tara-q');
    expect(page.body).toContain('TRAINING@hearth.example');
    expect(page.body).toMatch(
      new RegExp(`First signed in\\s*</dt>\\s*<dd class="govuk-summary-list__value">\\s*${DATE_TIME.source}`),
    );
    expect(page.body).toMatch(
      new RegExp(`Last signed in\\s*</dt>\\s*<dd class="govuk-summary-list__value">\\s*${DATE_TIME.source}`),
    );
    const other = await bed.admin.get(`/admin/users/${await idOf('payments')}`);
    expect(other.body).toContain('Paula Grant does not sign in with a council account');

    const list = await bed.admin.get('/admin/users');
    expect(list.body).toMatch(/\d+ people have signed in with their council account and are waiting/);
    expect(list.body).toContain('href="/admin/sign-in/waiting"');
  });

  it('unlinks it, asked first and audited: its sessions end, it waits again, and the password still works', async () => {
    const training = await idOf('training');
    const signedInThere = new Agent(bed.app);
    await bed.throughProvider(signedInThere, 'tara-q');
    expect((await signedInThere.get('/my-work')).statusCode).toBe(200);

    const page = await bed.admin.get(`/admin/users/${training}`);
    const href = /href="(\/admin\/users\/[0-9a-f-]{36}\/council-accounts\/[0-9a-f-]{36}\/unlink)"/.exec(page.body)?.[1];
    expect(href).toBeDefined();
    const confirm = await bed.admin.get(href!);
    expect(confirm.body).toContain('Are you sure you want to unlink this council account?');
    const done = await bed.admin.post(href!, {});
    expect(done.statusCode).toBe(303);
    const after = await bed.admin.get(String(done.headers.location));
    expect(after.body).toContain('The council account has been unlinked');
    expect(after.body).toContain('Tara Quinn does not sign in with a council account');
    expect((await audited('unlink-council-account', training))[0]!.detail).toMatchObject({ subject: 'tara-q' });

    expect((await signedInThere.get('/my-work')).headers.location).toMatch(/^\/sign-in/);
    expect((await bed.admin.get('/admin/sign-in/waiting')).body).toContain('Tara Quinn');
    expect((await bed.admin.post(href!, {})).statusCode).toBe(404);
    // Not linked again by email: it is no longer their first sign-in.
    expect((await bed.throughProvider(new Agent(bed.app), 'tara-q')).response.headers.location).toBe(NO_ROLE);
    expect((await new Agent(bed.app).signIn('training')).statusCode).toBe(303);
  });

  it('does not let an administrator unlink their own council account', async () => {
    bed.account('ada', 'Ada Administrator', ['hearth-admins']);
    const ada = new Agent(bed.app);
    await bed.throughProvider(ada, 'ada');
    const own = (await bed.userOf('ada'))!;
    const page = await ada.get(`/admin/users/${own.id}`);
    expect(page.body).toContain('Demo County Council’s sign-in service');
    expect(page.body).not.toContain('/unlink"');
    const [identity] = await bed.database.db
      .select()
      .from(providerIdentities)
      .where(eq(providerIdentities.subject, 'ada'));
    const refused = await ada.get(`/admin/users/${own.id}/council-accounts/${identity!.id}/unlink`);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('You cannot unlink your own council account');
    expect((await ada.get('/admin')).statusCode).toBe(200);
  });
});
