/**
 * Temporary approval pages: giving it from a child's record, an approval's page (where it stands,
 * every decision with its date and who made it, and what to do next), extending and ending it, and
 * the list of approvals still to be decided (routes-list.ts). Thin: parse, call the service, render.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { can } from '../../platform/access/policy.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { dateBoxes, linkDateErrors, parseDatedForm } from '../../platform/views/date-input.ts';
import { choicesOf, type Field } from '../../platform/views/fields.ts';
import { formatDate } from '../../platform/views/format.ts';
import type { FormErrors } from '../../platform/views/forms.ts';
import { answerForm, who, type Result } from '../../platform/views/results.ts';
import { childPath } from '../children/paths.ts';
import { findChild, type ChildRecord } from '../children/scope.ts';
import { householdPath } from '../households/paths.ts';
import { emergencyPlacementPath, placementPath } from '../placements/paths.ts';
import { newEnquiryPath, recruitmentPath } from '../recruitment/paths.ts';
import { END_DATES, endForm, EXTEND_DATES, extendForm, GIVE_DATES, giveForm } from './forms.ts';
import { endReasonNames, endReasons } from './labels.ts';
import {
  approvalPath,
  changeApprovalPath,
  changeExtensionPath,
  connectedPersonsPath,
  endApprovalPath,
  extendApprovalPath,
  giveApprovalPath,
  undoEndingPath,
} from './paths.ts';
import { approvableHouseholds, approvalsOf, findApproval, householdInReach, type ApprovalRow } from './queries.ts';
import { approvalFields, confirm, extendFields, showForm, stepPage, type Body, type FormPage } from './form-page.ts';
import { correctionRoutes } from './routes-corrections.ts';
import { listRoutes } from './routes-list.ts';
import {
  auditApprovalsViewed,
  endApproval,
  extendable,
  extendApproval,
  giveApproval,
  mayDecide,
  undecided,
} from './service.ts';
import { approvalRows, approvalSummary } from './views.ts';

const view = { config: { access: { permission: 'connected-persons.view' as const } } };
const approve = { config: { access: { permission: 'connected-persons.approve' as const } } };

type WithId = { Params: { id: string } };

function giveFields(households: { id: string; name: string; reference: string; town: string }[]): Field[] {
  return [
    {
      type: 'select',
      name: 'householdId',
      label: 'Connected person’s household',
      hint: 'Family and friends households not yet approved that you can see. Record the household first if it is not here.',
      choices: households.map((h) => ({ value: h.id, text: `${h.name} (${h.reference}), ${h.town}` })),
    },
    ...approvalFields,
    confirm(
      'assessed',
      'The connected person, their home and the adults living there have been assessed for this child (regulation 24 and Schedule 4)',
    ),
    confirm('mostAppropriate', 'Placement with them is the most appropriate placement for the child'),
    confirm('assessmentArranged', 'Their full assessment as foster carers has been arranged'),
  ];
}

const endFields: Field[] = [
  { type: 'date', name: 'endedOn', label: 'Date the temporary approval ended', hint: 'For example, 27 3 2026' },
  { type: 'radios', name: 'endReason', label: 'Why did it end?', choices: choicesOf(endReasons, endReasonNames) },
  { type: 'textarea', name: 'endNote', label: 'Note (needed for another reason)', rows: 3 },
];

const flashes: Record<string, string> = {
  given: 'The temporary approval has been recorded',
  extended: 'The extension has been recorded',
  ended: 'The end of the temporary approval has been recorded',
  approval: 'The date of the temporary approval and the nominated officer have been saved',
  extension: 'The changes to the extension have been saved',
  'end-undone': 'The ending has been undone: the temporary approval runs again',
};

export const connectedPersonsRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  listRoutes(app, db);
  correctionRoutes(app, db);

  // Giving it, from the child's record.
  const childName = (c: ChildRecord) => `${c.firstName} ${c.lastName}`;
  const givePage = (child: ChildRecord): FormPage => ({
    caption: `${childName(child)} (${child.reference})`,
    heading: 'Give temporary approval to a connected person',
    intro: [
      `A relative, friend or other person connected with ${child.firstName} may be approved as their foster carer for up to 16 weeks, for ${child.firstName} only, while their full assessment goes on (Care Planning, Placement and Case Review (England) Regulations 2010, regulation 24). Record the nominated officer’s decision here, then the placement.`,
    ],
    button: 'Record the temporary approval',
    action: giveApprovalPath(child.id),
    cancel: childPath(child.id),
    breadcrumbs: [
      { text: 'Children', href: '/children' },
      { text: childName(child), href: childPath(child.id) },
    ],
  });
  async function showGive(reply: FastifyReply, child: ChildRecord, values: Body, errors?: FormErrors) {
    const households = await approvableHouseholds(db, reply.request.user!);
    if (households.length === 0) {
      const page = givePage(child);
      page.intro.push(
        'There is no family and friends household waiting for approval that you can see. Record the connected person’s household first, as an enquiry of the family and friends type, then come back to this page.',
      );
      // Where to record it, for those who may (the managers who give temporary approval may).
      const enquiryHref = can(reply.request.user!.role, 'recruitment.record') ? newEnquiryPath : null;
      return showForm(reply, { ...page, enquiryHref }, null, values);
    }
    return showForm(reply, givePage(child), giveFields(households), values, errors);
  }
  /** The child, when in care and without an approval still to be decided; otherwise where to go instead. */
  async function givable(user: Parameters<typeof findChild>[1], id: string) {
    const child = await findChild(db, user, id);
    if (!child) return null;
    const running = (await approvalsOf(db, { childId: child.id })).find(undecided);
    return { child, elsewhere: running ? approvalPath(running.id) : child.leftCareOn ? childPath(child.id) : null };
  }
  app.get<WithId>(giveApprovalPath(':id'), approve, async (request, reply) => {
    const found = await givable(request.user!, request.params.id);
    if (!found) return reply.callNotFound();
    if (found.elsewhere) return reply.redirect(found.elsewhere, 303);
    return showGive(reply, found.child, dateBoxes('approvedOn', todayInLondon()));
  });
  app.post<WithId>(giveApprovalPath(':id'), approve, async (request, reply) => {
    const found = await givable(request.user!, request.params.id);
    if (!found) return reply.callNotFound();
    if (found.elsewhere) return reply.redirect(found.elsewhere, 303);
    const { child } = found;
    const form = parseDatedForm(giveForm(todayInLondon()), request.body, GIVE_DATES);
    if (!form.ok) return showGive(reply, child, form.input, form.errors);
    const result = await giveApproval(db, who(request), child, form.value);
    return answered(reply, result, 'given', childPath(child.id), (errors) =>
      showGive(reply, child, request.body as Body, linkDateErrors(errors, GIVE_DATES)),
    );
  });

  function answered(reply: FastifyReply, result: Result, done: string, back: string, show: (e: FormErrors) => unknown) {
    return answerForm(reply, result, result.ok ? `${approvalPath(result.id)}?done=${done}` : back, show, back);
  }

  // The approval's page.
  app.get<WithId & { Querystring: { done?: string } }>(approvalPath(':id'), view, async (request, reply) => {
    const user = request.user!;
    const a = await findApproval(db, user, request.params.id);
    if (!a) return reply.callNotFound();
    await auditApprovalsViewed(db, who(request), [a.id], 'approval');
    const today = todayInLondon();
    const [deciding, householdSeen] = await Promise.all([
      mayDecide(db, user, a),
      householdInReach(db, user, a.householdId),
    ]);
    const actions: { text: string; href: string }[] = [];
    if (deciding && undecided(a) && !a.placedHere) {
      actions.push({
        text: a.placementId
          ? `Record ${a.childName}’s move to ${a.householdName} on their current placement`
          : `Place ${a.childName} with ${a.householdName}`,
        href: a.placementId ? placementPath(a.placementId) : emergencyPlacementPath(a.childId),
      });
    }
    if (deciding && extendable(a))
      actions.push({ text: 'Extend the temporary approval', href: extendApprovalPath(a.id) });
    if (deciding && undecided(a)) {
      actions.push({ text: 'Record that the temporary approval ended', href: endApprovalPath(a.id) });
    }
    if (deciding && a.endedOn) {
      actions.push({ text: 'Undo the ending, if it was recorded in error', href: undoEndingPath(a.id) });
    }
    const summary = approvalSummary(a, today);
    return reply.page('connected-persons-approval.njk', {
      title: `Temporary approval: ${a.childName}`,
      summary,
      childName: a.childName,
      rows_: approvalRows(
        a,
        deciding ? { approval: changeApprovalPath(a.id), extension: changeExtensionPath(a.id) } : null,
      ),
      actions,
      flash: flashes[request.query.done ?? ''],
      childHref: childPath(a.childId),
      // Links only to the pages this user may open: the child's social worker reads the approval
      // through the child, and may not read the household before the child is placed there.
      householdHref: householdSeen ? householdPath(a.householdId) : null,
      assessmentHref:
        householdSeen && undecided(a) && can(user.role, 'recruitment.view') ? recruitmentPath(a.householdId) : null,
      breadcrumbs: [
        { text: 'Connected persons', href: connectedPersonsPath() },
        { text: a.childName, href: childPath(a.childId) },
      ],
    });
  });

  // Extending and ending it: open while it is still to be decided.
  const steps = [
    {
      path: extendApprovalPath,
      open: extendable,
      dates: EXTEND_DATES,
      fields: extendFields,
      form: extendForm,
      submit: extendApproval,
      done: 'extended',
      page: (a: ApprovalRow) =>
        stepPage(
          a,
          'Extend the temporary approval',
          [
            `The temporary approval runs to ${formatDate(a.extendedUntil ?? a.expiresOn)}. It may be extended once, by up to 8 weeks, if the full assessment will not be finished in time, or until the outcome of an independent review of a decision not to approve. Before the decision, the fostering panel’s views must be sought and the independent reviewing officer told; a nominated officer approves it (regulation 25).`,
          ],
          'Record the extension',
          extendApprovalPath(a.id),
        ),
    },
    {
      path: endApprovalPath,
      open: undecided,
      dates: END_DATES,
      fields: () => endFields,
      form: endForm,
      submit: endApproval,
      done: 'ended',
      page: (a: ApprovalRow) =>
        stepPage(
          a,
          'Record that the temporary approval ended',
          [
            `When ${a.householdName} is approved as foster carers, the temporary approval ends by itself: record the approval through the panel. Record here an approval that ended another way. End ${a.childName}’s placement on the placement’s page.`,
          ],
          'Record the end',
          endApprovalPath(a.id),
        ),
    },
  ] as const;
  for (const step of steps) {
    const path = step.path(':id');
    const open = async (user: Parameters<typeof findApproval>[1], id: string) => {
      const a = await findApproval(db, user, id);
      return a ? { a, closed: !step.open(a) } : null;
    };
    app.get<WithId>(path, approve, async (request, reply) => {
      const found = await open(request.user!, request.params.id);
      if (!found) return reply.callNotFound();
      if (found.closed) return reply.redirect(approvalPath(found.a.id), 303);
      const values = dateBoxes(step.dates[0], todayInLondon());
      return showForm(reply, step.page(found.a), step.fields(found.a), values);
    });
    app.post<WithId>(path, approve, async (request, reply) => {
      const found = await open(request.user!, request.params.id);
      if (!found) return reply.callNotFound();
      const { a } = found;
      if (found.closed) return reply.redirect(approvalPath(a.id), 303);
      const show = (values: Body, errors: FormErrors) => showForm(reply, step.page(a), step.fields(a), values, errors);
      const form = parseDatedForm(step.form(todayInLondon()), request.body, step.dates);
      if (!form.ok) return show(form.input, form.errors);
      const result = await step.submit(db, who(request), a, form.value as never);
      return answered(reply, result, step.done, approvalPath(a.id), (errors) =>
        show(request.body as Body, linkDateErrors(errors, step.dates)),
      );
    });
  }
};
