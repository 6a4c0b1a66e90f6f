// The interface's Fluent message ids (crates/web/i18n/*/*.ftl, and the literal keys the
// templates and handlers ask for), to find a page that shows a key instead of its text.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './server.mjs';

function files(dir, ext) {
  let out = [];
  let entries = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out = out.concat(files(p, ext));
    else if (ext.some((x) => p.endsWith(x))) out.push(p);
  }
  return out;
}

let cached;

/** Message ids with at least one hyphen (a bare word could be ordinary text). */
export function messageKeys() {
  if (cached) return cached;
  const keys = new Set();
  const web = join(REPO_ROOT, 'crates', 'web');
  for (const f of files(join(web, 'i18n'), ['.ftl'])) {
    for (const m of readFileSync(f, 'utf8').matchAll(/^([a-zA-Z][\w-]*)\s*=/gm)) keys.add(m[1]);
  }
  const literal = [
    /\bt\(\s*"([a-z][a-z0-9-]*)"\s*\)/g, // p.t("key")
    /\b(?:translate|ta|tn)\(\s*[\w.]+\s*,\s*"([a-z][a-z0-9-]*)"/g, // translate(lang, "key", …)
  ];
  for (const f of files(web, ['.html', '.rs'])) {
    const text = readFileSync(f, 'utf8');
    for (const re of literal) for (const m of text.matchAll(re)) keys.add(m[1]);
  }
  cached = new Set([...keys].filter((k) => k.includes('-')));
  return cached;
}

/** The message ids that the current page shows as text or in an accessible attribute. */
export async function untranslatedKeys(page) {
  const keys = messageKeys();
  if (!keys.size) return [];
  const text = await page.evaluate(() => {
    const parts = [document.title, document.body ? document.body.innerText : ''];
    for (const el of document.querySelectorAll('[aria-label],[title],[placeholder],[alt],input[type=submit],input[type=button]')) {
      for (const a of ['aria-label', 'title', 'placeholder', 'alt', 'value']) {
        const v = el.getAttribute(a);
        if (v) parts.push(v);
      }
    }
    return parts.join('\n');
  });
  const found = new Set();
  for (const m of text.matchAll(/[a-z][a-z0-9]*(?:-[a-z0-9]+)+/g)) if (keys.has(m[0])) found.add(m[0]);
  return [...found];
}
