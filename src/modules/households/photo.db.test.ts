import { eq } from 'drizzle-orm';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
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

/** A photo-like JPEG, PNG or WebP made with sharp: a smooth colour gradient, like a sky or a wall. */
async function madePhoto(width: number, height: number, format: 'jpeg' | 'png' | 'webp'): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const at = (y * width + x) * 3;
      pixels[at] = Math.floor((x * 255) / width);
      pixels[at + 1] = Math.floor((y * 255) / height);
      pixels[at + 2] = 128;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .toFormat(format)
    .toBuffer();
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

/** The form was shown again with the message, the rest of the page intact. */
function expectRefusedWith(response: { statusCode: number; body: string }, message: string) {
  expect(response.statusCode).toBe(400);
  expect(response.body).toContain('There is a problem');
  expect(response.body).toContain(message);
  expect(response.body).toContain('href="#photo"');
  expect(response.body).toContain('Upload a photo</h1>');
  expect(response.body).toContain('Upload photo');
}

describe('the household photo', () => {
  it('accepts a real PNG, stores it re-encoded as a JPEG, and serves it only to those who may see the household', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Photofamily' });
    const manager = await signedIn(t.app, 'manager');
    const response = await upload(manager, h.id, { name: 'us.png', type: 'image/png', bytes: tinyPng() });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/households/${h.id}/profile?done=photo`);
    const stored = await storedPhoto(h.id);
    expect(stored?.contentType).toBe('image/jpeg');
    expect(stored?.size).toBe(stored?.bytes.length);
    const kept = await sharp(stored!.bytes).metadata();
    expect([kept.format, kept.width, kept.height]).toEqual(['jpeg', 1, 1]);

    const served = await manager.get(`/households/${h.id}/photo`);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['cache-control']).toBe('no-store');
    expect(served.rawPayload.equals(stored!.bytes)).toBe(true);

    const profile = await manager.get(`/households/${h.id}/profile`);
    expect(profile.body).toContain(`src="/households/${h.id}/photo"`);

    const ssw2 = await signedIn(t.app, 'ssw2');
    expect((await ssw2.get(`/households/${h.id}/photo`)).statusCode).toBe(404);
    const carer = await signedIn(t.app, 'carer');
    expect((await carer.get(`/households/${h.id}/photo`)).statusCode).toBe(403);
  });

  it('accepts a WebP photo and stores it as a JPEG', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Webpfamily' });
    const manager = await signedIn(t.app, 'manager');
    const webp = await madePhoto(320, 240, 'webp');
    const response = await upload(manager, h.id, { name: 'us.webp', type: 'image/webp', bytes: webp });
    expect(response.statusCode).toBe(303);
    const stored = await storedPhoto(h.id);
    expect(stored?.contentType).toBe('image/jpeg');
    const kept = await sharp(stored!.bytes).metadata();
    expect([kept.format, kept.width, kept.height]).toEqual(['jpeg', 320, 240]);
  });

  it('removes the location (EXIF GPS) and all other metadata from a phone photo', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Gpsfamily' });
    const manager = await signedIn(t.app, 'manager');
    const withLocation = await sharp({ create: { width: 120, height: 80, channels: 3, background: '#5a7d9a' } })
      .jpeg()
      .withExif({
        IFD0: { Make: 'Phonemaker', Model: 'Phone 12' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '51/1 30/1 26/1',
          GPSLongitudeRef: 'W',
          GPSLongitude: '0/1 7/1 39/1',
        },
      })
      .toBuffer();
    // The photo as uploaded carries a GPS block (tag 0x8825, little-endian) and the camera's name.
    const sent = await sharp(withLocation).metadata();
    expect(sent.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true);
    expect(withLocation.includes(Buffer.from('Phonemaker'))).toBe(true);

    const response = await upload(manager, h.id, { name: 'garden.jpg', type: 'image/jpeg', bytes: withLocation });
    expect(response.statusCode).toBe(303);
    const stored = await storedPhoto(h.id);
    const kept = await sharp(stored!.bytes).metadata();
    expect([kept.format, kept.width, kept.height]).toEqual(['jpeg', 120, 80]);
    expect(kept.exif).toBeUndefined();
    expect(kept.xmp).toBeUndefined();
    expect(stored!.bytes.includes(Buffer.from('Phonemaker'))).toBe(false);
    const served = await manager.get(`/households/${h.id}/photo`);
    expect((await sharp(served.rawPayload).metadata()).exif).toBeUndefined();
  });

  it('turns a photo taken sideways upright, from its EXIF orientation', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Sidewaysfamily' });
    const manager = await signedIn(t.app, 'manager');
    const sideways = await sharp({ create: { width: 60, height: 30, channels: 3, background: '#aa6633' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect((await sharp(sideways).metadata()).orientation).toBe(6);
    const response = await upload(manager, h.id, { name: 'tall.jpg', type: 'image/jpeg', bytes: sideways });
    expect(response.statusCode).toBe(303);
    const kept = await sharp((await storedPhoto(h.id))!.bytes).metadata();
    expect([kept.width, kept.height, kept.orientation]).toEqual([30, 60, undefined]);
  });

  it('scales a large photo down to fit 1600 by 1600 pixels, keeping its shape', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Largefamily' });
    const manager = await signedIn(t.app, 'manager');
    const large = await madePhoto(4000, 3000, 'jpeg');
    expect(large.length).toBeLessThan(5 * 1024 * 1024);
    const response = await upload(manager, h.id, { name: 'large.jpg', type: 'image/jpeg', bytes: large });
    expect(response.statusCode).toBe(303);
    const stored = await storedPhoto(h.id);
    const kept = await sharp(stored!.bytes).metadata();
    expect([kept.width, kept.height]).toEqual([1600, 1200]);
    expect(stored!.size).toBe(stored!.bytes.length);
    expect(stored!.size).toBeLessThan(large.length);
  });

  it('refuses a truncated PNG as damaged, and keeps the photo uploaded before', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Truncatedfamily' });
    const manager = await signedIn(t.app, 'manager');
    expect((await upload(manager, h.id, { name: 'us.png', type: 'image/png', bytes: tinyPng() })).statusCode).toBe(303);
    const before = await storedPhoto(h.id);

    const png = await madePhoto(400, 300, 'png');
    const truncated = png.subarray(0, Math.floor(png.length / 2));
    const response = await upload(manager, h.id, { name: 'cut.png', type: 'image/png', bytes: truncated });
    expectRefusedWith(response, 'The selected file could not be read as a photo: it may be damaged');
    const after = await storedPhoto(h.id);
    expect(after?.bytes.equals(before!.bytes)).toBe(true);
    expect(after?.uploadedAt).toEqual(before?.uploadedAt);
  });

  it('refuses a truncated JPEG as damaged, and saves nothing', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Cutjpegfamily' });
    const manager = await signedIn(t.app, 'manager');
    const jpeg = await madePhoto(400, 300, 'jpeg');
    const response = await upload(manager, h.id, {
      name: 'cut.jpg',
      type: 'image/jpeg',
      bytes: jpeg.subarray(0, Math.floor(jpeg.length * 0.6)),
    });
    expectRefusedWith(response, 'The selected file could not be read as a photo: it may be damaged');
    expect(await storedPhoto(h.id)).toBeUndefined();
  });

  it('refuses a file that is only a JPEG header (3 bytes) as damaged, and saves nothing', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Headerfamily' });
    const manager = await signedIn(t.app, 'manager');
    const response = await upload(manager, h.id, {
      name: 'photo.jpg',
      type: 'image/jpeg',
      bytes: Buffer.from([0xff, 0xd8, 0xff]),
    });
    expectRefusedWith(response, 'The selected file could not be read as a photo: it may be damaged');
    expect(await storedPhoto(h.id)).toBeUndefined();
  });

  it('refuses an image of more than 40 megapixels, however few bytes it takes, and saves nothing', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Megapixelfamily' });
    const manager = await signedIn(t.app, 'manager');
    const vast = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: '#808080' } })
      .png()
      .toBuffer();
    expect(vast.length).toBeLessThan(5 * 1024 * 1024);
    const response = await upload(manager, h.id, { name: 'vast.png', type: 'image/png', bytes: vast });
    expectRefusedWith(response, 'The selected photo must be 40 megapixels or fewer');
    expect(await storedPhoto(h.id)).toBeUndefined();
  });

  it('refuses an image in another format (SVG), and saves nothing', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Svgfamily' });
    const manager = await signedIn(t.app, 'manager');
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
    );
    const response = await upload(manager, h.id, { name: 'us.png', type: 'image/png', bytes: svg });
    expectRefusedWith(response, 'The selected file must be a JPEG, PNG or WebP image');
    expect(await storedPhoto(h.id)).toBeUndefined();
  });

  it('refuses a text file renamed .png, with a message on the form, and saves nothing', async () => {
    const h = await makeHousehold(t.database.db, { name: 'Textfamily' });
    const manager = await signedIn(t.app, 'manager');
    const response = await upload(manager, h.id, {
      name: 'photo.png',
      type: 'image/png',
      bytes: Buffer.from('This is not a picture, just some text pretending to be one.\n'),
    });
    expectRefusedWith(response, 'The selected file must be a JPEG, PNG or WebP image');
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
