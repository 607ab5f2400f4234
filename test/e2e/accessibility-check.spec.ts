import { test, expect } from './support/fixtures.ts';

/**
 * The check every journey relies on, checked itself: a page with violations fails it, naming them,
 * so a change to how axe is loaded (the minified build, injected into every document) cannot
 * quietly turn it into a check that always passes.
 */
test('the accessibility check fails a page with an unlabelled field and an image with no text', async ({ hearth }) => {
  await hearth.page.setContent(
    '<!doctype html><html lang="en"><head><title>A broken form - Hearth</title></head><body><main>' +
      '<h1>A broken form</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text" name="surname">' +
      '</main></body></html>',
  );
  // Each violation names the elements at fault, so a failure says where to look.
  await expect(hearth.checkPage()).rejects.toThrow(
    /accessibility violation[\s\S]*image-alt[\s\S]*element: img\n[\s\S]*label[\s\S]*element: input\n/,
  );

  await hearth.page.setContent(
    '<!doctype html><html lang="en"><head><title>A mended form - Hearth</title></head><body><main>' +
      '<h1>A mended form</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">' +
      '<label for="surname">Surname</label><input type="text" id="surname" name="surname">' +
      '</main></body></html>',
  );
  await hearth.checkPage();
});
