/** What the joint training pages show, in words: the day, its summary, its removal, the groups, an evaluation. */
import { isRole, roleNames } from '../../platform/access/roles.ts';
import { choicesOf, type Field } from '../../platform/views/fields.ts';
import { formatDate } from '../../platform/views/format.ts';
import {
  confidenceNames,
  NO_TEAM_GROUP,
  NO_TEAM_NAME,
  PANEL_GROUP,
  PANEL_NAME,
  scoreName,
  scores,
  usefulnessNames,
} from './labels.ts';
import type { DayRow, DaySummary, EvaluationRow, GroupRow } from './queries.ts';

export const roleName = (role: string) =>
  role === 'panel_member' ? 'Panel member' : isRole(role) ? roleNames[role] : role;

export const dayFields: Field[] = [
  { type: 'date', name: 'heldOn', label: 'Date of the training day', hint: 'For example, 26 10 2026' },
  { type: 'text', name: 'title', label: 'Title', hint: 'For example, Joint training day 2026' },
  {
    type: 'textarea',
    name: 'theme',
    label: 'Theme',
    hint: 'What the day focuses on, for example, Safeguarding and robust recommendations at panel',
    rows: 3,
  },
  { type: 'text', name: 'place', label: 'Where it is held' },
  { type: 'text', name: 'organisedBy', label: 'Who organised it', hint: 'A person, a team or a trainer from outside' },
];

/** The evaluation's questions, asked of "you" by the attendee's own form and of the attendee on a paper form's. */
export function evaluationFields(theme: string): Field[] {
  return [
    {
      type: 'radios',
      name: 'confidenceBefore',
      label: `Before the day, how confident were you on its theme: ${theme}?`,
      choices: choicesOf(scores, confidenceNames),
    },
    {
      type: 'radios',
      name: 'confidenceAfter',
      label: 'After the day, how confident are you on its theme?',
      choices: choicesOf(scores, confidenceNames),
    },
    {
      type: 'radios',
      name: 'usefulness',
      label: 'How useful was the day?',
      choices: choicesOf(scores, usefulnessNames),
    },
    {
      type: 'textarea',
      name: 'willDoDifferently',
      label: 'What will you do differently after the day?',
      hint: 'In your practice, at panel or in your decisions',
      rows: 4,
    },
  ];
}

export const dayRows = (day: DayRow) => [
  { key: 'Date', value: formatDate(day.heldOn) },
  { key: 'Theme', value: day.theme },
  { key: 'Where', value: day.place },
  { key: 'Organised by', value: day.organisedBy },
];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What goes when a day is removed: the day, and how many attended and gave an evaluation. */
export const removalRows = (day: DayRow, attendance: number, evaluations: number) => [
  { key: 'Date', value: formatDate(day.heldOn) },
  { key: 'Title', value: day.title },
  {
    key: 'Who attended',
    value: attendance
      ? `${plural(attendance, 'person', 'people')} recorded as attending`
      : 'No one is recorded as attending',
  },
  { key: 'Evaluations', value: evaluations ? plural(evaluations, 'evaluation', 'evaluations') : 'None given' },
];

/** The day's evaluations in sentences. */
export function summaryLines(s: DaySummary) {
  const attended = s.staff + s.panel;
  if (attended === 0) return ['No attendance is recorded for this day yet.'];
  return [
    `${plural(attended, 'person attended', 'people attended')}: ${plural(s.staff, 'member', 'members')} of staff and ${plural(s.panel, 'panel member', 'panel members')}.`,
    `${s.evaluated} of ${attended} gave an evaluation.`,
    ...(s.evaluated
      ? [
          `${s.rose} of the ${s.evaluated} who gave an evaluation said their confidence on the theme rose.`,
          `${s.usefulAtLeast4} of the ${s.evaluated} found the day useful or very useful.`,
        ]
      : []),
  ];
}

export const groupName = (g: Pick<GroupRow, 'group' | 'name'>) =>
  g.group === PANEL_GROUP ? PANEL_NAME : g.group === NO_TEAM_GROUP ? NO_TEAM_NAME : g.name;

/** An evaluation's answers, for a summary list. */
export function evaluationRows(e: EvaluationRow) {
  return [
    { key: 'Confidence before the day', value: scoreName(confidenceNames, e.confidenceBefore ?? 0) },
    { key: 'Confidence after the day', value: scoreName(confidenceNames, e.confidenceAfter ?? 0) },
    { key: 'How useful the day was', value: scoreName(usefulnessNames, e.usefulness ?? 0) },
    { key: 'What they will do differently', value: e.willDoDifferently ?? '' },
    {
      key: 'Given',
      value: e.fromPaper
        ? `On a paper form, entered by ${e.recordedByName ?? 'someone no longer known'}`
        : 'By the attendee in Hearth',
    },
  ];
}
