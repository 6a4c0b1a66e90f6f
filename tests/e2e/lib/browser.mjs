// Debian's chromium driven by playwright-core (no browser download, ever), and the helpers the
// tests share: signing in through the login form, crawling same-origin links, axe.

import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import { untranslatedKeys } from './i18n-keys.mjs';

export const ROLES = ['admin', 'hr', 'manager', 'staff', 'auditor'];
export const LANGS = ['et', 'en', 'ru'];
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export function chromiumPath() {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export async function launchBrowser() {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `no Chromium at ${executablePath}: install Debian's with 'apt-get install -y chromium' ` +
        `(or set CHROMIUM_PATH)`,
    );
  }
  // playwright-core gives every launch a new empty --user-data-dir of its own.
  return chromium.launch({
    executablePath,
    headless: true,
    chromiumSandbox: false,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
    timeout: 60_000,
  });
}

/** A new browser context whose pages may reach only the test server. */
export async function newContext(browser, baseURL, options = {}) {
  const context = await browser.newContext({ baseURL, ...options });
  context.setDefaultTimeout(30_000);
  context.setDefaultNavigationTimeout(60_000);
  const origin = new URL(baseURL).origin;
  await context.route(
    (url) => url.origin !== origin,
    (route) => route.abort('blockedbyclient'),
  );
  return context;
}

export function password(role) {
  return `demo-${role}`;
}

/**
 * Signs in through the login form as a browser would (the form carries its CSRF token), in the
 * given language. Throws when the form is missing or the sign-in does not reach `/`.
 */
export async function signIn(page, role, lang) {
  const res = await page.goto(`/login?lang=${lang}`);
  if (!res || res.status() >= 400) {
    throw new Error(`GET /login?lang=${lang} answered ${res ? res.status() : 'nothing'}`);
  }
  const form = page.locator('form[action^="/login"]');
  await form.locator('input[name="username"]').fill(role);
  await form.locator('input[name="password"]').fill(password(role));
  const submit = form.locator('button:not([type="button"]):not([type="reset"]), input[type="submit"]');
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/login', { waitUntil: 'load' }),
    submit.first().click(),
  ]);
  const path = new URL(page.url()).pathname;
  if (path !== '/') throw new Error(`signing in as ${role} led to ${page.url()}, not /`);
  await chooseLanguage(page, lang);
}

/**
 * Chooses the interface language with the language form of the current page, as a person does
 * (the account keeps the choice; `?lang=` would change one request only).
 */
