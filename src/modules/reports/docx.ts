import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { formatDate } from '../../platform/views/format.ts';
import type { ReportContent } from './content.ts';
import type { ReportAction } from './plan-part.ts';

const HEADER_FILL = 'D9E2F3';
const RAG_FILL: Record<string, string> = { red: 'F4C7C3', amber: 'FFE5B4', green: 'C6E7C9' };

/** Text with line breaks as separate paragraphs, so Word keeps the writer's paragraphs. */
function paragraphs(text: string, empty = ''): Paragraph[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return [new Paragraph({ children: [new TextRun({ text: empty, italics: true })] })];
  return lines.map((line) => new Paragraph(line));
}

const heading = (text: string, level: 1 | 2 = 1) =>
  new Paragraph({ text, heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, keepNext: true });

function cell(text: string, options: { bold?: boolean; fill?: string } = {}): TableCell {
  return new TableCell({
    children: text
      .split('\n')
      .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: options.bold })] })),
    shading: options.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } : undefined,
  });
}

/** A table whose header row repeats at the top of every page it runs onto. */
function table(headings: string[], rows: { cells: string[]; fill?: string }[], widths: number[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: headings.map((h) => cell(h, { bold: true, fill: HEADER_FILL })),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.cells.map((c, i) => cell(c, { fill: i === r.cells.length - 1 ? r.fill : undefined })),
          }),
      ),
    ],
  });
}

function latestText(a: ReportAction): string {
  if (!a.latest) return 'No update yet';
  return `${a.latest.ragName}, ${formatDate(a.latest.onDate)}${a.latest.by ? ` (${a.latest.by})` : ''}\n${a.latest.narrative}`;
}

function titlePage(content: ReportContent, status: string): Paragraph[] {
  return [
    new Paragraph({ text: 'Fostering service', alignment: AlignmentType.CENTER, spacing: { before: 2400 } }),
    new Paragraph({ text: content.title, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
    new Paragraph({
      text: `${formatDate(content.quarter.start)} to ${formatDate(content.quarter.end)}`,
      alignment: AlignmentType.CENTER,
    }),
    new Paragraph({ text: 'National Minimum Standard 25.7', alignment: AlignmentType.CENTER }),
    new Paragraph({ text: status, alignment: AlignmentType.CENTER, children: [new PageBreak()] }),
  ];
}

/** The quarterly report as a Word document in the council's style, from the content the page shows. */
export async function reportDocx(content: ReportContent, status: string): Promise<Buffer> {
  const plan = content.plan;
  const body: (Paragraph | Table | TableOfContents)[] = [
    ...titlePage(content, status),
    new Paragraph({ children: [new TextRun({ text: 'Contents', bold: true, size: 32 })] }),
    new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-2' }),
    new Paragraph({ children: [new PageBreak()] }),
    heading('Foreword'),
    ...paragraphs(content.foreword, 'No foreword has been written.'),
    heading('The service in numbers'),
    new Paragraph(`As at ${formatDate(content.asAt)}, compared with ${content.comparedWith}.`),
    table(
      ['Figure', 'This quarter', 'Before', 'Change'],
      content.numbers.map((n) => ({
        cells: [n.label, String(n.value), n.before === null ? 'None' : String(n.before), n.change],
      })),
      [4600, 1500, 1500, 1500],
    ),
    heading('The measures'),
    table(
      ['Measure', 'Figure', 'Target', 'Before', 'Change', 'Status'],
      content.measures.map((m) => ({
        cells: [m.title, m.shown, m.target, m.before, m.change, m.ragText],
        fill: RAG_FILL[m.rag],
      })),
      [3000, 1100, 1900, 1100, 1100, 1100],
    ),
    heading('Progress against the business plan'),
  ];
  if (plan.planTitle) body.push(new Paragraph(plan.planTitle));
  else body.push(new Paragraph('No business plan covers this quarter.'));
  for (const target of plan.targets) {
    body.push(heading(target.heading, 2));
    body.push(
      table(
        ['Action', 'What we want to achieve', 'Latest update'],
        target.actions.map((a) => ({
          cells: [a.number, a.whatWeWant, latestText(a)],
          fill: a.latest ? RAG_FILL[a.latest.rag] : undefined,
        })),
        [1000, 3800, 4300],
      ),
    );
  }
  body.push(heading('What went off target and why'), ...paragraphs(content.offTargetNarrative));
  if (plan.offTarget.length) {
    body.push(
      table(
        ['Action', 'Target', 'Update'],
        plan.offTarget.map((a) => ({ cells: [a.number, a.target, latestText(a)], fill: RAG_FILL[a.latest!.rag] })),
        [1000, 3000, 5100],
      ),
    );
  } else body.push(new Paragraph('No action was red or amber at the end of the quarter.'));
  body.push(heading('What the service will do next quarter'), ...paragraphs(content.nextQuarterNarrative));
  if (plan.next.length) {
    body.push(
      table(
        ['Action', 'What we want to achieve', 'Due'],
        plan.next.map((a) => ({ cells: [a.number, a.whatWeWant, a.byWhenText || formatDate(a.byWhen)] })),
        [1000, 6100, 2000],
      ),
    );
  }
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
  const doc = new Document({
    creator: 'Hearth',
    title: content.title,
    features: { updateFields: true },
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [{ footers: { default: footer }, children: body }],
  });
  return Packer.toBuffer(doc);
}
