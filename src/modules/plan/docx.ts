import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon, type IsoDate } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { planView, type ActionView, type TargetView, type UpdateView } from './queries.ts';
import { ragNames, type PlanRag } from './labels.ts';
import { linkedMeasures, type LinkedMeasure } from './measures-live.ts';
import { serviceDeadlines, type LinkedDeadlines } from './deadlines-live.ts';
import { targetHeading } from './labels.ts';

/** The service's four columns, after the action number. */
export const COLUMN_HEADINGS = [
  'What do we want to achieve?',
  'Who will do it and by when?',
  'What have we achieved and what is our target?',
  'How will we measure the outcome?',
] as const;

const RAG_FILL: Record<PlanRag, string> = { red: 'F4C7C3', amber: 'FFE5B4', green: 'C6E7C9' };

/** A4 landscape in twentieths of a point, with 2 cm margins: the table fills the width between them. */
const PAGE = { width: 16838, height: 11906, margin: 1134 } as const;
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** The action number column fits "10.3" in bold on one line; the four columns share the rest. */
export const NUMBER_COLUMN_WIDTH = 1100;
export const COLUMN_WIDTHS = [NUMBER_COLUMN_WIDTH, 3200, 2500, 3870, 3900] as const;
if (COLUMN_WIDTHS.reduce((a, b) => a + b, 0) !== TEXT_WIDTH) throw new Error('Plan table columns must fill the page');

/** Text with line breaks as separate paragraphs, so Word keeps the service's lists. */
function paragraphs(text: string, bold = false, keepNext = false): Paragraph[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return [new Paragraph({ keepNext })];
  return lines.map((line) => new Paragraph({ keepNext, children: [new TextRun({ text: line, bold })] }));
}

/** A cell as wide as the columns it spans, from `column` (widths set on every cell, as Word reads them). */
function cell(children: Paragraph[], options: { span?: number; fill?: string; column?: number } = {}): TableCell {
  const from = options.column ?? 0;
  const width = COLUMN_WIDTHS.slice(from, from + (options.span ?? 1)).reduce((a, b) => a + b, 0);
  return new TableCell({
    children,
    columnSpan: options.span,
    width: { size: width, type: WidthType.DXA },
    shading: options.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } : undefined,
  });
}

function whoAndWhen(action: ActionView): string {
  const when = action.byWhenText || (action.byWhen ? `By ${formatDate(action.byWhen)}` : '');
  return [action.who, action.ownerName ? `Owner: ${action.ownerName}` : '', when].filter(Boolean).join('\n');
}

const ragName = (rag: string) => ragNames[rag as PlanRag] ?? rag;

/** One update: "Green, 1 September 2026 (Ann Head):" then its narrative. */
function updateParagraphs(update: UpdateView): Paragraph[] {
  return [
    new Paragraph({
      children: [
        new TextRun({ text: `${ragName(update.rag)}, ${formatDate(update.onDate)}`, bold: true }),
        new TextRun(update.byName ? ` (${update.byName})` : ''),
      ],
    }),
    ...paragraphs(update.narrative),
  ];
}

/** A linked measure's live figure: "Approved fostering households: 312 in November 2026 (target at least 300), On target". */
function measureParagraph(m: LinkedMeasure): Paragraph {
  const text = m.live
    ? `${m.title}: ${m.value} in ${m.monthName} (target ${m.target}), ${m.ragText}`
    : `${m.id} (not on the scorecard yet)`;
  return new Paragraph({ children: [new TextRun(text)] });
}

/**
 * The deadlines linked to an action, counted for the whole service, in the action page's words:
 * "Initial health assessment (within 20 working days): 2 overdue and 0 due in the next 7 days; 2 in
 * all, looking 4 weeks ahead.", what it cites beneath; a rule Hearth no longer keeps is said.
 */
function deadlineParagraphs({ deadlines, noLongerKeptText }: LinkedDeadlines): Paragraph[] {
  if (deadlines.length === 0 && !noLongerKeptText) return [];
  const result = [new Paragraph({ children: [new TextRun({ text: 'Deadlines across the service', bold: true })] })];
  for (const d of deadlines) {
    result.push(
      new Paragraph({
        children: [
          new TextRun({ text: d.title, bold: true }),
          new TextRun(` (${d.period})${d.countsText ? `: ${d.countsText}` : ''}.`),
        ],
      }),
      new Paragraph({ children: [new TextRun({ text: d.cites, italics: true })] }),
    );
  }
  if (noLongerKeptText) result.push(new Paragraph(`${noLongerKeptText}.`));
  return result;
}

