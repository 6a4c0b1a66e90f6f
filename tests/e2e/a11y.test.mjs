// WCAG 2.1 AA: axe (wcag2a, wcag2aa, wcag21a, wcag21aa) on every page reachable from `/` by
// same-origin links — signed in as each role in Estonian, in English and Russian as HR, and at a
// 320 px window as HR (where no page may scroll sideways) — and on the 404 page; and on the login
// page and the 404 page, anonymous, in every language. Each page also has <html lang> of its
// language and exactly one <h1>.
//
// Bounds: E2E_MAX_PAGES pages per role and language (default 150), E2E_MAX_PER_TYPE pages of one
// page type (the path with its ids replaced, default 3). Types not yet seen are visited first, and
// a type left unvisited at the bound fails the test.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import {
  ROLES,
  LANGS,
  launchBrowser,
  newContext,
  signIn,
  crawl,
  positionWith,
  pageType,
  axeViolations,
  documentProblems,
  formatViolation,
} from './lib/browser.mjs';
import { writeReport, failureMessage, screenshot } from './lib/report.mjs';

const MAX_PAGES = Number(process.env.E2E_MAX_PAGES || 150);
const MAX_PER_TYPE = Number(process.env.E2E_MAX_PER_TYPE || 3);
const only = (name, all) => {
  const v = process.env[name];
  return v ? v.split(',').map((s) => s.trim()).filter(Boolean) : all;
};
const roles = only('E2E_ROLES', ROLES);
const langs = only('E2E_LANGS', LANGS);

let server;
let browser;
const report = { anonymous: {}, crawls: {} };

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  const file = await writeReport('a11y.json', report);
  console.log(`a11y report: ${file}`);
});

/** Axe and the document checks on the current page; returns problem lines. */
async function checkPage(page, where, lang) {
  const lines = [];
  for (const p of await documentProblems(page, lang)) lines.push(`${where}: ${p}`);
  for (const v of await axeViolations(page)) lines.push(formatViolation(where, v));
  return lines;
}

// The demo registry's web administrator and its first duty (data/demo/ska-ametijuhend-veebihaldur.txt),
// found by that duty's text among the generated agency's positions.
const POSITION = 'Veebihaldur';
const DUTY_START = 'SKA veebide info uuendamine';
const NEW_DUTY = 'SKA veebide info uuendamine (a11y-test): sisu toimetamine ja kujundamine.';
const EDIT_JD = 'Muuda ametijuhendit';
const SAVE = { et: 'Salvesta', en: 'Save', ru: 'Сохранить' };
/** One URL of each form page type the crawls saw (…/new, …/edit): type → url. */
const formPages = new Map();
/** The position and the draft the setup saved: every crawl that finds a link to them visits them. */
const prefer = [];

test(`setup (hr, et): a new draft of "${POSITION}" saved through the editor`, { timeout: 300_000 }, async (t) => {
  const context = await newContext(browser, server.baseURL);
  const page = await context.newPage();
  try {
    await signIn(page, 'hr', 'et');
    const found = await positionWith(page, server.baseURL, DUTY_START);
    await page.goto(found);
    assert.equal((await page.locator('h1').innerText()).trim(), POSITION, `${found} is not "${POSITION}"`);
    assert.ok(
      (await page.getByRole('link', { name: EDIT_JD, exact: true }).count()) > 0,
      `${found} has no link "${EDIT_JD}"`,
    );
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: EDIT_JD, exact: true }).click()]);
    let duty = null;
    for (const ta of await page.locator('textarea').all()) {
      if ((await ta.inputValue()).trim().startsWith(DUTY_START)) {
        duty = ta;
        break;
      }
    }
    assert.ok(duty, `the editor (${page.url()}) has no field with the duty "${DUTY_START} …"`);
    await duty.fill(NEW_DUTY);
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: SAVE.et, exact: true }).click()]);
    const body = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
    assert.ok(body.includes(NEW_DUTY), `after saving, ${page.url()} does not show the changed duty`);
    const draft = new URL(page.url());
    draft.search = '';
    prefer.push(found, draft.toString()); // the position's page links the draft
    t.diagnostic(`draft saved: ${draft.pathname}`);
  } finally {
    await context.close();
  }
});

