/** The form that records a matter: what it asks depends on the kind chosen first. */
import { addYears, todayInLondon } from '../../platform/dates/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { teamOptions } from '../../platform/auth/organisation.ts';
import { choicesOf, type Choice, type Field } from '../../platform/views/fields.ts';
import {
  categories,
  categoryNames,
  formRaisers,
  kindHints,
  kindNames,
  kinds,
  raiserNames,
  themeNames,
  themes,
  type Kind,
} from './labels.ts';
import { childrenPlacedSince, householdPeopleChoices } from './queries.ts';

const summaryLabels: Record<Kind, string> = {
  allegation: 'What is alleged',
  standard_of_care: 'What the worry is',
  complaint: 'What the complaint is about',
  compliment: 'What was said',
};

/** The kinds a matter can be: on a household, any; about the service alone, a complaint or compliment. */
export const kindsFor = (onHousehold: boolean): Kind[] =>
  onHousehold ? [...kinds] : kinds.filter((k) => k === 'complaint' || k === 'compliment');

export function kindChoices(onHousehold: boolean): Choice[] {
  return choicesOf(kindsFor(onHousehold), kindNames, kindHints);
}

/**
 * The form's fields for a kind, on a household (its people and children) or about the service (a
 * team). Changing a matter, `named` are the children it names (kept among the choices) and the
 * children offered are those placed in the year before it became known.
 */
export async function matterFields(
  db: DbOrTx,
  kind: Kind,
  householdId: string | null,
  changing: { named: Choice[]; knownOn: string } | null = null,
): Promise<Field[]> {
  const harm = kind === 'allegation' || kind === 'standard_of_care';
  const about: Choice[] = [];
  const fields: Field[] = [{ type: 'hidden', name: 'kind', value: kind }];
  let childChoices: Choice[] = [];
  if (householdId) {
    const people = await householdPeopleChoices(db, householdId);
    about.push(...people.carers.map((c) => ({ value: `carer:${c.id}`, text: `${c.name} (foster carer)` })));
    about.push(
      ...people.members.map((m) => ({
        value: `household_member:${m.id}`,
        text: `${m.name} (member of the household)`,
      })),
    );
    const since = changing && changing.knownOn < todayInLondon() ? changing.knownOn : todayInLondon();
    const placed = await childrenPlacedSince(db, householdId, addYears(since, -1));
    childChoices = placed.map((c) => ({ value: c.id, text: `${c.name} (${c.reference})` }));
    const offered = new Set(childChoices.map((c) => c.value));
    childChoices.push(...(changing?.named ?? []).filter((c) => !offered.has(c.value)));
  } else {
    const teams = await teamOptions(db);
    fields.push({
      type: 'select',
      name: 'teamId',
      label: 'Team',
      choices: teams.map((t) => ({ value: t.id, text: t.name })),
    });
  }
  if (!harm) about.push({ value: 'service', text: 'The fostering service' });
  fields.push(
    { type: 'select', name: 'about', label: 'Who it is about', choices: about },
    { type: 'radios', name: 'raisedBy', label: 'Who raised it', choices: choicesOf(formRaisers, raiserNames) },
    { type: 'text', name: 'raisedByName', label: 'Their name (optional)', width: 20 },
    {
      type: 'date',
      name: 'knownOn',
      label: kind === 'complaint' || kind === 'compliment' ? 'Date it was received' : 'Date it became known',
    },
  );
  if (kind === 'allegation') {
    fields.push({
      type: 'text',
      name: 'knownAtTime',
      label: 'Time it became known',
      hint: 'On the 24-hour clock, for example 14:30. Ofsted must be told within 24 hours.',
      width: 5,
    });
  }
  if (kind !== 'compliment') {
    fields.push({
      type: 'radios',
      name: 'category',
      label: harm ? 'Category' : 'Category (optional)',
      choices: choicesOf(categories, categoryNames),
    });
  }
  fields.push({ type: 'textarea', name: 'summary', label: summaryLabels[kind], rows: 8 });
  if (childChoices.length) {
    fields.push({
      type: 'checkboxes',
      name: 'childIds',
      label: 'Children concerned (optional)',
      hint: 'Children placed with the household in the last year',
      choices: childChoices,
    });
  }
  if (kind === 'complaint') {
    fields.push({
      type: 'checkboxes',
      name: 'themes',
      label: 'Themes of the complaint',
      hint: 'Select all that apply: repeats of a theme are counted',
      choices: choicesOf(themes, themeNames),
    });
  }
  return fields;
}

/** The form's first values: today's date (and time, for an allegation). */
export function matterInitial(kind: Kind): Record<string, unknown> {
  const now = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: 'Europe/London' }).format(new Date());
  return { kind, ...dateBoxes('knownOn', todayInLondon()), ...(kind === 'allegation' ? { knownAtTime: now } : {}) };
}
