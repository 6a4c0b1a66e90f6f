// Tasks first, as people click: every demo account's start page is a task list whose first row
// of each list leads to a page offering that very step; and one job description goes through its
// whole lifecycle driven from the task lists alone — the manager submits a draft and signs it off
// as supervisor, HR signs it off, prepares a directive with it and registers the directive (which
// approves it), records the holder's acknowledgement and puts it in force. After every action the
// confirmation has the focus.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { launchBrowser, newContext, signIn } from './lib/browser.mjs';
import { screenshot } from './lib/report.mjs';

/** The error with where the page was, and its screenshot. */
async function failed(e, page, name) {
  const shot = await screenshot(page, `${name}.png`);
  return new Error(`${e.message}\n  at ${page.url()}${shot ? `\n  screenshot: ${shot}` : ''}`, { cause: e });
}

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

/** The form of the version page's panel that performs `action`. */
const actionForm = (page, action) =>
  page.locator(`form[action$="/transitions"]:has(input[name="action"][value="${action}"])`);

/** What a list's step asks of the version page: the action's form, or the directive link. */
const STEP_ACTION = {
  revise: 'submit',
  submit: 'submit',
  sign_off_as_supervisor: 'sign_off_as_supervisor',
  sign_off_as_hr: 'sign_off_as_hr',
  acknowledge: 'acknowledge',
  put_in_force: 'put_in_force',
};

async function offersStep(page, step) {
  // Approving is preparing a directive with the version — or, for an annex of a directive not
  // registered yet, registering that directive.
  if (step === 'approve') {
    return (await page.locator('.lifecycle a[href^="/directives/new?jd="], .lifecycle a[href^="/directives/"][href$="#register"]').count()) > 0;
  }
  if (step === 'revise' && (await page.locator('a[href$="/job-description/edit"]').count()) > 0) return true;
  return (await actionForm(page, STEP_ACTION[step]).count()) > 0;
}

/** The task lists of the start page: [{ step, links: [href…], more }]. */
async function taskLists(page) {
  await page.goto('/');
  return page.$$eval('section.tasks-first h3[id^="tasks-"]', (hs) =>
    hs.map((h) => {
      const links = [];
      let more = null;
      for (let el = h.nextElementSibling; el && el.tagName !== 'H3'; el = el.nextElementSibling) {
        for (const a of el.querySelectorAll('a[href]')) {
          if (el.tagName === 'TABLE' || el.tagName === 'UL') links.push(a.getAttribute('href'));
          else more = a.getAttribute('href');
        }
      }
      const step = h.id === 'tasks-directives' ? 'directives' : h.id.replace(/^tasks-/, '').replace(/-[a-z_]+$/, '');
      return { id: h.id, step, links, more };
    }),
  );
}

/** Opens the task for `href` from the start page's list of `step` (following "all" and the pager). */
async function openTask(page, step, href) {
  const lists = (await taskLists(page)).filter((l) => l.step === step);
  assert.ok(lists.length > 0, `no list "${step}" on the start page`);
  for (const list of lists) {
    if (list.links.includes(href)) {
      await Promise.all([page.waitForLoadState('load'), page.locator(`section.tasks-first a[href="${href}"]`).first().click()]);
      return;
    }
    if (!list.more) continue;
    await page.goto(list.more);
    for (;;) {
      const row = page.locator(`main a[href="${href}"]`);
      if ((await row.count()) > 0) {
        await Promise.all([page.waitForLoadState('load'), row.first().click()]);
        return;
      }
      const next = page.locator('a[rel="next"]');
      if ((await next.count()) === 0) break;
      await Promise.all([page.waitForLoadState('load'), next.first().click()]);
    }
    await page.goto('/');
  }
  assert.fail(`${href} is not in the list "${step}"`);
}

/** Presses the panel's button for `action` and checks the confirmation has the focus. */
async function act(page, action) {
  const form = actionForm(page, action);
  assert.equal(await form.count(), 1, `"${action}" is offered on ${page.url()}`);
  await Promise.all([page.waitForLoadState('load'), form.locator('button[type="submit"]').click()]);
  const done = page.locator('#wf-done');
  assert.equal(await done.count(), 1, `a confirmation after "${action}" on ${page.url()}`);
  const focused = await page.evaluate(() => document.activeElement?.id);
  assert.equal(focused, 'wf-done', `the focus is on the confirmation after "${action}"`);
}

