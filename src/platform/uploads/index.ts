/**
 * File uploads: one way for every form that sends a file (multipart). The body is read before the
 * CSRF check (so the token in the form's `_csrf` field is checked like any other form's), within
 * limits, and only for users who may send the form: anyone else is turned away by the route's
 * access check without their upload being read. The file's type is told by its first bytes, never
 * by its name; what is wrong with it comes back as a GOV.UK-style message for the form's file input,
 * beside the other fields as typed, and the module's service decides when to show it.
 */
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, type Permission } from '../access/policy.ts';
import type { FieldError } from '../views/results.ts';

/** A kind of file, known by its first bytes. */
export interface FileType {
  contentType: string;
  matches: (bytes: Buffer) => boolean;
}

const startsWith = (bytes: Buffer, ...signature: number[]) =>
  bytes.subarray(0, signature.length).equals(Buffer.from(signature));
const latin1 = (bytes: Buffer, from: number, to: number) => bytes.subarray(from, to).toString('latin1');

export const fileTypes = {
  jpeg: { contentType: 'image/jpeg', matches: (b) => startsWith(b, 0xff, 0xd8, 0xff) },
  png: { contentType: 'image/png', matches: (b) => startsWith(b, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) },
  webp: { contentType: 'image/webp', matches: (b) => latin1(b, 0, 4) === 'RIFF' && latin1(b, 8, 12) === 'WEBP' },
  pdf: { contentType: 'application/pdf', matches: (b) => latin1(b, 0, 5) === '%PDF-' },
  /** Word (.docx): a zip holding a `word/` folder. */
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    matches: (b) => startsWith(b, 0x50, 0x4b, 0x03, 0x04) && b.includes('word/'),
  },
  /** Older Word (.doc): an OLE compound file. */
  doc: {
    contentType: 'application/msword',
    matches: (b) => startsWith(b, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1),
  },
} satisfies Record<string, FileType>;

/** The first of these types the bytes are, or null. */
export function fileTypeOf(bytes: Buffer, types: readonly FileType[]): FileType | null {
  return types.find((type) => type.matches(bytes)) ?? null;
}

/** What a form that sends one file may send, and what it says when the file will not do. */
export interface UploadForm<F extends string> {
  /** The name of the form's file input: its errors point there. */
  file: string;
  /** The text fields kept (the CSRF token is kept besides). */
  fields: readonly F[];
  /** Who may send the form: nobody else's upload is read. */
  permission: Permission;
  maxBytes: number;
  /** What the file may be, by its first bytes. */
  types: readonly FileType[];
  /** When true, the type the browser declared must be the one the bytes say too. */
  declaredTypeMustAgree?: boolean;
  messages: {
    /** No file was chosen, for example "Select a photo of the household". */
    choose: string;
    /** More than one file, or a form that could not be read. */
    one: string;
    /** Not one of the types, for example "The selected file must be a PDF or a Word document". */
    wrongType: string;
  };
}

export interface UploadedFile {
  /** The name it had on the sender's computer. */
  name: string;
  /** Its type, by its first bytes. */
  contentType: string;
  bytes: Buffer;
}

export type UploadedFileOrError = ({ ok: true } & UploadedFile) | { ok: false; error: FieldError };

/** What the form sent: its text fields ('' when not sent) and the file, or why it will not do. */
export interface Upload<F extends string> {
  fields: Record<F, string>;
  file: UploadedFileOrError;
}

/** "5 MB" */
export const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** What was read from the body, before it is judged. */
export interface ReadFile {
  /** How many files were sent with a name or content (an empty file input sends none). */
  files: number;
  name: string;
  declaredType: string;
  /** The first maxBytes bytes at the most. */
  bytes: Buffer;
  tooLarge: boolean;
  unreadable: boolean;
}

/** Judges a file read from a form: one file, not empty, not too large, one of the types. */
export function checkFile<F extends string>(form: UploadForm<F>, read: ReadFile): UploadedFileOrError {
  const error = (message: string) => ({ ok: false as const, error: { field: form.file, message } });
  if (read.unreadable || read.files > 1) return error(form.messages.one);
  if (read.files === 0) return error(form.messages.choose);
  if (read.tooLarge || read.bytes.length > form.maxBytes) {
    return error(`The selected file must be smaller than ${megabytes(form.maxBytes)}`);
  }
  if (read.bytes.length === 0) return error('The selected file is empty');
  const type = fileTypeOf(read.bytes, form.types);
  if (!type || (form.declaredTypeMustAgree && type.contentType !== read.declaredType)) {
    return error(form.messages.wrongType);
  }
  return { ok: true, name: read.name, contentType: type.contentType, bytes: read.bytes };
}

const nothingRead = (): ReadFile => ({
  files: 0,
  name: '',
  declaredType: '',
  bytes: Buffer.alloc(0),
  tooLarge: false,
  unreadable: false,
});

/** Reads the multipart body: the named fields and the file. Never throws. */
async function readBody<F extends string>(request: FastifyRequest, form: UploadForm<F>) {
  const fields = Object.fromEntries(form.fields.map((name) => [name, ''])) as Record<F, string>;
  const read = nothingRead();
  let csrf: string | undefined;
  if (!request.user || !can(request.user.role, form.permission) || !request.isMultipart()) {
    return { csrf, fields, read };
  }
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (typeof part.value !== 'string') continue;
        if (part.fieldname === '_csrf') csrf = part.value;
        else if ((form.fields as readonly string[]).includes(part.fieldname)) fields[part.fieldname as F] = part.value;
        continue;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size <= form.maxBytes) chunks.push(chunk);
      }
      if (!part.filename && size === 0) continue;
      read.files += 1;
      read.name = part.filename;
      read.declaredType = part.mimetype;
      read.bytes = Buffer.concat(chunks);
      read.tooLarge = part.file.truncated || size > form.maxBytes;
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') read.tooLarge = true;
    else read.unreadable = true;
  }
  return { csrf, fields, read };
}

/**
 * A form that sends one file: `accept` lets the routes registered beside it take multipart bodies
 * within the form's limits; `preValidation` reads the body (set it on the route that the form posts
 * to); `of` is what the form sent, for the handler.
 */
export function uploadForm<F extends string>(form: UploadForm<F>) {
  return {
    form,
    async accept(app: FastifyInstance): Promise<void> {
      await app.register(fastifyMultipart, {
        limits: { files: 1, fileSize: form.maxBytes, fields: 5, fieldSize: 1024, parts: 6 },
        throwFileSizeLimit: false,
      });
    },
    async preValidation(request: FastifyRequest): Promise<void> {
      const { csrf, fields, read } = await readBody(request, form);
      const upload: Upload<F> = { fields, file: checkFile(form, read) };
      request.body = { _csrf: csrf, upload };
    },
    of(request: FastifyRequest): Upload<F> {
      return (request.body as { upload: Upload<F> }).upload;
    },
  };
}