/** What the plan's actions link to, read once for the whole document. */
interface Linked {
  measures: Map<string, LinkedMeasure>;
  deadlinesOf: (ruleIds: readonly string[]) => LinkedDeadlines;
}

function actionRows(action: ActionView, { measures, deadlinesOf }: Linked): TableRow[] {
  const main = new TableRow({
    cantSplit: true,
    children: [
      cell(paragraphs(action.number, true, true)),
      cell(paragraphs(action.whatWeWant, false, true), { column: 1 }),
      cell(paragraphs(whoAndWhen(action), false, true), { column: 2 }),
      cell(paragraphs(action.achievedAndTarget, false, true), { column: 3 }),
      cell(paragraphs(action.howMeasured, false, true), { column: 4 }),
    ],
  });
  const progress: Paragraph[] = [];
  if (action.status === 'completed')
    progress.push(new Paragraph({ children: [new TextRun({ text: 'Completed', bold: true })] }));
  if (action.measureIds.length) {
    progress.push(new Paragraph({ children: [new TextRun({ text: 'Live figures', bold: true })] }));
    for (const id of action.measureIds) progress.push(measureParagraph(measures.get(id)!));
  }
  progress.push(...deadlineParagraphs(deadlinesOf(action.ruleIds)));
  progress.push(new Paragraph({ children: [new TextRun({ text: 'Updates this plan year', bold: true })] }));
  if (action.updates.length === 0) {
    progress.push(new Paragraph({ children: [new TextRun({ text: 'No update this plan year', italics: true })] }));
  }
  for (const update of action.updates) progress.push(...updateParagraphs(update));
  const latest = action.updates[0];
  const fill = latest ? RAG_FILL[latest.rag as PlanRag] : undefined;
  return [main, new TableRow({ children: [cell([new Paragraph('')]), cell(progress, { span: 4, fill, column: 1 })] })];
}

function targetTable(target: TargetView, linked: Linked): Table {
  // The heading rows repeat on each page and keep with the first action (keepNext, rows not split).
  const heading = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      cell([new Paragraph({ keepNext: true, children: [new TextRun({ text: targetHeading(target), bold: true })] })], {
        span: 5,
        fill: 'D9E2F3',
      }),
    ],
  });
  const columns = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      cell(paragraphs('Action', true, true)),
      ...COLUMN_HEADINGS.map((h, i) => cell(paragraphs(h, true, true), { fill: 'F2F2F2', column: i + 1 })),
    ],
  });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    columnWidths: [...COLUMN_WIDTHS],
    rows: [heading, columns, ...target.actions.flatMap((a) => actionRows(a, linked))],
  });
}

/**
 * The plan as a Word document in the service's layout, A4 landscape: one four-column table per
 * target, each action with its linked measures' live figures, its linked deadlines counted for
 * the whole service, and this plan year's updates. The plan's reader sees the service's figures.
 */
export async function planDocx(
  db: Db,
  id: string,
  today: IsoDate = todayInLondon(),
): Promise<{ filename: string; buffer: Buffer } | null> {
  const view = await planView(db, id);
  if (!view) return null;
  const { plan, targets } = view;
  const actions = targets.flatMap((t) => t.actions);
  const linked: Linked = {
    measures: await linkedMeasures(
      db,
      actions.flatMap((a) => a.measureIds),
      today,
    ),
    // One grouped count of the kept deadlines for the whole document, not one per action.
    deadlinesOf: await serviceDeadlines(
      db,
      actions.flatMap((a) => a.ruleIds),
      today,
    ),
  };
  const body: (Paragraph | Table)[] = [
    new Paragraph({ text: plan.title, heading: HeadingLevel.TITLE }),
    new Paragraph(`${formatDate(plan.periodStart)} to ${formatDate(plan.periodEnd)}. Reviewed quarterly.`),
  ];
  if (plan.vision) {
    body.push(new Paragraph({ text: 'Vision', heading: HeadingLevel.HEADING_1 }), ...paragraphs(plan.vision, true));
  }
  for (const target of targets) {
    body.push(
      new Paragraph({
        text: `Target ${target.number}`,
        heading: HeadingLevel.HEADING_2,
        alignment: AlignmentType.LEFT,
        keepNext: true,
      }),
      targetTable(target, linked),
    );
  }
  const doc = new Document({
    creator: 'Hearth',
    title: plan.title,
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height for a landscape page: given as portrait A4.
            size: { width: PAGE.height, height: PAGE.width, orientation: PageOrientation.LANDSCAPE },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        children: body,
      },
    ],
  });
  const buffer = await Packer.toBuffer(doc);
  const filename = `${plan.title.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-|-$/g, '')}.docx`;
  return { filename, buffer };
}
