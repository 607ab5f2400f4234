/** The evidence checklist of a skills level item: the form, and saving it (then back to the meeting). */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { refused, who } from '../../platform/views/results.ts';
import { proposedSkillLevel } from './labels.ts';
import { meetingPath } from './paths.ts';
import { bodyOf, calendarCrumb, errorsOr, rule, type WithId } from './route-support.ts';
import { evidenceChecks, evidenceForm, evidenceToCheck, recordEvidence, type Checked } from './skills-evidence.ts';

export function evidenceRoutes(app: FastifyInstance, db: Db) {
  const show = (reply: FastifyReply, got: Checked, values: Record<string, unknown>, errors?: FormErrors) => {
    const { found, facts } = got;
    const confirmed = [values.confirmed ?? []].flat();
    return reply.code(errors ? 400 : 200).page('panel-skills-evidence.njk', {
      title: `Evidence for the skills level: ${found.household.name}`,
      found,
      level: proposedSkillLevel(found.item),
      // What Hearth holds beside each piece: hint lines under its checkbox (the tick stays the worker's).
      checks: evidenceChecks.map((c) => ({
        value: c.name,
        text: c.text,
        checked: confirmed.includes(c.name),
        facts: facts.byCheck[c.name] ?? [],
      })),
      warnings: facts.warnings,
      today: facts.asOf,
      values,
      errors,
      breadcrumbs: [calendarCrumb, { text: 'Meeting', href: meetingPath(found.meeting.id) }],
    });
  };
  const saved = (got: Checked) =>
    got.evidence
      ? {
          confirmed: evidenceChecks.filter((c) => got.evidence![c.name]).map((c) => c.name),
          notes: got.evidence.notes ?? '',
        }
      : {};

  app.get<WithId>('/panel/items/:id/skills-evidence', rule('panel.papers'), async (request, reply) => {
    const got = await evidenceToCheck(db, who(request), request.params.id);
    if (!got.ok) return refused(reply, got, { backHref: '/panel' });
    return show(reply, got, saved(got));
  });

  app.post<WithId>('/panel/items/:id/skills-evidence', rule('panel.papers'), async (request, reply) => {
    const parsed = parseForm(evidenceForm, request.body);
    let errors: FormErrors | null = parsed.ok ? null : parsed.errors;
    if (parsed.ok) {
      const result = await recordEvidence(db, who(request), request.params.id, parsed.value);
      if (result.ok) return reply.redirect(`${meetingPath(result.id)}?done=evidence`, 303);
      errors = errorsOr(reply, result, '/panel');
      if (!errors) return reply;
    }
    const got = await evidenceToCheck(db, who(request), request.params.id);
    if (!got.ok) return refused(reply, got, { backHref: '/panel' });
    return show(reply, got, bodyOf(request.body), errors ?? undefined);
  });
}
