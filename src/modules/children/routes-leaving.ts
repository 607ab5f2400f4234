/** A child leaving care: record or change it, remove it when recorded in error, and the notifications of a death. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { dateBoxes, linkDateErrors, parseDatedForm } from '../../platform/views/date-input.ts';
import { formErrors, parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { formatDate } from '../../platform/views/format.ts';
import { refused, who } from '../../platform/views/results.ts';
import { deathNotifications, DEATH_NOTIFICATION_RULE, leavingReasonHints, leavingReasons } from './labels.ts';
import {
  deathNotificationsForm,
  LEAVING_DATES,
  leavingForm,
  NOTIFICATION_DATES,
  removeLeavingForm,
} from './leaving-forms.ts';
import {
  recordDeathNotifications,
  recordLeftCare,
  removeLeftCare,
  type LeavingResult,
  type OpenPlacement,
} from './leaving.ts';
import { childPath, deathNotificationsPath, leavingPath, removeLeavingPath } from './paths.ts';
import { findChild, type ChildRecord } from './scope.ts';

type WithId = { Params: { id: string } };
const change = { config: { access: { permission: 'children.change' as const } } };

const childName = (c: ChildRecord) => `${c.firstName} ${c.lastName}`;
const crumbs = (c: ChildRecord) => [
  { text: 'Children', href: '/children' },
  { text: childName(c), href: childPath(c.id) },
];

/** Radio items from the reasons, the one given checked. */
function reasonItems(checked: unknown) {
  return (Object.keys(leavingReasons) as (keyof typeof leavingReasons)[]).map((value) => {
    const hint = leavingReasonHints[value];
    return {
      value,
      text: leavingReasons[value],
      checked: value === checked,
      ...(hint ? { hint: { text: hint } } : {}),
    };
  });
}

/** The child's page after a change, or the children list when the user no longer reads the child. */
function answer(reply: FastifyReply, result: LeavingResult, child: ChildRecord, done: string) {
  if (!result.ok) return refused(reply, result, { backHref: childPath(child.id) });
  return reply.redirect(result.visible ? `${childPath(child.id)}?done=${done}` : '/children', 303);
}

export function leavingRoutes(app: FastifyInstance, db: Db): void {
  /** One of the pages for a child's leaving care: 400 with the form's errors, what was typed kept. */
  function show(
    reply: FastifyReply,
    template: string,
    child: ChildRecord,
    form: { title: string; values: Record<string, unknown>; errors?: FormErrors },
    extra: Record<string, unknown>,
  ) {
    return reply.code(form.errors ? 400 : 200).page(template, {
      ...form,
      title: `${form.title}: ${childName(child)}`,
      child,
      breadcrumbs: crumbs(child),
      ...extra,
    });
  }

  function showForm(
    reply: FastifyReply,
    child: ChildRecord,
    values: Record<string, unknown>,
    errors?: FormErrors,
    placements: OpenPlacement[] = [],
  ) {
    const heading = child.leftCareOn ? 'Change the record of leaving care' : `Record that ${child.firstName} left care`;
    return show(
      reply,
      'children-leaving-form.njk',
      child,
      { title: heading, values, errors },
      {
        heading,
        placements: placements.map((p) => ({ ...p, since: formatDate(p.startDate) })),
        lookedAfterSince: formatDate(child.lookedAfterSince),
        reasonItems: reasonItems(values.reason),
        action: leavingPath(child.id),
        cancel: childPath(child.id),
        removeHref: child.leftCareOn ? removeLeavingPath(child.id) : null,
      },
    );
  }

  /** The child, within the user's access, or null for a 404. */
  const childOf = (request: FastifyRequest<WithId>) => findChild(db, request.user!, request.params.id);

  app.get<WithId>('/children/:id/left-care', change, async (request, reply) => {
    const child = await childOf(request);
    if (!child) return reply.callNotFound();
    const values = child.leftCareOn
      ? { ...dateBoxes('leftCareOn', child.leftCareOn), reason: child.leftCareReason, details: child.leftCareDetails }
      : {};
    return showForm(reply, child, values);
  });

  app.post<WithId>('/children/:id/left-care', change, async (request, reply) => {
    const child = await childOf(request);
    if (!child) return reply.callNotFound();
    const form = parseDatedForm(leavingForm(todayInLondon(), child), request.body, LEAVING_DATES);
    if (!form.ok) return showForm(reply, child, form.input, form.errors);
    const wasLeft = child.leftCareOn !== null;
    const result = await recordLeftCare(db, who(request), child, form.value);
    if (!result.ok && result.reason === 'invalid') {
      const errors = linkDateErrors(formErrors(result.errors), LEAVING_DATES);
      return showForm(reply, child, request.body as Record<string, unknown>, errors, result.placements);
    }
    return answer(reply, result, child, wasLeft ? 'left-care-changed' : 'left-care');
  });

  const showRemove = (reply: FastifyReply, child: ChildRecord, values: Record<string, unknown>, errors?: FormErrors) =>
    show(
      reply,
      'children-leaving-remove.njk',
      child,
      { title: 'Remove the record of leaving care', values, errors },
      {
        leftCareOn: formatDate(child.leftCareOn),
        action: removeLeavingPath(child.id),
        cancel: leavingPath(child.id),
      },
    );

  app.get<WithId>('/children/:id/left-care/remove', change, async (request, reply) => {
    const child = await childOf(request);
    if (!child?.leftCareOn) return reply.callNotFound();
    return showRemove(reply, child, {});
  });

  app.post<WithId>('/children/:id/left-care/remove', change, async (request, reply) => {
    const child = await childOf(request);
    if (!child?.leftCareOn) return reply.callNotFound();
    const form = parseForm(removeLeavingForm, request.body);
    if (!form.ok) return showRemove(reply, child, form.input, form.errors);
    return answer(reply, await removeLeftCare(db, who(request), child, form.value.reason), child, 'left-care-removed');
  });

  const showNotifications = (
    reply: FastifyReply,
    child: ChildRecord,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) =>
    show(
      reply,
      'children-leaving-notifications.njk',
      child,
      { title: 'Notifications of the death', values, errors },
      {
        diedOn: formatDate(child.leftCareOn),
        rule: DEATH_NOTIFICATION_RULE,
        recipients: deathNotifications,
        action: deathNotificationsPath(child.id),
        cancel: childPath(child.id),
      },
    );

  /** The child who died, within the user's access, or null for a 404. */
  const childWhoDied = async (request: FastifyRequest<WithId>) => {
    const child = await childOf(request);
    return child?.leftCareReason === 'died' && child.leftCareOn ? child : null;
  };

  app.get<WithId>('/children/:id/left-care/notifications', change, async (request, reply) => {
    const child = await childWhoDied(request);
    if (!child) return reply.callNotFound();
    const values = Object.fromEntries(
      deathNotifications.flatMap((n) => Object.entries(dateBoxes(n.field, child[n.column]))),
    );
    return showNotifications(reply, child, values);
  });

  app.post<WithId>('/children/:id/left-care/notifications', change, async (request, reply) => {
    const child = await childWhoDied(request);
    if (!child) return reply.callNotFound();
    const form = parseDatedForm(
      deathNotificationsForm(todayInLondon(), child.leftCareOn!),
      request.body,
      NOTIFICATION_DATES,
    );
    if (!form.ok) return showNotifications(reply, child, form.input, form.errors);
    return answer(
      reply,
      await recordDeathNotifications(db, who(request), child, form.value),
      child,
      'death-notifications',
    );
  });
}
