// The main task with the keyboard only (page.keyboard: Tab, Shift+Tab, Enter, typing; no mouse,
// no locator.click()): sign in, find a position from `/` (search box, or the organisation), open
// its page, follow "Muuda ametijuhendit", change a duty's text, press "Salvesta", and see the new
// draft version with the changed duty. Focus must be visible at every stop on the way. Also: the
// language switcher is reachable and usable with the keyboard.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { launchBrowser, newContext, password } from './lib/browser.mjs';
import { Keyboard, describe } from './lib/keyboard.mjs';
import { screenshot, failureMessage, writeReport } from './lib/report.mjs';

// The demo registry's web administrator and the first of its main duties (data/demo/
// ska-ametijuhend-veebihaldur.txt, 3.1).
const POSITION = 'Veebihaldur';
const DUTY_START = 'SKA veebide info uuendamine';
const NEW_DUTY =
  'SKA veebide info uuendamine klaviatuuriga: sisu toimetamine ja kujundamine kasutajasõbralikkuse suunas.';
const EDITOR = process.env.E2E_EDITOR_ROLE || 'hr';

const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();

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

async function signInByKeyboard(kb, role) {
  const page = kb.page;
  const res = await page.goto('/login?lang=et');
  assert.ok(res && res.status() === 200, `GET /login?lang=et answered ${res ? res.status() : 'nothing'}`);
  await kb.tabTo((f) => f.nameAttr === 'username', { what: 'the username field' });
  await page.keyboard.type(role);
  await kb.tabTo((f) => f.nameAttr === 'password', { what: 'the password field' });
  await page.keyboard.type(password(role));
  await kb.pressAndWaitForPage('Enter');
  assert.equal(new URL(page.url()).pathname, '/', `signing in as ${role} by keyboard led to ${page.url()}`);
}

const isPositionLink = (f) => f.role === 'link' && new RegExp(POSITION, 'i').test(f.name);

test(`keyboard only (${EDITOR}, et): find a position, edit a duty, save`, { timeout: 300_000 }, async (t) => {
  const context = await newContext(browser, server.baseURL);
  const page = await context.newPage();
  const kb = new Keyboard(page);
  try {
    await signInByKeyboard(kb, EDITOR);

    // Find the position: through the search box when `/` has one, else through the organisation.
    let search = null;
    try {
      search = await kb.tabTo(
        (f) => f.role === 'searchbox' || f.type === 'search' || (f.tag === 'input' && f.nameAttr === 'q'),
        { what: 'a search box' },
      );
    } catch {
      t.diagnostic('no search box on / — going through the organisation');
    }
    if (search) {
      t.diagnostic(`search box: ${describe(search)}`);
      await page.keyboard.type(POSITION);
      await kb.pressAndWaitForPage('Enter');
    }
    const link = await kb.tabTo(isPositionLink, { what: `a link to the position "${POSITION}"` });
    t.diagnostic(`position link: ${describe(link)} on ${new URL(page.url()).pathname}`);
    await kb.pressAndWaitForPage('Enter');
    const positionUrl = page.url();

    const edit = await kb.tabTo(
      (f) => (f.role === 'link' || f.role === 'button') && norm(f.name) === 'Muuda ametijuhendit',
      { what: 'the link "Muuda ametijuhendit"' },
    );
    t.diagnostic(`edit: ${describe(edit)} on ${new URL(positionUrl).pathname}`);
    await kb.pressAndWaitForPage('Enter');

    const duty = await kb.tabTo(
      (f) => (f.tag === 'textarea' || f.tag === 'input') && norm(f.value).startsWith(DUTY_START),
      { what: `the field of the duty "${DUTY_START} …"` },
    );
    t.diagnostic(`duty field: ${describe(duty)} on ${new URL(page.url()).pathname}`);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(NEW_DUTY);
    const typed = await page.evaluate(() => document.activeElement.value);
    assert.equal(norm(typed), NEW_DUTY, 'typing did not replace the duty text');

    await kb.tabTo((f) => f.role === 'button' && norm(f.name) === 'Salvesta', {
      what: 'the button "Salvesta"',
    });
    await kb.pressAndWaitForPage('Enter');

    // The saved draft is shown, with the changed duty.
    const body = norm(await page.locator('body').innerText());
    const shot = await screenshot(page, 'keyboard-saved.png');
    assert.ok(
      body.includes(NEW_DUTY),
      `after "Salvesta" the page (${page.url()}) does not show the changed duty; screenshot: ${shot}`,
    );
    assert.match(body, /kavand|mustand/i, `after "Salvesta" the page (${page.url()}) does not say it is a draft (kavand)`);
    t.diagnostic(`saved: ${page.url()}`);

    // And the registry has it: a new version of the position, a draft, with the changed duty.
    const positionId = new URL(positionUrl).pathname.split('/').pop();
    const found = await context.request.get(`/api/positions/${positionId}`);
    assert.equal(found.status(), 200, `the position of ${positionUrl} is not in /api/positions/{id}`);
    const position = await found.json();
    const versions = await (await context.request.get(`/api/positions/${position.id}/job-descriptions`)).json();
    const latest = versions[versions.length - 1];
    assert.ok(versions.length >= 2, `"${POSITION}" still has ${versions.length} version(s) after saving`);
    assert.equal(latest.status, 'draft', `the newest version of "${POSITION}" is ${latest.status}, not a draft`);
    assert.ok(
      latest.duties.some((d) => norm(d.text) === NEW_DUTY),
      `the newest version of "${POSITION}" does not hold the changed duty`,
    );
  } catch (e) {
    await screenshot(page, 'keyboard-failure.png');
    throw e;
  } finally {
    await writeReport('keyboard-trail.txt', kb.trail.join('\n') + '\n');
    t.diagnostic(`${kb.stops} focus stops`);
    await context.close();
  }
  const invisible = [...kb.invisible.values()];
  assert.equal(invisible.length, 0, failureMessage('focus not visible', invisible));
});

