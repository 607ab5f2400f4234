/**
 * The forms that write a member's folder (agreement, session, PDP, training, start date): one
 * pattern for each, GET shows the form, POST validates, saves and redirects to the folder (or
 * shows the form again with the errors and everything typed).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Db } from '../../platform/db/client.ts';
import { parseDatedForm } from '../../platform/views/date-input.ts';
import { bodyOf, formErrors, type FormErrors } from '../../platform/views/forms.ts';
import { refused, who, type Result, type Who } from '../../platform/views/results.ts';
import { datePartsOf } from '../../platform/views/date-input.ts';
import {
  agreementDateFields,
  agreementForm,
  pdpDateFields,
  pdpForm,
  sessionDateFields,
  sessionForm,
  startDateFields,
  startForm,
  trainingDateFields,
  trainingForm,
} from './forms.ts';
import { folderFormPath, folderPath } from './paths.ts';
import { findVisibleMember, type MemberRecord } from './queries.ts';
import { supervises } from './scope.ts';
import { pdpToUpdate, recordAgreement, recordPdp, recordSession, recordStart, recordTraining } from './service.ts';
import { DEFAULT_SUPERVISION_WEEKS, inductionItems, mandatoryCourses, SUPERVISION_WEEKS_CHOICES } from './settings.ts';
import { memberCaption } from './views.ts';

type WithId = { Params: { id: string } };

interface FolderForm<S extends z.ZodType> {
  /** After /staff/:id/ */
  path: string;
  title: string;
  template: string;
  schema: S;
  dateFields: string[];
  /** What the form opens with: for a record kept in versions, the current one, so an update edits it. */
  initial?(db: Db, who: Who, member: MemberRecord): Promise<Record<string, unknown>>;
  done: string;
  save(db: Db, who: Who, memberId: string, value: z.infer<S>): Promise<Result>;
}

const FORBIDDEN_LINES = [
  'A member of staff’s supervision is recorded by their manager: the team manager of their team, or the head of fostering for team managers and staff with no team. Nobody records their own.',
];

function formRoutes<S extends z.ZodType>(app: FastifyInstance, db: Db, form: FolderForm<S>) {
  const url = `/staff/:id/${form.path}`;
  const access = { config: { access: { permission: 'staff.supervise' as const } } };

  const show = (reply: FastifyReply, member: MemberRecord, values: Record<string, unknown>, errors?: FormErrors) =>
    reply.code(errors ? 400 : 200).page(form.template, {
      title: form.title,
      caption: memberCaption(member),
      member,
      action: folderFormPath(member.id, form.path),
      cancel: folderPath(member.id),
      values,
      dates: Object.fromEntries(form.dateFields.map((name) => [name, datePartsOf(values, name)])),
      errors,
      courseItems: [...mandatoryCourses, ...inductionItems].map((c) => ({
        value: c.key,
        text: c.name,
        checked: values.item === c.key,
      })),
      weekItems: SUPERVISION_WEEKS_CHOICES.map((w) => ({
        value: String(w),
        text: `Every ${w} weeks`,
        checked: String(values.frequencyWeeks ?? DEFAULT_SUPERVISION_WEEKS) === String(w),
      })),
      breadcrumbs: [
        { text: 'Staff supervision', href: '/staff' },
        { text: member.displayName, href: folderPath(member.id) },
      ],
    });

  /** The member, if the user may see them (else null: a 404), and whether they may record here. */
  async function memberFor(request: FastifyRequest<WithId>) {
    const member = await findVisibleMember(db, request.user!, request.params.id);
    return member ? { member, may: supervises(request.user!, member) } : null;
  }

  const forbiddenPage = (reply: FastifyReply, member: MemberRecord) =>
    reply.code(403).page('error.njk', {
      title: 'You cannot record this',
      lines: FORBIDDEN_LINES,
      backLink: { href: folderPath(member.id) },
    });

  app.get<WithId>(url, access, async (request, reply) => {
    const found = await memberFor(request);
    if (!found) return reply.callNotFound();
    if (!found.may) return forbiddenPage(reply, found.member);
    return show(reply, found.member, form.initial ? await form.initial(db, who(request), found.member) : {});
  });

  app.post<WithId>(url, access, async (request, reply) => {
    const found = await memberFor(request);
    if (!found) return reply.callNotFound();
    if (!found.may) return forbiddenPage(reply, found.member);
    const parsed = parseDatedForm(form.schema, request.body, form.dateFields);
    if (!parsed.ok) return show(reply, found.member, parsed.input, parsed.errors);
    const result = await form.save(db, who(request), found.member.id, parsed.value);
    if (result.ok) return reply.redirect(`${folderPath(found.member.id)}?done=${form.done}`, 303);
    if (result.reason === 'invalid') {
      const errors = formErrors(result.errors);
      return show(reply, found.member, bodyOf(request.body), {
        ...errors,
        list: errors.list.map((e) =>
          form.dateFields.some((n) => e.href === `#${n}`) ? { ...e, href: `${e.href}-day` } : e,
        ),
      });
    }
    return refused(reply, result, { backHref: folderPath(found.member.id), lines: FORBIDDEN_LINES });
  });
}

export function folderFormRoutes(app: FastifyInstance, db: Db) {
  formRoutes(app, db, {
    path: 'agreement',
    title: 'Record the supervision agreement',
    template: 'staff-agreement-form.njk',
    schema: agreementForm,
    dateFields: agreementDateFields,
    done: 'agreement',
    save: recordAgreement,
  });
  formRoutes(app, db, {
    path: 'sessions/new',
    title: 'Record a supervision session',
    template: 'staff-session-form.njk',
    schema: sessionForm,
    dateFields: sessionDateFields,
    done: 'session',
    save: recordSession,
  });
  formRoutes(app, db, {
    path: 'pdp',
    title: 'Update the personal development plan',
    template: 'staff-pdp-form.njk',
    schema: pdpForm,
    dateFields: pdpDateFields,
    done: 'pdp',
    initial: pdpToUpdate,
    save: recordPdp,
  });
  formRoutes(app, db, {
    path: 'training',
    title: 'Record training completed',
    template: 'staff-training-form.njk',
    schema: trainingForm,
    dateFields: trainingDateFields,
    done: 'training',
    save: recordTraining,
  });
  formRoutes(app, db, {
    path: 'joined',
    title: 'Record when they joined the fostering service',
    template: 'staff-joined-form.njk',
    schema: startForm,
    dateFields: startDateFields,
    done: 'joined',
    save: recordStart,
  });
}
