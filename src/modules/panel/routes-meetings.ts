/**
 * The panel calendar, a meeting's page (attendance, quorum, agenda, papers, recommendations, minutes),
 * adding a meeting and putting its date right (on the add form, filled in: meeting-date.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../platform/access/policy.ts';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { dateBoxes, linkDateErrors, parseDatedForm } from '../../platform/views/date-input.ts';
import { formErrors, parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { formatDate, named } from '../../platform/views/format.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { isUuid, pageFrom } from '../../platform/views/params.ts';
import { answerForm, who } from '../../platform/views/results.ts';
import { CANDIDATES_SHOWN, candidatesFor, searchedKinds } from './agenda.ts';
import { representationsBy } from './dates.ts';
import { attendanceForm, itemForm, meetingDateForm, meetingForm, minutesForm, publishForm } from './forms.ts';
import {
  careTypeNames,
  careTypes,
  decisionOutcomeNames,
  itemKindNames,
  itemKinds,
  itemsWithTerms,
  proposedSkillLevel,
  memberRoleNames,
  qaOutcomeNames,
  recommendationNames,
  termsText,
  type ItemKind,
} from './labels.ts';
import { findMeeting, listMeetings, meetingDetail, membersOnListOn } from './queries.ts';
import { quorumOf } from './quorum.ts';
import { bodyOf, calendarCrumb, doneMessages, errorsOr, rule, type WithId } from './route-support.ts';
import { mayWithdrawSignature } from './minutes-withdraw.ts';
import { meetingDatePath, meetingPath, minutesWithdrawPath } from './paths.ts';
import { changeMeetingDate, dateFormViewed } from './meeting-date.ts';
import { householdsPresentedBy, householdsReadBy, memberOfUser, opensPaper, seesMeeting } from './scope.ts';
import { addItem, createMeeting, setAttendance } from './service.ts';
import { publishPapers } from './papers.ts';
import { confirmedCount, evidenceChecks, evidenceOfItems, type IncompleteEvidence } from './skills-evidence.ts';
import { signMinutes } from './decisions.ts';
import { skillLevelName } from '../households/labels.ts';
import { householdPath } from '../households/paths.ts';

export function meetingRoutes(app: FastifyInstance, db: Db): void {
  app.get<WithId>('/panel', rule('panel.view'), async (request, reply) => {
    const user = request.user!;
    const member = user.role === 'panel_member' ? await memberOfUser(db, user) : null;
    if (user.role === 'panel_member' && !member) {
      return reply.page('panel-calendar.njk', { title: 'Fostering panel', rows: [], notOnList: true });
    }
    const page = pageFrom(request.query.page);
    const { rows, total } = await listMeetings(db, member?.id ?? null, page);
    return reply.page('panel-calendar.njk', {
      title: page > 1 ? `Fostering panel (page ${page})` : 'Fostering panel',
      rows,
      total,
      today: todayInLondon(),
      pagination: pagination('/panel', page, 25, total),
      can: {
        manage: can(user.role, 'panel.manage'),
        decide: can(user.role, 'panel.decide'),
        sit: can(user.role, 'panel.sit'),
      },
      flash: doneMessages[request.query.done ?? ''],
    });
  });

  /** The add form; given a meeting, its date alone, filled in, to put it right. */
  const meetingFormPage = (
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors?: FormErrors,
    meeting?: { id: string; meetsOn: string },
  ) =>
    reply.code(errors ? 400 : 200).page('panel-meeting-form.njk', {
      title: meeting
        ? `Change the date of the meeting: panel meeting, ${formatDate(meeting.meetsOn)}`
        : 'Add a panel meeting',
      meeting,
      action: meeting ? meetingDatePath(meeting.id) : '/panel/meetings/new',
      cancel: meeting ? meetingPath(meeting.id) : '/panel',
      values,
      errors,
      breadcrumbs: meeting
        ? [calendarCrumb, { text: `Panel meeting, ${formatDate(meeting.meetsOn)}`, href: meetingPath(meeting.id) }]
        : [calendarCrumb],
    });
  app.get('/panel/meetings/new', rule('panel.manage'), (_request, reply) => meetingFormPage(reply, {}));
  app.post('/panel/meetings/new', rule('panel.manage'), async (request, reply) => {
    const parsed = parseDatedForm(meetingForm, request.body, ['meetsOn']);
    if (!parsed.ok) return meetingFormPage(reply, parsed.input, parsed.errors);
    const result = await createMeeting(db, who(request), parsed.value);
    if (!result.ok) return reply.callNotFound();
    return reply.redirect(`${meetingPath(result.id)}?done=meeting`, 303);
  });

  // Putting the meeting's date right: the add form's date, filled in.
  const meetingOf = async (id: string) => (isUuid(id) ? await findMeeting(db, id) : null);
  app.get<WithId>(meetingDatePath(':id'), rule('panel.manage'), async (request, reply) => {
    const meeting = await meetingOf(request.params.id);
    if (!meeting) return reply.callNotFound();
    await dateFormViewed(db, who(request), meeting.id);
    return meetingFormPage(reply, dateBoxes('meetsOn', meeting.meetsOn), undefined, meeting);
  });
  app.post<WithId>(meetingDatePath(':id'), rule('panel.manage'), async (request, reply) => {
    const meeting = await meetingOf(request.params.id);
    if (!meeting) return reply.callNotFound();
    const parsed = parseDatedForm(meetingDateForm, request.body, ['meetsOn']);
    if (!parsed.ok) return meetingFormPage(reply, parsed.input, parsed.errors, meeting);
    const result = await changeMeetingDate(db, who(request), meeting.id, parsed.value.meetsOn);
    return answerForm(reply, result, `${meetingPath(meeting.id)}?done=date`, (errors) =>
      meetingFormPage(reply, bodyOf(request.body), linkDateErrors(errors, ['meetsOn']), meeting),
    );
  });

  async function meetingPage(
    request: FastifyRequest<WithId>,
    reply: FastifyReply,
    form: {
      name?: string;
      values?: Record<string, unknown>;
      errors?: FormErrors;
      /** Publishing asks again: the skills level items whose evidence is incomplete. */
      incomplete?: IncompleteEvidence[];
    } = {},
  ) {
    const id = request.params.id;
    const meeting = isUuid(id) ? await findMeeting(db, id) : null;
    const user = request.user!;
    if (!meeting || !(await seesMeeting(db, user, meeting.id))) return reply.callNotFound();
    const detail = await meetingDetail(db, meeting.id);
    const quorum = quorumOf(detail.attending.map((a) => a.role));
    const attendingIds = new Set(detail.attending.map((a) => a.id));
    const manage = can(user.role, 'panel.manage');
    const onList = manage ? await membersOnListOn(db, meeting.meetsOn) : [];
    const member = user.role === 'panel_member' ? await memberOfUser(db, user) : null;
    const sitting = member !== null && attendingIds.has(member.id);
    const chairing = detail.attending.some((a) => a.role === 'chair') ? 'chair' : 'vice_chair';
    // The households on the agenda the user may read: their papers open, and their names lead to their records.
    const read =
      can(user.role, 'panel.papers') || can(user.role, 'households.view')
        ? await householdsReadBy(
            db,
            user,
            detail.items.map((i) => i.item.householdId),
          )
        : new Set<string>();
    const known = { sitting, readsHousehold: (householdId: string) => read.has(householdId) };
    // Each item's actions only for those who may take them (the services refuse the others).
    const presented = await householdsPresentedBy(
      db,
      user,
      detail.items.map((i) => i.item.householdId),
    );
    const assures = user.role === 'team_manager' || user.role === 'head_of_fostering';
    const evidence = await evidenceOfItems(
      db,
      detail.items.filter((i) => i.item.kind === 'skills_level').map((i) => i.item.id),
    );
    return reply.code(form.errors ? 400 : 200).page('panel-meeting.njk', {
      title: form.incomplete
        ? `Publish the papers with the evidence incomplete? Panel meeting, ${formatDate(meeting.meetsOn)}`
        : `Panel meeting, ${formatDate(meeting.meetsOn)}`,
      evidenceOf: evidenceChecks.length,
      meeting,
      attending: detail.attending.map((a) => ({ ...a, roleName: named(memberRoleNames, a.role) })),
      quorum,
      items: await Promise.all(
        detail.items.map(async (i) => ({
          ...i,
          kindName: named(itemKindNames, i.item.kind),
          recommendationName: named(recommendationNames, i.item.recommendation),
          careTypeName: named(careTypeNames, i.item.careType),
          skillLevelName: proposedSkillLevel(i.item),
          terms: termsText(i.item),
          evidence:
            i.item.kind === 'skills_level'
              ? { confirmed: confirmedCount(evidence.get(i.item.id) ?? null), of: evidenceChecks.length }
              : null,
          outcomeName: named(decisionOutcomeNames, i.decisionOutcome),
          householdHref: read.has(i.item.householdId) ? householdPath(i.item.householdId) : null,
          may: {
            upload:
              user.role === 'panel_adviser' ||
              presented.changes.has(i.item.householdId) ||
              presented.assesses.has(i.item.householdId),
            assure: assures && presented.changes.has(i.item.householdId),
            checkEvidence: presented.changes.has(i.item.householdId),
          },
          // A paper is a link only for those who may open it: the others see that it exists.
          papers: await Promise.all(
            i.papers.map(async (p) => ({
              ...p,
              qaName: named(qaOutcomeNames, p.qaOutcome),
              opens: await opensPaper(db, user, p, meeting, i.item.householdId, known),
            })),
          ),
        })),
      ),
      memberItems: onList.map((m) => ({
        value: m.id,
        text: m.name,
        hint: { text: named(memberRoleNames, m.role) },
        checked: attendingIds.has(m.id),
      })),
      today: todayInLondon(),
      changeDateHref: manage ? meetingDatePath(meeting.id) : null,
      withdrawHref: (await mayWithdrawSignature(db, who(request), meeting)) ? minutesWithdrawPath(meeting.id) : null,
      can: {
        manage,
        papers: can(user.role, 'panel.papers'),
        decide: can(user.role, 'panel.decide'),
        sign: member !== null && attendingIds.has(member.id) && member.role === chairing && !meeting.minutesSignedOn,
        letters: can(user.role, 'panel.letters'),
      },
      awaitingRecommendation: detail.items.filter((i) => !i.item.recommendation).length,
      representationsBy: meeting.minutesSignedOn ? representationsBy(meeting.minutesSignedOn) : null,
      form,
      errors: form.errors,
      flash: doneMessages[request.query.done ?? ''],
      breadcrumbs: [calendarCrumb],
    });
  }
  app.get<WithId>('/panel/meetings/:id', rule('panel.view'), (request, reply) => meetingPage(request, reply));

  app.post<WithId>('/panel/meetings/:id/attendance', rule('panel.manage'), async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const parsed = parseForm(attendanceForm, request.body);
    if (!parsed.ok) return meetingPage(request, reply, { name: 'attendance', errors: parsed.errors });
    const result = await setAttendance(db, who(request), request.params.id, parsed.value.memberIds);
    if (result.ok) return reply.redirect(`${meetingPath(request.params.id)}?done=attendance`, 303);
    const errors = errorsOr(reply, result, meetingPath(request.params.id));
    return errors ? meetingPage(request, reply, { name: 'attendance', errors }) : reply;
  });

  app.post<WithId>('/panel/meetings/:id/publish', rule('panel.manage'), async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const parsed = parseForm(publishForm, request.body);
    const answer = parsed.ok ? parsed.value : { asked: 'yes', evidenceIncomplete: undefined };
    const withIncompleteEvidence = answer.evidenceIncomplete === 'publish';
    const result = await publishPapers(db, who(request), request.params.id, { withIncompleteEvidence });
    if (result.ok) return reply.redirect(`${meetingPath(request.params.id)}?done=published`, 303);
    if (result.reason === 'unconfirmed') {
      // Asked the first time; refused with the reason when asked and not confirmed.
      const errors = answer.asked
        ? formErrors([
            {
              field: 'evidenceIncomplete',
              message: 'Select “Publish the papers with the evidence incomplete” to publish them now',
            },
          ])
        : undefined;
      return meetingPage(request, reply, { name: 'publish', errors, incomplete: result.incomplete });
    }
    const errors = errorsOr(reply, result, meetingPath(request.params.id));
    return errors ? meetingPage(request, reply, { name: 'publish', errors }) : reply;
  });

  app.post<WithId>('/panel/meetings/:id/minutes', rule('panel.sit'), async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const parsed = parseForm(minutesForm, request.body);
    if (!parsed.ok)
      return meetingPage(request, reply, { name: 'minutes', values: parsed.input, errors: parsed.errors });
    const result = await signMinutes(db, who(request), request.params.id, parsed.value.minutes);
    if (result.ok) return reply.redirect(`${meetingPath(request.params.id)}?done=minutes`, 303);
    const errors = errorsOr(reply, result, meetingPath(request.params.id));
    return errors ? meetingPage(request, reply, { name: 'minutes', values: bodyOf(request.body), errors }) : reply;
  });

  async function itemPage(
    request: FastifyRequest<WithId>,
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const meeting = isUuid(request.params.id) ? await findMeeting(db, request.params.id) : null;
    if (!meeting) return reply.callNotFound();
    const kind = (itemKinds as readonly string[]).includes(String(values.kind)) ? (values.kind as ItemKind) : null;
    const searched = kind !== null && searchedKinds.includes(kind);
    const search = searched && typeof values.q === 'string' ? values.q.trim().slice(0, 100) : '';
    const found = kind ? await candidatesFor[kind](db, search ? { search } : {}) : [];
    const more = searched && found.length > CANDIDATES_SHOWN;
    const candidates = searched ? found.slice(0, CANDIDATES_SHOWN) : found;
    // The household chosen before a refusal stays chosen, though another search or page would not list it.
    const chosen = typeof values.candidate === 'string' ? values.candidate : '';
    if (kind && chosen && !candidates.some((c) => c.value === chosen)) {
      candidates.unshift(...(await candidatesFor[kind](db, { value: chosen })));
    }
    return reply.code(errors ? 400 : 200).page('panel-item-form.njk', {
      title: kind ? `Add to the agenda: ${itemKindNames[kind].toLowerCase()}` : 'Add an item to the agenda',
      meeting,
      kind,
      searched,
      search,
      more,
      shown: CANDIDATES_SHOWN,
      kindItems: itemKinds.map((k) => ({ value: k, text: itemKindNames[k], checked: kind === k })),
      candidates: candidates.map((c) => ({
        value: c.value,
        text: c.text,
        hint: { text: c.hint },
        checked: values.candidate === c.value,
      })),
      withTerms: kind !== null && itemsWithTerms.includes(kind),
      skillLevels:
        kind === 'skills_level'
          ? ([2, 3] as const).map((level) => ({
              value: String(level),
              text: skillLevelName(level),
              checked: values.skillLevel === String(level),
            }))
          : null,
      careTypes: careTypes.map((c) => ({ value: c, text: careTypeNames[c], checked: values.careType === c })),
      values,
      errors,
      breadcrumbs: [calendarCrumb, { text: 'Meeting', href: meetingPath(meeting.id) }],
    });
  }
  app.get<WithId>('/panel/meetings/:id/items/new', rule('panel.manage'), (request, reply) =>
    itemPage(request, reply, { kind: request.query.kind, q: request.query.q }),
  );
  app.post<WithId>('/panel/meetings/:id/items/new', rule('panel.manage'), async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const parsed = parseForm(itemForm, request.body);
    if (!parsed.ok) return itemPage(request, reply, parsed.input, parsed.errors);
    const result = await addItem(db, who(request), request.params.id, parsed.value);
    if (result.ok) return reply.redirect(`${meetingPath(request.params.id)}?done=item`, 303);
    const errors = errorsOr(reply, result, meetingPath(request.params.id));
    return errors ? itemPage(request, reply, bodyOf(request.body), errors) : reply;
  });
}