test('keyboard only (staff): the language switcher', { timeout: 120_000 }, async () => {
  const context = await newContext(browser, server.baseURL);
  const page = await context.newPage();
  const kb = new Keyboard(page);
  const htmlLang = () => page.evaluate(() => document.documentElement.lang);
  try {
    await signInByKeyboard(kb, 'staff');
    for (const [from, to] of [['et', 'en'], ['en', 'ru'], ['ru', 'et']]) {
      assert.equal(await htmlLang(), from);
      // A link to the other language, or a language <select> with its submit button.
      const sw = await kb.tabTo(
        (f) =>
          (f.href && new URL(f.href, page.url()).searchParams.get('lang') === to) ||
          (f.tag === 'select' && f.nameAttr === 'lang'),
        { what: `the language switcher (to "${to}")` },
      );
      if (sw.tag === 'select') {
        const values = await page.evaluate(() => [...document.activeElement.options].map((o) => o.value));
        assert.ok(values.includes(to), `the language select offers ${values.join(', ')}, not "${to}"`);
        const urlBefore = page.url();
        for (let i = 0; i < values.length && (await page.evaluate(() => document.activeElement.value)) !== to; i++) {
          const at = values.indexOf(await page.evaluate(() => document.activeElement.value));
          await page.keyboard.press(values.indexOf(to) > at ? 'ArrowDown' : 'ArrowUp');
        }
        assert.equal(await page.evaluate(() => document.activeElement?.value), to, `the arrow keys did not choose "${to}"`);
        assert.equal(page.url(), urlBefore, 'choosing an option loaded another page by itself (WCAG 3.2.2 On Input)');
        await kb.tabTo((f) => f.role === 'button' || (f.tag === 'input' && f.type === 'submit'), {
          what: 'the language form\'s button',
          max: 3,
        });
      }
      await kb.pressAndWaitForPage('Enter');
      const lang = await htmlLang();
      assert.equal(lang, to, `${describe(sw)} led to a page in "${lang}", not "${to}"`);
    }
  } catch (e) {
    await screenshot(page, 'keyboard-language-failure.png');
    throw e;
  } finally {
    await context.close();
  }
  const invisible = [...kb.invisible.values()];
  assert.equal(invisible.length, 0, failureMessage('focus not visible', invisible));
});
