/**
 * A report or a letter the service issues, as a PDF (pdfkit) and as a Word document (docx): a
 * title, sections of entries (each with where it came from, questions and answers, a note) and a
 * closing line. The modules say what goes in it (an annual review's report, a panel's letter); this
 * says how it looks.
 */
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';

export interface Answer {
  question: string;
  answer: string;
}

export interface Entry {
  title: string;
  /** Where it came from and when ("Received on 3 May 2026 from ..."). */
  meta?: string;
  answers: Answer[];
  note?: string;
}

export interface Section {
  heading: string;
  entries: Entry[];
  /** What the section says when nothing was gathered. */
  empty?: string;
}

export interface Report {
  title: string;
  sections: Section[];
  /** A closing line in small italics (what the document is made of), if any. */
  footer?: string;
}

/** The report as a PDF. */
export async function reportPdf(report: Report): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: report.title, Author: 'Hearth fostering service' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(18).text(report.title);
  for (const section of report.sections) {
    doc.moveDown(0.8);
    doc.font('Helvetica-Bold').fontSize(14).text(section.heading);
    if (section.entries.length === 0 && section.empty) doc.font('Helvetica').fontSize(11).text(section.empty);
    for (const entry of section.entries) {
      if (entry.title !== section.heading) {
        doc.moveDown(0.3);
        doc.font('Helvetica-Bold').fontSize(12).text(entry.title);
      }
      if (entry.meta) doc.font('Helvetica-Oblique').fontSize(10).text(entry.meta);
      for (const a of entry.answers) {
        doc.font('Helvetica-Bold').fontSize(11).text(a.question);
        doc.font('Helvetica').fontSize(11).text(a.answer);
      }
      if (entry.note) doc.font('Helvetica').fontSize(11).text(entry.note);
    }
  }
  if (report.footer) {
    doc.moveDown(1);
    doc.font('Helvetica-Oblique').fontSize(9).text(report.footer);
  }
  doc.end();
  return finished;
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => new Paragraph({ children: [new TextRun(l)] }));

/** The report as a Word document. */
export async function reportDocx(report: Report): Promise<Buffer> {
  const children: Paragraph[] = [new Paragraph({ text: report.title, heading: HeadingLevel.TITLE })];
  for (const section of report.sections) {
    children.push(new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_1 }));
    if (section.entries.length === 0 && section.empty) children.push(new Paragraph(section.empty));
    for (const entry of section.entries) {
      if (entry.title !== section.heading) {
        children.push(new Paragraph({ text: entry.title, heading: HeadingLevel.HEADING_2 }));
      }
      if (entry.meta) children.push(new Paragraph({ children: [new TextRun({ text: entry.meta, italics: true })] }));
      for (const a of entry.answers) {
        children.push(new Paragraph({ children: [new TextRun({ text: a.question, bold: true })] }));
        children.push(...lines(a.answer));
      }
      if (entry.note) children.push(new Paragraph(entry.note));
    }
  }
  if (report.footer) children.push(new Paragraph({ children: [new TextRun({ text: report.footer, italics: true })] }));
  const doc = new Document({ creator: 'Hearth fostering service', title: report.title, sections: [{ children }] });
  return Packer.toBuffer(doc);
}