for (const lang of langs) {
  test(`anonymous (${lang}): the login page and the 404 page`, { timeout: 180_000 }, async (t) => {
    const context = await newContext(browser, server.baseURL);
    const page = await context.newPage();
    const problems = [];
    try {
      const login = await page.goto(`/login?lang=${lang}`);
      assert.ok(login, 'GET /login answered nothing');
      if (login.status() !== 200) problems.push(`/login?lang=${lang}: HTTP ${login.status()}, not 200`);
      problems.push(...(await checkPage(page, `/login?lang=${lang}`, lang)));

      // An unknown address: the 404 page — or, where every page needs a signed-in user, the
      // sign-in page (the 404 page is then checked signed in, by the crawls below).
      const url = `/e2e-no-such-page?lang=${lang}`;
      const missing = await page.goto(url);
      assert.ok(missing, `GET ${url} answered nothing`);
      const ctype = (await missing.allHeaders())['content-type'] || '';
      const toLogin = missing.request().redirectedFrom() && new URL(page.url()).pathname === '/login';
      if (toLogin && missing.status() === 200) {
        t.diagnostic(`anonymous ${url} is sent to the sign-in page`);
      } else if (missing.status() !== 404) {
        problems.push(`${url}: HTTP ${missing.status()}, neither 404 nor the sign-in page`);
      } else if (!ctype.includes('text/html')) {
        problems.push(`${url}: the 404 page is ${ctype || 'untyped'}, not an HTML page`);
      } else {
        problems.push(...(await checkPage(page, url, lang)));
      }
    } finally {
      report.anonymous[lang] = problems;
      if (problems.length) await screenshot(page, `anonymous-${lang}.png`);
      await context.close();
    }
    t.diagnostic(`checked /login and an unknown address in ${lang}`);
    assert.equal(problems.length, 0, failureMessage(`anonymous pages in ${lang}`, problems));
  });
}

/**
 * The crawls: every role in Estonian at 1280 px (what each role may reach differs); English and
 * Russian once each, as HR (the texts differ, the pages do not); and at 320 px once, as HR in
 * Estonian (reflow: no page may scroll sideways, WCAG 1.4.10). Each crawl runs axe on every page.
 */
const crawls = [];
for (const role of roles) if (langs.includes('et')) crawls.push({ role, lang: 'et', width: 1280 });
for (const lang of langs) if (lang !== 'et' && roles.includes('hr')) crawls.push({ role: 'hr', lang, width: 1280 });
if (langs.includes('et') && roles.includes('hr')) crawls.push({ role: 'hr', lang: 'et', width: 320 });
if (crawls.length === 0) for (const role of roles) for (const lang of langs) crawls.push({ role, lang, width: 1280 });

/** A page wider than the window scrolls sideways: name the widest elements that stick out. */
async function reflowProblems(page, width) {
  const over = await page.evaluate((w) => {
    const doc = document.documentElement.scrollWidth;
    if (doc <= w) return null;
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > w + 1)
      .map((e) => e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') + (e.className && typeof e.className === 'string' ? `.${e.className.trim().split(/\s+/).join('.')}` : ''))
      .slice(0, 5);
    return { doc, wide };
  }, width);
  return over ? [`${over.doc} px wide at a ${width} px window (scrolls sideways): ${over.wide.join(', ')}`] : [];
}

