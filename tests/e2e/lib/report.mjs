// Where the tests leave their reports (JSON, screenshots): E2E_REPORT_DIR, default
// tests/e2e/report (ignored by git).

import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPORT_DIR = resolve(
  process.env.E2E_REPORT_DIR || join(dirname(fileURLToPath(import.meta.url)), '..', 'report'),
);

export async function writeReport(name, data) {
  await mkdir(REPORT_DIR, { recursive: true });
  const file = join(REPORT_DIR, name);
  await writeFile(file, typeof data === 'string' || data instanceof Uint8Array ? data : JSON.stringify(data, null, 2) + '\n');
  return file;
}

export async function screenshot(page, name) {
  await mkdir(REPORT_DIR, { recursive: true });
  const file = join(REPORT_DIR, name);
  try {
    await page.screenshot({ path: file, fullPage: true });
    return file;
  } catch {
    return null;
  }
}

/** Joins problem lines into one failure message, at most `max` of them. */
export function failureMessage(title, lines, max = 150) {
  const shown = lines.slice(0, max);
  const more = lines.length > max ? `\n  … and ${lines.length - max} more (see ${REPORT_DIR})` : '';
  return `${title} (${lines.length}):\n  ${shown.join('\n  ')}${more}`;
}