export async function chooseLanguage(page, lang) {
  const form = page.locator('form[action="/language"]');
  await form.locator('select[name="lang"]').selectOption(lang);
  await Promise.all([page.waitForLoadState('load'), form.locator('button[type="submit"]').click()]);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

const ID_SEGMENT = [
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, // UUID
  /^\d+$/, // number, version
  /^[0-9a-f]{16,}$/i, // hex key
];

/**
 * The page type of a URL: its path with ids replaced by ':id', and '?' when it has a query (a
 * search, a filter, a preset form: all combinations of parameters are one type, so that facets
 * do not multiply the types).
 */
export function pageType(url) {
  const u = new URL(url);
  const path = u.pathname
    .split('/')
    .map((s) => (ID_SEGMENT.some((re) => re.test(decodeURIComponent(s))) ? ':id' : s))
    .join('/');
  const hasQuery = [...u.searchParams.keys()].some((k) => k !== 'lang');
  return hasQuery ? `${path}?` : path;
}

const NON_HTML = /\.(pdf|docx?|odt|xlsx?|csv|json|jsonl|txt|xml|zip|png|jpe?g|gif|svg|ico|css|js|mjs|map|woff2?)$/i;

/**
 * Why a link is not to be crawled, or null when it is. `lang` is the language being tested: a
 * link that switches to another language is the switcher, not a page.
 */
export function skipReason(link, origin, lang) {
  let u;
  try {
    u = new URL(link.href);
  } catch {
    return 'not a URL';
  }
  if (u.origin !== origin) return 'other origin';
  if (link.nofollow) return 'rel=nofollow';
  if (link.noCrawl) return 'data-no-crawl';
  if (link.download) return 'download';
  const p = u.pathname;
  if (p === '/logout' || p.startsWith('/logout/')) return 'logout';
  if (p === '/api' || p.startsWith('/api/')) return 'api';
  if (p.startsWith('/static/')) return 'static';
  if (p === '/healthz') return 'health check';
  if (NON_HTML.test(p)) return 'non-HTML resource';
  const l = u.searchParams.get('lang');
  if (l !== null && l !== lang) return 'language switcher';
  return null;
}

/** Canonical form of a crawlable URL: no fragment, no lang parameter. */
export function canonical(href) {
  const u = new URL(href);
  u.hash = '';
  u.searchParams.delete('lang');
  u.searchParams.sort();
  return u.toString();
}

/**
 * The page of the position whose job description has `phrase` (the first hit of the JSON search
 * API, asked with the page's session): how the tests reach one of the demo's real documents
 * among the generated agency's 150 positions without crawling for it.
 */
export async function positionWith(page, baseURL, phrase) {
  const res = await page.request.get(`${baseURL}/api/search?q=${encodeURIComponent(`"${phrase}"`)}`);
  if (!res.ok()) throw new Error(`/api/search for "${phrase}" answered ${res.status()}`);
  const hit = (await res.json()).hits.find((h) => h.kind === 'position');
  if (!hit) throw new Error(`no position has the text "${phrase}"`);
  return `${baseURL}/positions/${hit.id}`;
}

/** Sample text for an empty search field of a GET form (it matches demo positions). */
export const SEARCH_SAMPLE = 'haldur';

/**
 * The GET forms of the page (search, filters) as the URLs their submission loads, with empty
 * search fields filled with a sample term; forms marked data-no-crawl are left out.
 */
export async function getFormsOf(page) {
  return page.$$eval(
    'form',
    (forms, sample) =>
      forms
        .filter((f) => (f.getAttribute('method') || 'get').toLowerCase() === 'get' && !f.hasAttribute('data-no-crawl'))
        .map((f) => {
          const data = new FormData(f);
          for (const el of f.querySelectorAll('input[type=search], input[name=q]')) {
            if (el.name && !el.value) data.set(el.name, sample);
          }
          const u = new URL(f.action || location.href);
          u.search = new URLSearchParams(data).toString();
          return { href: u.toString(), raw: f.getAttribute('action'), form: true };
        }),
    SEARCH_SAMPLE,
  );
}

export async function linksOf(page) {
  return page.$$eval('a[href]', (as) =>
    as.map((a) => ({
      href: a.href,
      raw: a.getAttribute('href'),
      nofollow: (a.getAttribute('rel') || '').toLowerCase().split(/\s+/).includes('nofollow'),
      noCrawl: a.hasAttribute('data-no-crawl'),
      download: a.hasAttribute('download'),
    })),
  );
}

/**
 * Breadth-first crawl of same-origin GET links (and GET forms, submitted once) from `start`. Pages of a type not yet seen go
 * first, then the `prefer`red URLs once they are linked (whatever their type's count); at most
 * `maxPerType` pages of one type and `maxPages` in all. `visit(page, url, res)`
 * runs on each HTML page; the crawl stops at the first page for which `until(page)` is true, and
 * leaves the browser there (`found` is its URL). Returns { visited: [{url, type, status, from}],
 * unvisitedTypes, problems, found }.
 */
export async function crawl(page, { baseURL, start = '/', lang, maxPages = 150, maxPerType = 3, visit, until, prefer = [] }) {
  const preferred = new Set(prefer.map(canonical));
  const origin = new URL(baseURL).origin;
  const seen = new Set();
  const perType = new Map();
  const queue = []; // { url, type, from }
  const visited = [];
  const problems = [];
  const enqueue = (url, from) => {
    const c = canonical(url);
    if (seen.has(c)) return;
    seen.add(c);
    queue.push({ url: c, type: pageType(c), from });
  };
  enqueue(new URL(start, origin).toString(), null);
  while (queue.length && visited.length < maxPages) {
    // A page of a type not visited yet goes first; then the oldest one whose type still has room.
    let i = queue.findIndex((q) => !perType.has(q.type));
    if (i < 0) i = queue.findIndex((q) => preferred.has(q.url));
    if (i < 0) i = queue.findIndex((q) => (perType.get(q.type) || 0) < maxPerType);
    if (i < 0) break;
    const item = queue.splice(i, 1)[0];
    perType.set(item.type, (perType.get(item.type) || 0) + 1);
    let res;
    try {
      res = await page.goto(item.url, { waitUntil: 'load' });
    } catch (e) {
      problems.push(`${item.url} (linked from ${item.from}): navigation failed: ${e.message.split('\n')[0]}`);
      continue;
    }
    const status = res ? res.status() : 0;
    const ctype = res ? (await res.allHeaders())['content-type'] || '' : '';
    if (status >= 400) {
      problems.push(`${item.url} (linked from ${item.from}): HTTP ${status}`);
      continue;
    }
    if (!ctype.includes('text/html')) continue;
    const finalUrl = page.url();
    if (new URL(finalUrl).origin !== origin) {
      problems.push(`${item.url} (linked from ${item.from}): left the site for ${finalUrl}`);
      continue;
    }
    if (canonical(finalUrl) !== item.url) seen.add(canonical(finalUrl));
    visited.push({ url: item.url, type: item.type, status, from: item.from });
    if (visit) await visit(page, item.url, res);
    if (until && (await until(page))) {
      return { visited, unvisitedTypes: [], problems, found: page.url() };
    }
    for (const link of [...(await linksOf(page)), ...(await getFormsOf(page))]) {
      if (!skipReason(link, origin, lang)) enqueue(link.href, item.url);
    }
  }
  const visitedTypes = new Set(visited.map((v) => v.type));
  const unvisitedTypes = [...new Set(queue.map((q) => q.type))].filter((t) => !visitedTypes.has(t));
  return { visited, unvisitedTypes, problems, found: null };
}

/** Axe with the WCAG 2.1 A and AA tags; returns the violations, one entry per rule. */
export async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
    summaries: v.nodes.map((n) => n.failureSummary),
  }));
}

/**
 * The document-level checks: <html lang> is the language, exactly one <h1>, no message key shown
 * instead of its text.
 */
export async function documentProblems(page, lang) {
  const problems = [];
  const htmlLang = await page.evaluate(() => document.documentElement.getAttribute('lang'));
  if (!htmlLang || htmlLang.toLowerCase().split('-')[0] !== lang) {
    problems.push(`<html lang="${htmlLang ?? ''}"> is not "${lang}"`);
  }
  const h1s = await page.locator('h1').count();
  if (h1s !== 1) problems.push(`${h1s} <h1> elements, not exactly one`);
  const keys = await untranslatedKeys(page);
  if (keys.length) problems.push(`untranslated text: shows the message key(s) ${keys.join(', ')}`);
  return problems;
}

export function formatViolation(where, v) {
  const targets = v.targets.slice(0, 8).join(' | ') + (v.targets.length > 8 ? ` | … (${v.targets.length} in all)` : '');
  return `${where}: ${v.rule} [${v.impact}] ${v.help} — ${targets}`;
}