for (const { role, lang, width } of crawls) {
  {
    test(`${role} (${lang}, ${width} px): every reachable page`, { timeout: 30 * 60_000 }, async (t) => {
      const context = await newContext(browser, server.baseURL, { viewport: { width, height: 900 } });
      const page = await context.newPage();
      const problems = [];
      let result;
      try {
        await signIn(page, role, lang);
        result = await crawl(page, {
          baseURL: server.baseURL,
          lang,
          maxPages: MAX_PAGES,
          maxPerType: MAX_PER_TYPE,
          prefer,
          visit: async (p, url) => {
            const path = url.slice(server.baseURL.length) || '/';
            const type = pageType(url);
            if (/\/(new|edit)(\?|$)/.test(type) && !formPages.has(type)) formPages.set(type, { url, role });
            problems.push(...(await checkPage(p, path, lang)));
            if (width < 700) problems.push(...(await reflowProblems(p, width)).map((m) => `${path}: ${m}`));
          },
        });
        problems.push(...result.problems);
        // The 404 page as this user sees it (with the signed-in layout).
        const missing = await page.goto('/e2e-no-such-page');
        if (missing?.status() !== 404) {
          problems.push(`/e2e-no-such-page: HTTP ${missing?.status()}, not 404`);
        } else {
          problems.push(...(await checkPage(page, '/e2e-no-such-page (404)', lang)));
        }
        for (const type of result.unvisitedTypes) {
          problems.push(`page type ${type} was not visited: the bound of ${MAX_PAGES} pages was reached first`);
        }
        const types = new Map();
        for (const v of result.visited) types.set(v.type, (types.get(v.type) || 0) + 1);
        t.diagnostic(
          `${role}/${lang}: ${result.visited.length} pages of ${types.size} types: ` +
            [...types].map(([type, n]) => `${type} ×${n}`).join(', '),
        );
        if (result.visited.length < 2) {
          problems.push(`only ${result.visited.length} page(s) reachable from / — is the site there?`);
        }
      } finally {
        report.crawls[`${role}/${lang}/${width}`] = {
          visited: result?.visited.map((v) => v.url.slice(server.baseURL.length)) ?? [],
          problems,
        };
        await context.close();
      }
      assert.equal(problems.length, 0, failureMessage(`${role} in ${lang}`, problems));
    });
  }
}

/** Empties the text fields of the page's main POST form and sends it with its save button. */
async function sendEmptied(page, lang) {
  const form = page.locator('main form[method="post" i]').filter({ has: page.locator('textarea, input[type="text"], input:not([type])') }).first();
  if (!(await form.count())) return 'no form with text fields';
  for (const field of await form.locator('textarea, input[type="text"], input:not([type])').all()) {
    if (await field.isEditable()) await field.fill('');
  }
  let button = form.getByRole('button', { name: SAVE[lang], exact: true });
  if (!(await button.count())) button = form.locator('button.primary, [type="submit"].primary');
  if (!(await button.count())) return 'no save button';
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
    button.first().click(),
  ]);
  await page.waitForLoadState('load');
  return res;
}

for (const lang of langs) {
  test(`forms with errors (${lang}): every form page, sent with its text fields emptied`, { timeout: 600_000 }, async (t) => {
    assert.ok(formPages.size > 0, 'the crawls found no form page (…/new, …/edit)');
    const problems = [];
    const contexts = new Map();
    try {
      for (const [type, { url, role }] of formPages) {
        if (!contexts.has(role)) {
          const context = await newContext(browser, server.baseURL);
          const page = await context.newPage();
          await signIn(page, role, lang);
          contexts.set(role, { context, page });
        }
        const { page } = contexts.get(role);
        const res = await page.goto(url);
        if (!res || res.status() >= 400) {
          problems.push(`${type}: GET ${url} answered ${res?.status()}`);
          continue;
        }
        const sent = await sendEmptied(page, lang);
        if (typeof sent === 'string') {
          t.diagnostic(`${type}: not sent (${sent})`);
          continue;
        }
        const where = `${type} with errors (${role}, HTTP ${sent.status()})`;
        if (sent.status() < 400) {
          t.diagnostic(`${type}: accepted with its text fields empty (HTTP ${sent.status()}); no error page to check`);
          continue;
        }
        if ((await page.locator('[role="alert"], [aria-invalid="true"]').count()) === 0) {
          problems.push(`${where}: the page names no error (no role=alert, no aria-invalid field)`);
        }
        problems.push(...(await checkPage(page, where, lang)));
        t.diagnostic(`${where}: checked`);
      }
    } finally {
      for (const { context } of contexts.values()) await context.close();
      report.forms = report.forms || {};
      report.forms[lang] = problems;
    }
    assert.equal(problems.length, 0, failureMessage(`forms with errors in ${lang}`, problems));
  });
}
