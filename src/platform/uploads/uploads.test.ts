/** The upload helper: what a form that sends one file gets back, read from a real multipart body. */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedInUser } from '../auth/sessions.ts';
import { fileTypes, megabytes, uploadForm, type Upload } from './index.ts';

const report = uploadForm({
  file: 'file',
  fields: ['title'],
  permission: 'panel.papers',
  maxBytes: 1024,
  types: [fileTypes.pdf, fileTypes.docx],
  declaredTypeMustAgree: true,
  messages: {
    choose: 'Select the report to upload',
    one: 'Select one report to upload',
    wrongType: 'The selected file must be a PDF or a Word document',
  },
});

const pdf = Buffer.from('%PDF-1.7 a made-up report');
const boundary = '----uploadtestboundary';
type Part = { name: string; value: string } | { name: string; filename: string; type: string; bytes: Buffer };

function multipart(parts: Part[]): Buffer {
  return Buffer.concat([
    ...parts.map((part) =>
      'value' in part
        ? Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`)
        : Buffer.concat([
            Buffer.from(
              `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.type}\r\n\r\n`,
            ),
            part.bytes,
            Buffer.from('\r\n'),
          ]),
    ),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
}

let app: FastifyInstance;
beforeAll(async () => {
  app = Fastify();
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    const role = request.headers['x-role'];
    if (typeof role === 'string') request.user = { role } as SignedInUser;
  });
  await report.accept(app);
  app.post('/reports', { preValidation: report.preValidation }, async (request) => ({
    csrf: (request.body as { _csrf?: string })._csrf ?? null,
    upload: report.of(request),
  }));
  await app.ready();
});
afterAll(async () => {
  await app.close();
});

/** Posts the form as the given role; the answer as JSON (the file's bytes as text). */
async function post(parts: Part[], role = 'team_manager') {
  const response = await app.inject({
    method: 'POST',
    url: '/reports',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-role': role },
    payload: multipart(parts),
  });
  expect(response.statusCode).toBe(200);
  const answer = response.json<{ csrf: string | null; upload: Upload<'title'> & { file: { bytes?: unknown } } }>();
  return answer;
}

const title = { name: 'title', value: 'Form F report' };
const csrf = { name: '_csrf', value: 'token-123' };

describe('a form that sends one file', () => {
  it('gives a good file with its name, its type by its bytes, and the typed fields and CSRF token', async () => {
    const answer = await post([
      csrf,
      title,
      { name: 'file', filename: 'form-f.pdf', type: 'application/pdf', bytes: pdf },
    ]);
    expect(answer.csrf).toBe('token-123');
    expect(answer.upload.fields).toEqual({ title: 'Form F report' });
    expect(answer.upload.file).toMatchObject({ ok: true, name: 'form-f.pdf', contentType: 'application/pdf' });
    expect(Buffer.from((answer.upload.file as { bytes: { data: number[] } }).bytes.data)).toEqual(pdf);
  });

  it('refuses a file of the wrong type, whatever its name and declared type say, keeping the title', async () => {
    const gif = Buffer.from('GIF89a a picture, not a report');
    const answer = await post([title, { name: 'file', filename: 'report.pdf', type: 'application/pdf', bytes: gif }]);
    expect(answer.upload.fields.title).toBe('Form F report');
    expect(answer.upload.file).toEqual({
      ok: false,
      error: { field: 'file', message: 'The selected file must be a PDF or a Word document' },
    });
  });

  it('refuses a PDF the browser declared as something else, when the form asks that both agree', async () => {
    const answer = await post([title, { name: 'file', filename: 'report.txt', type: 'text/plain', bytes: pdf }]);
    expect(answer.upload.file).toMatchObject({
      ok: false,
      error: { message: 'The selected file must be a PDF or a Word document' },
    });
  });

  it('refuses a file over the limit with its size in megabytes', async () => {
    const big = Buffer.concat([pdf, Buffer.alloc(2000, 0x20)]);
    const answer = await post([title, { name: 'file', filename: 'big.pdf', type: 'application/pdf', bytes: big }]);
    expect(answer.upload.file).toEqual({
      ok: false,
      error: { field: 'file', message: `The selected file must be smaller than ${megabytes(1024)}` },
    });
    expect(megabytes(10 * 1024 * 1024)).toBe('10 MB');
  });

  it('says a chosen file is empty, and asks for a file when none was chosen', async () => {
    const empty = await post([
      title,
      { name: 'file', filename: 'blank.pdf', type: 'application/pdf', bytes: Buffer.alloc(0) },
    ]);
    expect(empty.upload.file).toEqual({ ok: false, error: { field: 'file', message: 'The selected file is empty' } });
    const none = await post([
      title,
      { name: 'file', filename: '', type: 'application/octet-stream', bytes: Buffer.alloc(0) },
    ]);
    expect(none.upload.file).toEqual({ ok: false, error: { field: 'file', message: 'Select the report to upload' } });
  });

  it('refuses two files at once with a message, not an error', async () => {
    const file = (n: number) => ({ name: 'file', filename: `${n}.pdf`, type: 'application/pdf', bytes: pdf });
    const answer = await post([title, file(1), file(2)]);
    expect(answer.upload.file).toEqual({ ok: false, error: { field: 'file', message: 'Select one report to upload' } });
  });

  it('does not read the upload of someone who may not send the form', async () => {
    const answer = await post(
      [csrf, title, { name: 'file', filename: 'form-f.pdf', type: 'application/pdf', bytes: pdf }],
      'panel_member',
    );
    expect(answer.csrf).toBeNull();
    expect(answer.upload.fields).toEqual({ title: '' });
    expect(answer.upload.file).toMatchObject({ ok: false, error: { message: 'Select the report to upload' } });
  });
});
