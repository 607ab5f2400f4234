/**
 * For tests: the text a PDF made by record.ts shows, read back without a PDF library. pdfkit
 * deflates each page's content and writes the standard fonts' text as hex strings in TJ arrays;
 * this inflates the streams and decodes those strings (Windows-1252 is Latin-1 for the letters
 * these tests look for). Each TJ array becomes one line.
 */
import { inflateSync } from 'node:zlib';

export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1');
    } catch {
      continue; // not deflated content (a font, an image)
    }
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const hex = [...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]!).join('');
      lines.push(Buffer.from(hex, 'hex').toString('latin1'));
    }
  }
  return lines.join('\n');
}
