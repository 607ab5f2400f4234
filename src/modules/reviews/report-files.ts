/** The written report of a review as a PDF (pdfkit) and a Word document (docx). */
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import type { Report } from './report.ts';

const FOOTER = 'Fostering review team. Made up of the views gathered for the review, each with its date and source.';

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
  doc.moveDown(1);
  doc.font('Helvetica-Oblique').fontSize(9).text(FOOTER);
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
  children.push(new Paragraph({ children: [new TextRun({ text: FOOTER, italics: true })] }));
  const doc = new Document({ creator: 'Hearth fostering service', title: report.title, sections: [{ children }] });
  return Packer.toBuffer(doc);
}
