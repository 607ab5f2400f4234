import sharp from 'sharp';
import type { Db } from '../../platform/db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { fileTypes, uploadForm, type Upload, type UploadedFile } from '../../platform/uploads/index.ts';
import { invalid, type FieldError, type Who } from '../../platform/views/results.ts';
import { householdFor, findVisibleHousehold } from './scope.ts';
import { findPhoto } from './queries.ts';
import type { Result } from './service.ts';
import { householdPhotos } from './tables.ts';

/** Photos may be this large at most, as uploaded. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/**
 * Photos may have this many pixels at most, as uploaded (a few bytes of PNG can claim a vast image:
 * anything larger is refused before it is decoded).
 */
export const MAX_PHOTO_PIXELS = 40_000_000;

/** Photos are stored no wider and no taller than this (larger ones are scaled down, never up). */
export const STORED_PHOTO_SIDE = 1600;

/** Every photo is stored as a JPEG of this quality, whatever was uploaded. */
const STORED_QUALITY = 82;
const STORED_TYPE = 'image/jpeg';

/** The photo form: one JPEG, PNG or WebP image, by its first bytes, sent by someone who may change households. */
export const photoUpload = uploadForm({
  file: 'photo',
  fields: [],
  permission: 'households.change',
  maxBytes: MAX_PHOTO_BYTES,
  types: [fileTypes.jpeg, fileTypes.png, fileTypes.webp],
  messages: {
    choose: 'Select a photo of the household',
    one: 'Select one photo to upload',
    wrongType: 'The selected file must be a JPEG, PNG or WebP image',
  },
});

const notAPhoto: FieldError = { field: 'photo', message: photoUpload.form.messages.wrongType };
const damaged: FieldError = {
  field: 'photo',
  message: 'The selected file could not be read as a photo: it may be damaged',
};
const tooManyPixels: FieldError = {
  field: 'photo',
  message: `The selected photo must be ${MAX_PHOTO_PIXELS / 1_000_000} megapixels or fewer (for example, 7000 by 5000 pixels)`,
};

/**
 * The image library's name for each type the form accepts: only these reach it, so its other
 * decoders (SVG, TIFF, HEIF ...) never see an upload.
 */
const formats: Record<string, 'jpeg' | 'png' | 'webp'> = {
  [fileTypes.jpeg.contentType]: 'jpeg',
  [fileTypes.png.contentType]: 'png',
  [fileTypes.webp.contentType]: 'webp',
};

export type PreparedPhoto = { ok: true; contentType: string; bytes: Buffer } | { ok: false; error: FieldError };

/**
 * Decodes the whole uploaded image and re-encodes it as the JPEG that is stored: turned upright
 * from its EXIF orientation, scaled to fit STORED_PHOTO_SIDE, transparent parts made white. The
 * new file carries no metadata (sharp drops EXIF, XMP and so any GPS location unless asked to keep
 * them, and this never asks). A file that is not a JPEG, PNG or WebP, claims more than
 * MAX_PHOTO_PIXELS, or does not decode to the end (truncated, corrupt) is refused with a message.
 */
export async function preparePhoto({ contentType, bytes }: UploadedFile): Promise<PreparedPhoto> {
  const format = formats[contentType];
  if (!format) return { ok: false, error: notAPhoto };
  let width: number;
  let height: number;
  try {
    // The header only, without the pixel limit, so an image over it gets its own message.
    const header = await sharp(bytes, { limitInputPixels: false }).metadata();
    if (header.format !== format) return { ok: false, error: notAPhoto };
    width = header.width;
    height = header.height;
  } catch {
    return { ok: false, error: damaged };
  }
  if (!(width > 0 && height > 0)) return { ok: false, error: damaged };
  if (width * height > MAX_PHOTO_PIXELS) return { ok: false, error: tooManyPixels };
  try {
    const stored = await sharp(bytes, { failOn: 'error', limitInputPixels: MAX_PHOTO_PIXELS })
      .rotate()
      .resize(STORED_PHOTO_SIDE, STORED_PHOTO_SIDE, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: STORED_QUALITY })
      .toBuffer();
    return { ok: true, contentType: STORED_TYPE, bytes: stored };
  } catch {
    return { ok: false, error: damaged };
  }
}

/**
 * Stores the household's photo for the carer profile, replacing any earlier one. The upload is
 * decoded and re-encoded first (see preparePhoto), outside the transaction so the database is not
 * held while an image decodes; anything refused gets a message and nothing is saved.
 */
export async function savePhoto(db: Db, who: Who, id: string, upload: Upload<never>): Promise<Result> {
  const allowed = await householdFor(db, who.user, id, 'change');
  if (!allowed.ok) return allowed;
  if (!upload.file.ok) return invalid(upload.file.error);
  const photo = await preparePhoto(upload.file);
  if (!photo.ok) return invalid(photo.error);
  return db.transaction(async (tx) => {
    const access = await householdFor(tx, who.user, id, 'change');
    if (!access.ok) return access;
    const values = {
      contentType: photo.contentType,
      bytes: photo.bytes,
      size: photo.bytes.length,
      uploadedAt: new Date(),
      uploadedBy: who.user.id,
    };
    await tx
      .insert(householdPhotos)
      .values({ householdId: id, ...values })
      .onConflictDoUpdate({ target: householdPhotos.householdId, set: values });
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'household',
      recordId: id,
      detail: { part: 'photo', contentType: photo.contentType, size: photo.bytes.length },
    });
    return { ok: true };
  });
}

/** The photo, for someone who may see the household (null otherwise, or when there is none). Audited as a view. */
export async function viewPhoto(db: Db, who: Who, id: string) {
  const household = await findVisibleHousehold(db, who.user, id);
  if (!household) return null;
  const photo = await findPhoto(db, id);
  if (!photo) return null;
  await recordAudit(db, who.actor, {
    action: 'view',
    recordType: 'household',
    recordId: id,
    detail: { page: 'photo' },
  });
  return photo;
}
