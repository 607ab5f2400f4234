import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { Agent } from '../../../../test/support/app.ts';
import { auditEvents } from '../../audit/tables.ts';
import { providerTestBed } from './test-bed.ts';

/** The roles each group at the provider gives, the people waiting for one, and losing access. */
const bed = providerTestBed();
const NO_ROLE = 'Your account has no role in Hearth yet';

async function removeMapping(claimValue: string) {
  const list = await bed.admin.get('/admin/sign-in/mappings');
  const row = list.body.split(`>${claimValue}<`)[1] ?? '';
  const href = /href="(\/admin\/sign-in\/mappings\/[0-9a-f-]{36}\/remove)"/.exec(row)?.[1];
  expect(href, list.body).toBeDefined();
  const confirm = await bed.admin.get(href!);
  expect(confirm.statusCode).toBe(200);
  expect(confirm.body).toContain('Are you sure you want to remove the role for this group?');
  const removed = await bed.admin.post(href!, {});
  expect(removed.statusCode).toBe(303);
}

describe('the roles given by group, kept by an administrator', () => {
  it('adds a mapping through the form, with errors shown and the input kept, and audits it', async () => {
    const empty = await bed.admin.post('/admin/sign-in/mappings/new', { claimValue: 'fostering-ssw', role: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('govuk-error-summary');
    expect(empty.body).toContain('Select a role');
    expect(empty.body).toContain('value="fostering-ssw"');

    const noTeam = await bed.admin.post('/admin/sign-in/mappings/new', {
      claimValue: 'fostering-ssw',
      role: 'supervising_social_worker',
      teamId: '',
    });
    expect(noTeam.statusCode).toBe(400);
    expect(noTeam.body).toContain('Select the team this person works in');

    const carer = await bed.admin.post('/admin/sign-in/mappings/new', { claimValue: 'carers', role: 'foster_carer' });
    expect(carer.statusCode).toBe(400);
    expect(carer.body).toContain('Foster carers sign in with a Hearth password');

    await bed.addMapping({ claimValue: 'fostering-ssw', role: 'supervising_social_worker', teamId: bed.eastTeam1 });
    const again = await bed.admin.post('/admin/sign-in/mappings/new', { claimValue: 'fostering-ssw', role: 'lado' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('There is already a role for this group');

    const list = await bed.admin.get('/admin/sign-in/mappings?done=added');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('The role for the group has been added');
    expect(list.body).toContain('fostering-ssw');
    expect(list.body).toContain('Supervising social worker');
    expect(list.body).toContain('East Kent Fostering Team 1');
    const audited = await bed.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, 'role-mapping'), eq(auditEvents.action, 'create')));
    expect(audited).toHaveLength(1);
    expect(audited[0]!.detail).toMatchObject({ claimValue: 'fostering-ssw', role: 'supervising_social_worker' });

    const overview = await bed.admin.get('/admin/sign-in');
    expect(overview.statusCode).toBe(200);
    expect(overview.body).toContain(bed.provider.issuer);
    expect(overview.body).toContain('1 group');
  });
});

describe('someone whose groups have no role in Hearth', () => {
  it('sees that they have no role yet, without the service’s navigation, and waits on the administrator’s list', async () => {
    bed.account('newstarter', 'Nia Newstarter', ['fostering-newstarters']);
    const agent = new Agent(bed.app);
    const { response } = await bed.throughProvider(agent, 'newstarter');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/sign-in/no-role');
    const page = await agent.get('/sign-in/no-role');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(NO_ROLE);
    expect(page.body).not.toContain('govuk-service-navigation__link');
    expect(page.body).not.toContain('Sign out');
    expect((await agent.get('/my-work')).headers.location).toMatch(/^\/sign-in/);
    expect(await bed.userOf('newstarter')).toBeNull();

    const waiting = await bed.admin.get('/admin/sign-in/waiting');
    expect(waiting.statusCode).toBe(200);
    expect(waiting.body).toContain('Nia Newstarter');
    expect(waiting.body).toContain('fostering-newstarters');
    expect(waiting.body).toMatch(/\d{1,2} [A-Z][a-z]+ \d{4}/); // "1 December 2026"
  });

  it('can be given a role by the administrator, then signs in', async () => {
    const waiting = await bed.admin.get('/admin/sign-in/waiting');
    const href = /href="(\/admin\/sign-in\/waiting\/[0-9a-f-]{36})"/.exec(waiting.body)?.[1];
    expect(href).toBeDefined();
    const form = await bed.admin.get(href!);
    expect(form.body).toContain('Give a role to Nia Newstarter');
    const noTeam = await bed.admin.post(href!, { role: 'assessing_social_worker', teamId: '', areaId: '' });
    expect(noTeam.statusCode).toBe(400);
    expect(noTeam.body).toContain('Select the team this person works in');
    expect(noTeam.body).toMatch(/<option value="assessing_social_worker" selected/);
    const given = await bed.admin.post(href!, { role: 'assessing_social_worker', teamId: bed.eastTeam1, areaId: '' });
    expect(given.statusCode).toBe(303);
    expect((await bed.admin.get(String(given.headers.location))).body).toContain('No one is waiting');

    const agent = new Agent(bed.app);
    const { response } = await bed.throughProvider(agent, 'newstarter');
    expect(response.headers.location).toBe('/');
    expect((await bed.landing(agent, response)).body).toContain('(Assessing social worker)');
    expect(await bed.userOf('newstarter')).toMatchObject({ role: 'assessing_social_worker', teamId: bed.eastTeam1 });
  });
});

describe('losing access', () => {
  it('ends access at the next sign-in when the provider no longer puts them in a mapped group', async () => {
    bed.account('ola', 'Ola Leaver', ['fostering-ssw']);
    const earlier = new Agent(bed.app);
    await bed.throughProvider(earlier, 'ola');
    expect((await earlier.get('/my-work')).statusCode).toBe(200);

    bed.account('ola', 'Ola Leaver', []);
    const later = new Agent(bed.app);
    const { response } = await bed.throughProvider(later, 'ola');
    expect(response.headers.location).toBe('/sign-in/no-role');
    // Their other session ends too, and the account is deactivated.
    expect((await earlier.get('/my-work')).headers.location).toMatch(/^\/sign-in/);
    expect(await bed.userOf('ola')).toMatchObject({ active: false });
    const waiting = await bed.admin.get('/admin/sign-in/waiting');
    expect(waiting.body).toContain('Ola Leaver');
    expect(waiting.body).toContain('Lost access when their groups changed');

    // Back in the group: the account is theirs again.
    bed.account('ola', 'Ola Leaver', ['fostering-ssw']);
    const back = new Agent(bed.app);
    const returned = await bed.throughProvider(back, 'ola');
    expect(returned.response.headers.location).toBe('/');
    expect(await bed.userOf('ola')).toMatchObject({ active: true, role: 'supervising_social_worker' });
  });

  it('ends access at the next sign-in when the administrator removes the mapping', async () => {
    bed.account('mo', 'Mo Mapped', ['fostering-reviewers']);
    await bed.addMapping({ claimValue: 'fostering-reviewers', role: 'reviewing_officer' });
    const agent = new Agent(bed.app);
    const first = await bed.throughProvider(agent, 'mo');
    expect((await bed.landing(agent, first.response)).body).toContain('(Reviewing officer)');

    await removeMapping('fostering-reviewers');
    const audited = await bed.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, 'role-mapping'), eq(auditEvents.action, 'delete')));
    expect(audited.at(-1)!.detail).toMatchObject({ claimValue: 'fostering-reviewers' });

    const next = new Agent(bed.app);
    const { response } = await bed.throughProvider(next, 'mo');
    expect(response.headers.location).toBe('/sign-in/no-role');
    expect((await agent.get('/my-work')).headers.location).toMatch(/^\/sign-in/);
    expect((await bed.admin.get('/admin/sign-in/waiting')).body).toContain('Mo Mapped');
  });

  it('ends access on the next request when an administrator deactivates the account, and refuses sign-in', async () => {
    bed.account('dee', 'Dee Activated', ['fostering-ssw']);
    const agent = new Agent(bed.app);
    await bed.throughProvider(agent, 'dee');
    expect((await agent.get('/my-work')).statusCode).toBe(200);
    const id = (await bed.userOf('dee'))!.id;
    await bed.admin.get(`/admin/users/${id}/deactivate`);
    expect((await bed.admin.post(`/admin/users/${id}/deactivate`, {})).statusCode).toBe(303);

    const next = await agent.get('/my-work');
    expect(next.statusCode).toBe(302);
    expect(next.headers.location).toMatch(/^\/sign-in/);
    const again = await bed.throughProvider(new Agent(bed.app), 'dee');
    expect(again.response.statusCode).toBe(403);
    expect(again.response.body).toContain('Your Hearth account has been deactivated');
  });
});
