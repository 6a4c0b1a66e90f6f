// Keyboard-only navigation: Tab / Shift+Tab until the focused element is the one wanted, checking
// at every stop that focus is visible (a computed outline or box-shadow on the focused element).

/** What is focused: tag, role and accessible name, value, and how its focus is drawn. */
export async function focused(page) {
  const info = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const cs = getComputedStyle(el);
    const transparent = (c) => /^rgba\(.*,\s*0\)$/.test(c) || c === 'transparent';
    const outlineVisible =
      cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0 && !transparent(cs.outlineColor);
    const shadowVisible =
      cs.boxShadow !== 'none' &&
      cs.boxShadow.split(/,(?![^(]*\))/).some((s) => !/rgba\([^)]*,\s*0\)/.test(s));
    const path = [];
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const i = e.parentElement ? [...e.parentElement.children].indexOf(e) : 0;
      path.unshift(`${e.tagName.toLowerCase()}:nth-child(${i + 1})`);
    }
    return {
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute('type'),
      nameAttr: el.getAttribute('name'),
      id: el.id,
      href: el.getAttribute('href'),
      value: 'value' in el ? String(el.value) : null,
      text: (el.innerText || '').trim().slice(0, 200),
      outline: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`,
      boxShadow: cs.boxShadow,
      focusVisible: outlineVisible || shadowVisible,
      matchesFocusVisible: el.matches(':focus-visible'),
      selector: `body > ${path.join(' > ')}`,
    };
  });
  if (!info) return null;
  // Role and accessible name as the accessibility tree has them.
  try {
    const snap = await page.locator(':focus').first().ariaSnapshot({ timeout: 5_000 });
    const m = /^- ([\w-]+)(?: "((?:[^"\\]|\\.)*)")?/.exec(snap.split('\n')[0]);
    if (m) {
      info.role = m[1];
      info.name = (m[2] || '').replace(/\\(.)/g, '$1');
    }
  } catch {
    /* no snapshot: role and name stay unknown */
  }
  info.role ??= info.tag;
  info.name ??= info.text;
  return info;
}

export function describe(info) {
  if (!info) return '(nothing focused)';
  const name = info.name ? ` "${info.name.slice(0, 80)}"` : '';
  const href = info.href ? ` → ${info.href}` : '';
  return `${info.role}${name}${href} <${info.tag}${info.nameAttr ? ` name=${info.nameAttr}` : ''}>`;
}

/**
 * A keyboard session on a page: `tabTo(pred)` presses Tab (or Shift+Tab) until `pred(info)` is
 * true, at most `max` times, or fails when the whole tab order went by. Every focus stop whose
 * focus is not visible is recorded in `invisible` (with the page it was on).
 */
export class Keyboard {
  constructor(page) {
    this.page = page;
    this.invisible = new Map(); // "path: element" → description
    this.stops = 0;
    this.trail = [];
  }

  async check(info) {
    if (info && !info.focusVisible) {
      const where = new URL(this.page.url()).pathname;
      const key = `${where} ${info.selector}`;
      if (!this.invisible.has(key)) {
        this.invisible.set(
          key,
          `${where}: focus is not visible on ${describe(info)} (outline: ${info.outline}; box-shadow: ${info.boxShadow})`,
        );
      }
    }
  }

  async tabTo(pred, { what, max = 200, backwards = false } = {}) {
    const seen = [];
    let first = null;
    for (let i = 0; i < max; i++) {
      await this.page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
      this.stops++;
      const info = await focused(this.page);
      await this.check(info);
      if (info) {
        seen.push(describe(info));
        this.trail.push(`${new URL(this.page.url()).pathname}: ${describe(info)}`);
        if (pred(info)) return info;
        if (first === null) first = info.selector;
        else if (info.selector === first && seen.length > 2) break; // went round the whole page
      }
    }
    throw new Error(
      `${what ?? 'the element'} is not reachable with ${backwards ? 'Shift+Tab' : 'Tab'} on ` +
        `${this.page.url()}; the focus went through:\n    ${seen.join('\n    ')}`,
    );
  }

  /** Presses a key that is expected to load a new page, and waits for it. */
  async pressAndWaitForPage(key) {
    const page = this.page;
    const navigated = page.waitForEvent('framenavigated', {
      predicate: (f) => f === page.mainFrame(),
      timeout: 30_000,
    });
    await page.keyboard.press(key);
    await navigated;
    await page.waitForLoadState('load');
  }
}
