import sharp from 'sharp';
import type { Db } from '../../platform/db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { householdFor, invalid, type FieldError, type Who } from './access.ts';
import { findPhoto, findVisibleHousehold } from './queries.ts';
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

/** What an upload form sent, read from the multipart body before the handler runs. */
export interface PhotoUpload {
  /** How many files were sent with a name (an empty file input sends none). */
  files: number;
  bytes: Buffer;
  /** True when the file was larger than MAX_PHOTO_BYTES (only the first bytes were kept). */
  tooLarge: boolean;
  /** True when the form could not be read (more than one file, or a broken request). */
  unreadable: boolean;
}

export const emptyUpload = (): PhotoUpload => ({
  files: 0,
  bytes: Buffer.alloc(0),
  tooLarge: false,
  unreadable: false,
});

const notAPhoto: FieldError = { field: 'photo', message: 'The selected file must be a JPEG, PNG or WebP image' };
const damaged: FieldError = {
  field: 'photo',
  message: 'The selected file could not be read as a photo: it may be damaged',
};
const tooManyPixels: FieldError = {
  field: 'photo',
  message: `The selected photo must be ${MAX_PHOTO_PIXELS / 1_000_000} megapixels or fewer (for example, 7000 by 5000 pixels)`,
};

/**
 * The image type, from the file's first bytes (never from its name or the browser's say-so). Only
 * these three reach the image library, so its other decoders (SVG, TIFF, HEIF ...) never see an upload.
 */
function acceptedFormat(bytes: Buffer): 'jpeg' | 'png' | 'webp' | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') {
    return 'webp';
  }
  return null;
}

export type PreparedPhoto = { ok: true; contentType: string; bytes: Buffer } | { ok: false; error: FieldError };

/**
 * Decodes the whole uploaded image and re-encodes it as the JPEG that is stored: turned upright
 * from its EXIF orientation, scaled to fit STORED_PHOTO_SIDE, transparent parts made white. The
 * new file carries no metadata (sharp drops EXIF, XMP and so any GPS location unless asked to keep
 * them, and this never asks). A file that is not a JPEG, PNG or WebP, claims more than
 * MAX_PHOTO_PIXELS, or does not decode to the end (truncated, corrupt) is refused with a message.
 */
export async function preparePhoto(bytes: Buffer): Promise<PreparedPhoto> {
  const format = acceptedFormat(bytes);
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
export async function savePhoto(db: Db, who: Who, id: string, upload: PhotoUpload): Promise<Result> {
  const allowed = await householdFor(db, who.user, id, 'change');
  if (!allowed.ok) return allowed;
  if (upload.unreadable) return invalid({ field: 'photo', message: 'Select one photo to upload' });
  if (upload.tooLarge) return invalid({ field: 'photo', message: 'The selected file must be smaller than 5 MB' });
  if (upload.files === 0 || upload.bytes.length === 0) {
    return invalid({ field: 'photo', message: 'Select a photo of the household' });
  }
  const photo = await preparePhoto(upload.bytes);
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
