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
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Db } from '../../platform/db/client.ts';
import { planView, type ActionView, type TargetView } from './queries.ts';
import { ragNames, type PlanRag } from './forms.ts';

/** The service's four columns, after the action number. */
export const COLUMN_HEADINGS = [
  'What do we want to achieve?',
  'Who will do it and by when?',
  'What have we achieved and what is our target?',
  'How will we measure the outcome?',
] as const;

const RAG_FILL: Record<PlanRag, string> = { red: 'F4C7C3', amber: 'FFE5B4', green: 'C6E7C9' };

function ukDate(iso: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** Text with line breaks as separate paragraphs, so Word keeps the service's lists. */
function paragraphs(text: string, bold = false): Paragraph[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return [new Paragraph('')];
  return lines.map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] }));
}

function cell(children: Paragraph[], options: { span?: number; fill?: string } = {}): TableCell {
  return new TableCell({
    children,
    columnSpan: options.span,
    shading: options.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } : undefined,
  });
}

function whoAndWhen(action: ActionView): string {
  const when = action.byWhenText || (action.byWhen ? `By ${ukDate(action.byWhen)}` : '');
  return [action.who, action.ownerName ? `Owner: ${action.ownerName}` : '', when].filter(Boolean).join('\n');
}

function actionRows(action: ActionView): TableRow[] {
  const main = new TableRow({
    children: [
      cell(paragraphs(action.number, true)),
      cell(paragraphs(action.whatWeWant)),
      cell(paragraphs(whoAndWhen(action))),
      cell(paragraphs(action.achievedAndTarget)),
      cell(paragraphs(action.howMeasured)),
    ],
  });
  const latest = action.latest;
  const progress = latest
    ? [
        new Paragraph({
          children: [
            new TextRun({ text: `Latest update, ${ukDate(latest.onDate)}: `, bold: true }),
            new TextRun({ text: ragNames[latest.rag as PlanRag] ?? latest.rag, bold: true }),
          ],
        }),
        ...paragraphs(latest.narrative),
      ]
    : [new Paragraph({ children: [new TextRun({ text: 'No update yet', italics: true })] })];
  if (action.status === 'completed') progress.push(new Paragraph('Completed'));
  if (action.measureIds.length) progress.push(new Paragraph(`Scorecard measures: ${action.measureIds.join(', ')}`));
  const fill = latest ? RAG_FILL[latest.rag as PlanRag] : undefined;
  return [main, new TableRow({ children: [cell([new Paragraph('')]), cell(progress, { span: 4, fill })] })];
}

export function targetHeading(target: Pick<TargetView, 'number' | 'title' | 'standards'>): string {
  return `Target ${target.number}: ${target.title}${target.standards ? ` (${target.standards})` : ''}`;
}

function targetTable(target: TargetView): Table {
  const heading = new TableRow({
    tableHeader: true,
    children: [
      cell([new Paragraph({ children: [new TextRun({ text: targetHeading(target), bold: true })] })], {
        span: 5,
        fill: 'D9E2F3',
      }),
    ],
  });
  const columns = new TableRow({
    tableHeader: true,
    children: [
      cell(paragraphs('Action', true)),
      ...COLUMN_HEADINGS.map((h) => cell(paragraphs(h, true), { fill: 'F2F2F2' })),
    ],
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [700, 3400, 2600, 3900, 3400],
    rows: [heading, columns, ...target.actions.flatMap(actionRows)],
  });
}

/** The plan as a Word document in the service's layout: one four-column table per target. */
export async function planDocx(db: Db, id: string): Promise<{ filename: string; buffer: Buffer } | null> {
  const view = await planView(db, id);
  if (!view) return null;
  const { plan, targets } = view;
  const body: (Paragraph | Table)[] = [
    new Paragraph({ text: plan.title, heading: HeadingLevel.TITLE }),
    new Paragraph(`${ukDate(plan.periodStart)} to ${ukDate(plan.periodEnd)}. Reviewed quarterly.`),
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
      }),
      targetTable(target),
    );
  }
  const doc = new Document({
    creator: 'Hearth',
    title: plan.title,
    sections: [{ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } }, children: body }],
  });
  const buffer = await Packer.toBuffer(doc);
  const filename = `${plan.title.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-|-$/g, '')}.docx`;
  return { filename, buffer };
}
