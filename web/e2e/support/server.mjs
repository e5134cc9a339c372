// Starts the real dialler binary for black-box tests: demo data in a temp dir, a free loopback
// port, SQLite for both databases, the built SPA. One server per test file (before/after hooks).
import { execFile, spawn } from 'node:child_process';
import { access, constants, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEMO_PASSWORD = 'e2e-demo-password';
export const DEMO_USERS = Object.freeze({
  agent: Object.freeze({ email: 'agent@demo.local', password: DEMO_PASSWORD, role: 'agent' }),
  supervisor: Object.freeze({
    email: 'supervisor@demo.local',
    password: DEMO_PASSWORD,
    role: 'supervisor',
  }),
  admin: Object.freeze({ email: 'admin@demo.local', password: DEMO_PASSWORD, role: 'admin' }),
});

const here = path.dirname(fileURLToPath(import.meta.url));
const defaultWebDir = path.resolve(here, '..', '..', 'dist');

const startDeadlineMs = 30_000;
const stopDeadlineMs = 10_000;
const demoDataDeadlineMs = 120_000;
const maxCapturedChars = 200_000;

async function binaryPath() {
  const bin = process.env.DIALLER_BIN;
  if (!bin) {
    throw new Error(
      'DIALLER_BIN is not set: point it at the built server, e.g. ' +
        'DIALLER_BIN=build/debug/src/dialler/main/dialler npm run test:e2e:api',
    );
  }
  const resolved = path.resolve(bin);
  try {
    await access(resolved, constants.X_OK);
  } catch {
    throw new Error(`DIALLER_BIN=${bin} is not an executable file (resolved to ${resolved})`);
  }
  return resolved;
}

async function webDir() {
  const dir = path.resolve(process.env.DIALLER_WEB_DIR ?? defaultWebDir);
  try {
    await access(path.join(dir, 'index.html'));
  } catch {
    throw new Error(`no index.html in ${dir}: run \`npm run build\` in web/ or set DIALLER_WEB_DIR`);
  }
  return dir;
}

function run(file, args, options) {
  return new Promise((resolve) => {
    execFile(file, args, { ...options, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (error.code ?? error.signal ?? 'error') : 0, stdout, stderr, error });
    });
  });
}

