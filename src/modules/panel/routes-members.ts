/** The central list of panel members. */
import { named } from '../../platform/views/format.ts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { dateBoxes, parseDatedForm } from '../../platform/views/date-input.ts';
import type { FormErrors } from '../../platform/views/forms.ts';
import { isUuid } from '../../platform/views/params.ts';
import { who } from '../../platform/views/results.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { memberDateNames, memberForm } from './forms.ts';
import { memberRoleNames, memberRoles } from './labels.ts';
import { findMember, listMembers, panelAccounts } from './queries.ts';
import { calendarCrumb, doneMessages, errorsOr, rule, type WithId } from './route-support.ts';
import { saveMember } from './service.ts';
import { panelMemberPath } from './paths.ts';

const membersCrumb = { text: 'Panel members', href: '/panel/members' };

export function memberRoutes(app: FastifyInstance, db: Db): void {
  app.get<WithId>('/panel/members', rule('panel.manage'), async (request, reply) => {
    const today = todayInLondon();
    const rows = (await listMembers(db)).map(({ member, username }) => ({
      ...member,
      roleName: named(memberRoleNames, member.role),
      account: username,
      current: !member.leavesOn || member.leavesOn > today,
    }));
    return reply.page('panel-members.njk', {
      title: 'Panel members',
      rows,
      flash: doneMessages[request.query.done ?? ''],
      breadcrumbs: [calendarCrumb],
    });
  });

  async function form(reply: FastifyReply, id: string | null, values: Record<string, unknown>, errors?: FormErrors) {
    const accounts = await panelAccounts(db);
    return reply.code(errors ? 400 : 200).page('panel-member-form.njk', {
      title: id ? `Change panel member: ${String(values.name ?? '')}` : 'Add a panel member',
      action: id ? panelMemberPath(id) : '/panel/members/new',
      values,
      errors,
      roles: memberRoles.map((r) => ({ value: r, text: memberRoleNames[r], checked: values.role === r })),
      accounts: [
        { value: '', text: 'No account' },
        ...accounts.map((a) => ({ value: a.id, text: a.name, selected: values.userId === a.id })),
      ],
      breadcrumbs: [calendarCrumb, membersCrumb],
    });
  }

  app.get('/panel/members/new', rule('panel.manage'), (_request, reply) => form(reply, null, {}));
  app.post('/panel/members/new', rule('panel.manage'), async (request, reply) => {
    const parsed = parseDatedForm(memberForm, request.body, memberDateNames);
    if (!parsed.ok) return form(reply, null, parsed.input, parsed.errors);
    const result = await saveMember(db, who(request), parsed.value);
    if (result.ok) return reply.redirect('/panel/members?done=member', 303);
    const errors = errorsOr(reply, result, '/panel/members');
    return errors ? form(reply, null, request.body as Record<string, unknown>, errors) : reply;
  });

  app.get<WithId>('/panel/members/:id', rule('panel.manage'), async (request, reply) => {
    const member = isUuid(request.params.id) ? await findMember(db, request.params.id) : null;
    if (!member) return reply.callNotFound();
    const values: Record<string, unknown> = { name: member.name, role: member.role, userId: member.userId ?? '' };
    for (const name of memberDateNames) Object.assign(values, dateBoxes(name, member[name]));
    return form(reply, member.id, values);
  });
  app.post<WithId>('/panel/members/:id', rule('panel.manage'), async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const parsed = parseDatedForm(memberForm, request.body, memberDateNames);
    if (!parsed.ok) return form(reply, request.params.id, parsed.input, parsed.errors);
    const result = await saveMember(db, who(request), parsed.value, request.params.id);
    if (result.ok) return reply.redirect('/panel/members?done=member', 303);
    const errors = errorsOr(reply, result, '/panel/members');
    return errors ? form(reply, request.params.id, request.body as Record<string, unknown>, errors) : reply;
  });
}
