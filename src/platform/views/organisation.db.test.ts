import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { createTestApp, signedIn } from '../../../test/support/app.ts';

describe("the council's header and footer", () => {
  it("shows the council's name and its own footer, with no Crown, Royal Arms or Open Government Licence", async () => {
    const t = await createTestApp({ seed: true });
    try {
      const signIn = await t.app.inject({ method: 'GET', url: '/sign-in' });
      expect(signIn.body).toContain('Demo County Council');
      expect(signIn.body).toContain('Hearth: fostering service');
      expect(signIn.body).not.toMatch(/Crown copyright|Open Government Licence|govuk-footer__crown|copyright-logo/);
      expect(signIn.body).toContain('href="/accessibility"');
      expect((await t.app.inject({ method: 'GET', url: '/organisation-logo' })).statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });

  it("shows the organisation's name and logo from the settings on every page", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-logo-'));
    const logo = join(dir, 'logo.png');
    writeFileSync(
      logo,
      await sharp({ create: { width: 40, height: 20, channels: 3, background: '#00703c' } })
        .png()
        .toBuffer(),
    );
    const t = await createTestApp({
      seed: true,
      env: { ORGANISATION_NAME: 'Northshire County Council', ORGANISATION_LOGO: logo },
    });
    try {
      const head = await signedIn(t.app, 'head');
      const page = await head.get('/my-work');
      expect(page.body).toContain('Northshire County Council');
      expect(page.body).toContain('<img class="app-header__logo" src="/organisation-logo"');
      const image = await t.app.inject({ method: 'GET', url: '/organisation-logo' });
      expect(image.statusCode).toBe(200);
      expect(image.headers['content-type']).toBe('image/png');
      expect((await sharp(image.rawPayload).metadata()).width).toBe(40);
    } finally {
      await t.close();
    }
  });

  it('refuses a logo that is not there, naming the setting', () => {
    expect(() => loadConfig({ ORGANISATION_LOGO: '/nowhere/logo.png' })).toThrow(
      /ORGANISATION_LOGO must be the path of a file/,
    );
    expect(() => loadConfig({ ORGANISATION_LOGO: '/etc/passwd' })).toThrow(/ORGANISATION_LOGO must be a .png/);
  });
});
