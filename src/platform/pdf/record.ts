/**
 * A signed record as a PDF (pdfkit, A4, the standard Helvetica fonts): a heading, labelled lines
 * ("Date of the visit: 26 October 2026"), sections of what was written, and a closing note. The
 * modules say what goes in it; this says how it looks, the same for every record the service issues.
 */
import PDFDocument from 'pdfkit';

export interface RecordPdf {
  /** "Label: value", the label in bold; a missing value reads "Not recorded". */
  line(label: string, value: string | null): void;
  /** A heading and the text under it, line breaks kept. */
  section(heading: string, body: string | null): void;
  /** A closing note in italics (who signed, when). */
  note(text: string): void;
  /** Space between parts. */
  gap(lines?: number): void;
}

/**
 * Writes a record with `write` and resolves to the PDF's bytes. `title` is the document's title
 * (its properties), `heading` the first line on the page and `subheading` the line under it.
 */
export async function recordPdf(
  meta: { title: string; heading: string; subheading: string },
  write: (pdf: RecordPdf) => void,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: meta.title, Author: 'Hearth fostering service' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(20).text(meta.heading);
  doc.font('Helvetica').fontSize(12).text(meta.subheading);
  doc.moveDown(0.5);
  write({
    line(label, value) {
      doc.font('Helvetica-Bold').fontSize(11).text(`${label}: `, { continued: true });
      doc.font('Helvetica').text(value ?? 'Not recorded');
    },
    section(heading, body) {
      doc.moveDown(0.6);
      doc.font('Helvetica-Bold').fontSize(14).text(heading);
      doc.moveDown(0.2);
      doc
        .font('Helvetica')
        .fontSize(11)
        .text(body ?? 'Not recorded');
    },
    note(text) {
      doc.font('Helvetica-Oblique').fontSize(10).text(text);
    },
    gap(lines = 1) {
      doc.moveDown(lines);
    },
  });
  doc.end();
  return finished;
}
