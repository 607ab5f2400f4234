import { eq } from 'drizzle-orm';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { signedIn, type Agent, testAppForFile } from '../../../test/support/app.ts';
import { makeCarer, makeHousehold, makeMember } from '../../../test/support/households.ts';
import { addYears, todayInLondon } from '../../platform/dates/index.ts';
import { householdPhotos } from './tables.ts';

const t = testAppForFile();

/** A real 1x1 PNG, built by hand (signature, IHDR, IDAT, IEND with their CRCs). */
function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const check = Buffer.alloc(4);
    check.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, check]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 0xff, 0x80, 0x00]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Uploads a file through the photo form, as a browser would (multipart, CSRF token in the form). */
async function upload(agent: Agent, householdId: string, file: { name: string; type: string; bytes: Buffer }) {
  const form = await agent.get(`/households/${householdId}/photo/change`);
  const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
  const boundary = '----hearthtestboundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: `/households/${householdId}/photo`,
    headers: { cookie: agent.cookieHeader, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

async function storedPhoto(householdId: string) {
  const [row] = await t.database.db.select().from(householdPhotos).where(eq(householdPhotos.householdId, householdId));
  return row;
}

describe('the household photo', () => {
  it('accepts a real PNG, stores it, and serves it only to those who may see the household', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Photofamily' });
    const manager = await signedIn(t.app, 'manager');
    const png = tinyPng();
    const response = await upload(manager, h.id, { name: 'us.png', type: 'image/png', bytes: png });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/households/${h.id}/profile?done=photo`);
    const stored = await storedPhoto(h.id);
    expect(stored?.contentType).toBe('image/png');
    expect(stored?.size).toBe(png.length);

    const served = await manager.get(`/households/${h.id}/photo`);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['cache-control']).toBe('private, no-store');
    expect(served.rawPayload.equals(png)).toBe(true);

    const profile = await manager.get(`/households/${h.id}/profile`);
    expect(profile.body).toContain(`src="/households/${h.id}/photo"`);

    const ssw2 = await signedIn(t.app, 'ssw2');
    expect((await ssw2.get(`/households/${h.id}/photo`)).statusCode).toBe(404);
    const carer = await signedIn(t.app, 'carer');
    expect((await carer.get(`/households/${h.id}/photo`)).statusCode).toBe(403);
  });

  it('refuses a text file renamed .png, with a message on the form, and saves nothing', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Textfamily' });
    const manager = await signedIn(t.app, 'manager');
    const response = await upload(manager, h.id, {
      name: 'photo.png',
      type: 'image/png',
      bytes: Buffer.from('This is not a picture, just some text pretending to be one.\n'),
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('The selected file must be a JPEG, PNG or WebP image');
    expect(response.body).toContain('href="#photo"');
    expect(await storedPhoto(h.id)).toBeUndefined();
  });

  it('refuses a file over 5 MB, with a message on the form, and saves nothing', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Bigfamily' });
    const manager = await signedIn(t.app, 'manager');
    const big = Buffer.concat([tinyPng(), Buffer.alloc(5 * 1024 * 1024 + 10, 0)]);
    const response = await upload(manager, h.id, { name: 'big.png', type: 'image/png', bytes: big });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('The selected file must be smaller than 5 MB');
    expect(await storedPhoto(h.id)).toBeUndefined();
  });

  it('asks for a file when none was chosen', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Nofile' });
    const manager = await signedIn(t.app, 'manager');
    const response = await upload(manager, h.id, {
      name: '',
      type: 'application/octet-stream',
      bytes: Buffer.alloc(0),
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Select a photo of the household');
  });

  it('refuses two files at once with a message, not an error', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Twofiles' });
    const manager = await signedIn(t.app, 'manager');
    const form = await manager.get(`/households/${h.id}/photo/change`);
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const boundary = 'tw0files';
    const file = (n: number) =>
      Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="${n}.png"\r\nContent-Type: image/png\r\n\r\n`,
        ),
        tinyPng(),
        Buffer.from('\r\n'),
      ]);
    const response = await t.app.inject({
      method: 'POST',
      url: `/households/${h.id}/photo`,
      headers: { cookie: manager.cookieHeader, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n`),
        file(1),
        file(2),
        Buffer.from(`--${boundary}--\r\n`),
      ]),
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Select one photo to upload');
    expect(await storedPhoto(h.id)).toBeUndefined();
  });

  it('refuses an upload without the CSRF token', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Nocsrf' });
    const manager = await signedIn(t.app, 'manager');
    const boundary = 'b0undary';
    const response = await t.app.inject({
      method: 'POST',
      url: `/households/${h.id}/photo`,
      headers: { cookie: manager.cookieHeader, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
        ),
        tinyPng(),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('This form could not be sent');
    expect(await storedPhoto(h.id)).toBeUndefined();
  });

  it('does not let a social worker who is not allocated upload a photo (403)', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Notmine' });
    const ssw = await signedIn(t.app, 'ssw');
    expect((await ssw.get(`/households/${h.id}/photo/change`)).statusCode).toBe(403);
  });
});

describe('the carer profile for children', () => {
  it('shows first names only and the ages of the children who live there', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Profilefamily', pets: 'A cat called Biscuit' });
    await makeCarer(t.database.db, h.id, { firstName: 'Imogen', lastName: 'Secretsurname' });
    await makeMember(t.database.db, h.id, {
      firstName: 'Theo',
      lastName: 'Secretsurname',
      dateOfBirth: addYears(todayInLondon(), -9),
    });
    const manager = await signedIn(t.app, 'manager');
    const page = await manager.get(`/households/${h.id}/profile`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Your foster carers: Imogen');
    expect(page.body).toContain('Theo (9 years old)');
    expect(page.body).toContain('A cat called Biscuit');
    expect(page.body).not.toContain('Secretsurname');
    expect(page.body).toContain(`/households/${h.id}/profile.pdf`);
    expect(page.body).toContain('mailto:');
  });

  it('gives a PDF of the profile', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Pdffamily' });
    const manager = await signedIn(t.app, 'manager');
    await upload(manager, h.id, { name: 'us.png', type: 'image/png', bytes: tinyPng() });
    const response = await manager.get(`/households/${h.id}/profile.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 4).toString('latin1')).toBe('%PDF');
    // The photo is embedded as an image XObject.
    expect(response.rawPayload.toString('latin1')).toContain('/Subtype /Image');
  });

  it('saves the profile text', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Writers' });
    const manager = await signedIn(t.app, 'manager');
    await manager.get(`/households/${h.id}/profile/edit`);
    const response = await manager.post(`/households/${h.id}/profile/edit`, {
      profileAbout: 'We live near the sea.',
      profileLikes: 'Board games and long walks.',
      profileHome: 'A spare room with a view of the garden.',
      pets: 'Two rabbits',
    });
    expect(response.statusCode).toBe(303);
    const page = await manager.get(`/households/${h.id}/profile`);
    expect(page.body).toContain('Board games and long walks.');
    expect(page.body).toContain('Two rabbits');
  });
});
