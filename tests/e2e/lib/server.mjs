// Starts the real `ametijuhend` binary on a fresh temporary data directory (embedded SQLite), on
// a free port on 127.0.0.1, and stops it again. Builds nothing: the binary comes from
// AMETIJUHEND_BIN (default target/debug/ametijuhend, relative to the repository root).

import { spawn } from 'node:child_process';
import { mkdtemp, rm, access, constants } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export function binaryPath() {
  return resolve(REPO_ROOT, process.env.AMETIJUHEND_BIN || 'target/debug/ametijuhend');
}

const START_TIMEOUT_MS = Number(process.env.E2E_SERVER_START_TIMEOUT_MS || 120_000);

/**
 * Starts the server. Resolves to { baseURL, dataDir, stop(), log() }.
 * `stop()` sends SIGTERM, waits for the process to end (SIGKILL after 10 s) and removes the data
 * directory.
 */
export async function startServer({ args = [] } = {}) {
  const bin = binaryPath();
  try {
    await access(bin, constants.X_OK);
  } catch {
    throw new Error(
      `the ametijuhend binary is missing at ${bin}: build it with 'cargo build -p ametijuhend' ` +
        `(or set AMETIJUHEND_BIN)`,
    );
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'ametijuhend-e2e-'));
  const env = { ...process.env, AMETIJUHEND_LOG: process.env.E2E_SERVER_LOG || 'info' };
  // The test server uses its own data directory and SQLite: never a database from the caller's
  // environment.
  delete env.AMETIJUHEND_DATABASE_URL;
  delete env.AMETIJUHEND_DATA_DIR;
  const child = spawn(bin, ['--data-dir', dataDir, 'serve', '--listen', '127.0.0.1:0', ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk) => {
    output += chunk.toString();
    if (output.length > 2_000_000) output = output.slice(-1_000_000);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise((res) => child.once('exit', (code, signal) => res({ code, signal })));

  let baseURL;
  try {
    baseURL = await new Promise((res, rej) => {
      const timer = setTimeout(
        () => rej(new Error(`the server did not say "serving on" within ${START_TIMEOUT_MS} ms`)),
        START_TIMEOUT_MS,
      );
      const onData = () => {
        const m = /serving on (http:\/\/[^\s)]+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          child.stderr.off('data', onData);
          child.stdout.off('data', onData);
          res(m[1].replace(/\/$/, ''));
        }
      };
      child.stderr.on('data', onData);
      child.stdout.on('data', onData);
      exited.then(({ code, signal }) => {
        clearTimeout(timer);
        rej(new Error(`the server exited before serving (code ${code}, signal ${signal})`));
      });
    });
    const host = new URL(baseURL).hostname;
    if (host !== '127.0.0.1') throw new Error(`the server listens on ${host}, not 127.0.0.1`);
  } catch (e) {
    child.kill('SIGKILL');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
    e.message += `\n--- server output ---\n${output.slice(-8000)}`;
    throw e;
  }

  let stopped = false;
  async function stop() {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    }
    await rm(dataDir, { recursive: true, force: true });
  }
  // Never leave a server behind, even when the test process is torn down early.
  process.once('exit', () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  return { baseURL, dataDir, stop, log: () => output, pid: child.pid };
}