/** Asks the kernel for a free port on 127.0.0.1 (listen on 0, read it, close). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close((error) => (error ? reject(error) : resolve(port)));
    });
  });
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with the promise's value, or with `timedOut` after `ms`; never leaves a timer behind. */
function within(promise, ms, timedOut = null) {
  let timer;
  const deadline = new Promise((resolve) => {
    timer = setTimeout(() => resolve(timedOut), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Runs `file args` with `input` written to its stdin (then closed); resolves with
 * { code, stdout, stderr } (code: the exit code, or the signal name when it was killed).
 */
function runWithInput(file, args, { env, cwd, input, timeout }) {
  return new Promise((resolve) => {
    const child = spawn(file, args, { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.once('error', (error) => {
      clearTimeout(timer);
      resolve({ code: 'error', stdout, stderr: `${stderr}${error.message}` });
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? signal, stdout, stderr });
    });
    child.stdin.on('error', () => {}); // the CLI may exit without reading its input
    child.stdin.end(input ?? '');
  });
}

/**
 * Starts `$DIALLER_BIN serve` on a fresh temp dir and waits for GET /health to answer 200.
 * `extraEnv` is merged over the server's environment; `options.demoUsers` sets the size of the
 * demo replica (default 50).
 * Returns { url, dir, env, stop, output, runCli }: stop() sends SIGTERM, waits up to 10 s (then
 * SIGKILL and throws), removes the dir and returns the exit code; output() returns captured
 * stdout/stderr; runCli(args, { input }) runs `$DIALLER_BIN ...args` with the server's env and
 * cwd (same DATABASE_URL and REPLICA_DATABASE_URL) and resolves with { code, stdout, stderr }.
 */
export async function startServer(extraEnv = {}, { demoUsers = 50 } = {}) {
  const bin = await binaryPath();
  const web = await webDir();
  const dir = await mkdtemp(path.join(tmpdir(), 'dialler-e2e-'));
  const replicaUrl = `sqlite://${path.join(dir, 'replica.db')}`;

  try {
    const seeded = await run(
      bin,
      ['demo-data', '--users', String(demoUsers), '--out', replicaUrl, '--seed', '7'],
      { env: process.env, cwd: dir, timeout: demoDataDeadlineMs },
    );
    if (seeded.code !== 0) {
      throw new Error(
        `\`${bin} demo-data\` failed (exit ${seeded.code})\n` +
          `--- stdout ---\n${seeded.stdout}\n--- stderr ---\n${seeded.stderr}`,
      );
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: `sqlite://${path.join(dir, 'own.db')}`,
    REPLICA_DATABASE_URL: replicaUrl,
    WEB_DIR: web,
    DEMO_PASSWORD,
    APP_ENV: 'development',
    ENABLE_HOURLY_REFRESH: 'false',
    TELEPHONY: 'sim',
    ...extraEnv,
  };

  let captured = '';
  // The tail is kept: a crash report (sanitizer, abort) comes last.
  const capture = (stream) => (chunk) => {
    captured += `[${stream}] ${chunk}`;
    if (captured.length > maxCapturedChars) captured = captured.slice(-maxCapturedChars);
  };
  // cwd is the temp dir so that no developer's .env (read from the working directory) leaks in.
  const child = spawn(bin, ['serve'], { env, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.setEncoding('utf8').on('data', capture('stdout'));
  child.stderr.setEncoding('utf8').on('data', capture('stderr'));
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  let exitInfo = null;
  let stopping = false;
  void exited.then((info) => {
    exitInfo = info;
    // A server that dies under a test fails that test with "fetch failed" and nothing more: say
    // why here, where the test run's output shows it.
    if (!stopping) {
      process.stderr.write(
        `dialler serve exited on its own (code ${info.code}, signal ${info.signal})\n` +
          `--- its last output ---\n${captured}\n`,
      );
    }
  });
  // If the test process dies, do not leave a server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const output = () => captured;

  const spawnError = new Promise((resolve) => child.once('error', resolve));
  const ready = async () => {
    const deadline = Date.now() + startDeadlineMs;
    let lastProblem = 'no attempt made';
    while (Date.now() < deadline) {
      if (exitInfo) {
        return `the server exited during start-up (code ${exitInfo.code}, signal ${exitInfo.signal})`;
      }
      try {
        const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
        await response.arrayBuffer();
        if (response.status === 200) return null;
        lastProblem = `GET /health answered ${response.status}`;
      } catch (error) {
        lastProblem = `GET /health failed: ${error.cause?.code ?? error.message}`;
      }
      await delay(100);
    }
    return `GET /health did not answer 200 within ${startDeadlineMs / 1000} s (${lastProblem})`;
  };
  const problem = await Promise.race([
    ready(),
    spawnError.then((error) => `could not start ${bin}: ${error.message}`),
  ]);
  if (problem) {
    stopping = true;
    child.kill('SIGKILL');
    await within(exited, stopDeadlineMs);
    process.removeListener('exit', killOnExit);
    await rm(dir, { recursive: true, force: true });
    throw new Error(`dialler serve did not start: ${problem}\n--- output ---\n${captured}`);
  }

  let stopped = null;
  async function stop() {
    if (stopped) return stopped;
    stopping = true;
    const diedEarlier = exitInfo;
    stopped = (async () => {
      try {
        if (diedEarlier) {
          throw new Error(
            `dialler serve had exited on its own (code ${diedEarlier.code}, signal ` +
              `${diedEarlier.signal})\n--- output ---\n${captured}`,
          );
        }
        if (!exitInfo) {
          child.kill('SIGTERM');
          const result = await within(exited, stopDeadlineMs);
          if (!result) {
            child.kill('SIGKILL');
            await exited;
            throw new Error(
              `dialler serve did not exit within ${stopDeadlineMs / 1000} s of SIGTERM; killed it` +
                `\n--- output ---\n${captured}`,
            );
          }
        }
        const info = await exited;
        return info.code ?? info.signal;
      } finally {
        process.removeListener('exit', killOnExit);
        await rm(dir, { recursive: true, force: true });
      }
    })();
    return stopped;
  }

  const cliDeadlineMs = 120_000;
  async function runCli(args, { input, timeout = cliDeadlineMs } = {}) {
    if (stopped) throw new Error('runCli called after stop(): the databases are gone');
    const { code, stdout, stderr } = await runWithInput(bin, args, {
      env,
      cwd: dir,
      input,
      timeout,
    });
    return { code, stdout, stderr };
  }

  return { url, dir, env, stop, output, runCli };
}
