import { fileTypeFromBuffer } from 'file-type';
import type { Db } from '../../platform/db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { householdFor, invalid, type Who } from './access.ts';
import { findPhoto, findVisibleHousehold } from './queries.ts';
import type { Result } from './service.ts';
import { householdPhotos } from './tables.ts';

/** Photos may be this large at most. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

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

/** Image types accepted, as detected from the file's contents (never from its name or the browser's say-so). */
const acceptedTypes = new Set(['image/jpeg', 'image/png', 'image/webp']);

/**
 * Stores the household's photo for the carer profile, replacing any earlier one. The type is
 * checked from the bytes; anything else is refused with a message and nothing is saved.
 */
export async function savePhoto(db: Db, who: Who, id: string, upload: PhotoUpload): Promise<Result> {
  return db.transaction(async (tx) => {
    const access = await householdFor(tx, who.user, id, 'change');
    if (!access.ok) return access;
    if (upload.unreadable) return invalid({ field: 'photo', message: 'Select one photo to upload' });
    if (upload.tooLarge) return invalid({ field: 'photo', message: 'The selected file must be smaller than 5 MB' });
    if (upload.files === 0 || upload.bytes.length === 0) {
      return invalid({ field: 'photo', message: 'Select a photo of the household' });
    }
    const detected = await fileTypeFromBuffer(upload.bytes);
    if (!detected || !acceptedTypes.has(detected.mime)) {
      return invalid({ field: 'photo', message: 'The selected file must be a JPEG, PNG or WebP image' });
    }
    const values = {
      contentType: detected.mime,
      bytes: upload.bytes,
      size: upload.bytes.length,
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
      detail: { part: 'photo', contentType: detected.mime, size: upload.bytes.length },
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
