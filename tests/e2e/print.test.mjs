// A position page prints as a clean document: with `media: print` the site's navigation and
// header are hidden, the document (its heading, its duties) is shown, and Chromium prints it to
// a PDF.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { launchBrowser, newContext, signIn, positionWith } from './lib/browser.mjs';
import { screenshot, writeReport } from './lib/report.mjs';

const POSITION = 'Veebihaldur'; // data/demo/ska-ametijuhend-veebihaldur.txt
const DUTY_START = 'SKA veebide info uuendamine';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// The site's own navigation and banner: not a <header> inside the document's content.
const CHROME = [
  'nav',
  '[role="navigation"]',
  '[role="banner"]',
  'header:not(main header):not(article header):not(section header):not(aside header)',
];

test('print: a position page hides the navigation and header', { timeout: 180_000 }, async (t) => {
  const context = await newContext(browser, server.baseURL);
  const page = await context.newPage();
  try {
    await signIn(page, 'staff', 'et');
    // The position page: the one whose job description has the duty (found by search).
    const found = await positionWith(page, server.baseURL, DUTY_START);
    await page.goto(found);
    assert.ok(
      new RegExp(`^${POSITION}\\b`, 'i').test((await page.locator('h1').innerText()).trim()),
      `${found} has not the heading "${POSITION}"`,
    );
    t.diagnostic(`position page: ${new URL(found).pathname}`);

    await page.emulateMedia({ media: 'print' });
    const shown = [];
    for (const selector of CHROME) {
      for (const el of await page.locator(selector).all()) {
        if (await el.isVisible()) {
          const html = await el.evaluate((e) => e.outerHTML.slice(0, 120));
          shown.push(`${selector}: ${html}`);
        }
      }
    }
    await screenshot(page, 'print-position.png');
    assert.deepEqual(shown, [], `in print the position page still shows navigation or header:\n  ${shown.join('\n  ')}`);
    assert.ok(await page.locator('h1').isVisible(), 'in print the heading is hidden');
    assert.ok(
      await page.getByText(DUTY_START, { exact: false }).first().isVisible(),
      `in print the duty "${DUTY_START} …" is not shown`,
    );
    const pdf = await page.pdf({ format: 'A4' });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-', 'Chromium did not print the page to a PDF');
    await writeReport('print-position.pdf', pdf);
  } finally {
    await context.close();
  }
});
