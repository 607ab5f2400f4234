import { customType } from 'drizzle-orm/pg-core';

/** A file's bytes (a photo, a panel paper, an issued report), as PostgreSQL's bytea. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});