async function session(role) {
  const context = await newContext(browser, server.baseURL);
  const page = await context.newPage();
  await signIn(page, role, 'et');
  return { context, page };
}

for (const role of ['hr', 'manager', 'juht', 'staff', 'admin']) {
  test(`${role}: the start page lists what waits, and each list's first task offers its step`, { timeout: 300_000 }, async (t) => {
    const { context, page } = await session(role);
    try {
      const lists = await taskLists(page);
      assert.ok(lists.length > 0, `${role} has tasks waiting`);
      for (const list of lists) {
        assert.ok(list.links.length > 0, `${list.id} lists tasks`);
        if (list.step === 'directives') {
          const res = await page.goto(list.links[0]);
          assert.equal(res?.status(), 200, `${list.links[0]} opens`);
          assert.equal(await page.locator('form[action$="/registration"]').count(), 1, `${list.links[0]} offers the registration`);
          continue;
        }
        const res = await page.goto(list.links[0]);
        assert.equal(res?.status(), 200, `${list.links[0]} opens`);
        assert.ok(await offersStep(page, list.step), `${list.id}: ${list.links[0]} offers "${list.step}"`);
      }
      t.diagnostic(`${role}: ${lists.map((l) => `${l.id} (${l.links.length})`).join(', ')}`);
    } catch (e) {
      throw await failed(e, page, `tasks-${role}`);
    } finally {
      await context.close();
    }
  });
}

test('a job description from draft to in force, driven from the task lists', { timeout: 600_000 }, async (t) => {
  const manager = await session('manager');
  const hr = await session('hr');
  let page = manager.page;
  try {
    // The manager: a draft of their units to submit — the first whose page offers submitting.
    const submit = (await taskLists(page)).find((l) => l.step === 'submit');
    assert.ok(submit, 'the manager has drafts to submit');
    let version = null;
    for (const href of submit.links) {
      await page.goto('/');
      await openTask(page, 'submit', href);
      if ((await actionForm(page, 'submit').count()) > 0) {
        version = href;
        break;
      }
    }
    assert.ok(version, 'one of the drafts can be submitted');
    t.diagnostic(`the version: ${version}`);
    await act(page, 'submit');

    // The manager signs it off as its supervisor, from their list.
    await openTask(page, 'sign_off_as_supervisor', version);
    await act(page, 'sign_off_as_supervisor');

    // HR signs it off (and records the official's consent when the change needs it).
    page = hr.page;
    await openTask(page, 'sign_off_as_hr', version);
    await act(page, 'sign_off_as_hr');
    if ((await actionForm(page, 'record_consent').count()) > 0) await act(page, 'record_consent');

    // HR approves it by a directive: prepared from the version page, then registered.
    await openTask(page, 'approve', version);
    const prepare = page.locator('a[href^="/directives/new?jd="]');
    assert.equal(await prepare.count(), 1, 'the version page offers preparing a directive');
    await Promise.all([page.waitForLoadState('load'), prepare.click()]);
    const id = version.split('#')[0].split('/').pop();
    assert.ok(await page.locator(`input[name="jd"][value="${id}"]`).isChecked(), 'the version is chosen as an annex');
    await page.fill('#title', 'Ametijuhendi kinnitamine (e2e)');
    await Promise.all([page.waitForLoadState('load'), page.locator('form[action="/directives"] button[type="submit"]').click()]);
    assert.match(new URL(page.url()).pathname, /^\/directives\/[^/]+$/, `the directive was created: ${page.url()}`);
    const register = page.locator('form[action$="/registration"]');
    await register.locator('#number').fill('1-1/9999');
    await Promise.all([page.waitForLoadState('load'), register.locator('button[type="submit"]').click()]);
    await page.goto(version);
    assert.match(await page.locator('.lifecycle .status').first().innerText(), /kinnitatud/i, 'registering approved the version');

    // The holder's acknowledgement (recorded by HR on their behalf), then in force.
    await openTask(page, 'acknowledge', version);
    await act(page, 'acknowledge');
    await openTask(page, 'put_in_force', version);
    await act(page, 'put_in_force');
    assert.match(await page.locator('.lifecycle .status').first().innerText(), /kehtiv/i, 'the version is in force');
    const lists = await taskLists(page);
    assert.ok(!lists.some((l) => l.links.includes(version)), 'nothing waits for the version any more');
  } catch (e) {
    throw await failed(e, page, 'tasks-lifecycle');
  } finally {
    await manager.context.close();
    await hr.context.close();
  }
});
