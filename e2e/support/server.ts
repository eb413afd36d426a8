/**
 * Starts the real, built Samen Veilig server (`node packages/server/dist/cli.js serve`) for browser tests:
 * demo mode, embedded PGlite database in a fresh temporary directory, a free port on 127.0.0.1.
 *
 * Set E2E_BASE_URL to test an already running server instead (nothing is started or stopped then).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const cliPath = join(repoRoot, 'packages', 'server', 'dist', 'cli.js');

export interface TestServer {
  baseUrl: string;
  /** Everything the server wrote to stdout and stderr so far (the last ~200 kB). */
  output(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** How long to wait for GET /readyz to answer 200; default 120 s. */
  readyTimeoutMs?: number;
  /** Extra environment variables for the server. */
  env?: Record<string, string>;
}

/** Asks the OS for a free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('Could not determine a free port'));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}

const MAX_OUTPUT = 200_000;

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const external = process.env.E2E_BASE_URL;
  if (external) {
    return { baseUrl: external.replace(/\/+$/, ''), output: () => '(external server: no output captured)', stop: async () => {} };
  }

  if (!existsSync(cliPath)) {
    throw new Error(`${cliPath} does not exist: run "npm run build" in the repository root first.`);
  }

  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'samenveilig-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    SAMENVEILIG_DATA_DIR: dataDir,
    SAMENVEILIG_DEMO: 'true',
    SAMENVEILIG_DEMO_YEARS: '1',
    ...options.env,
  };
  delete env.DATABASE_URL;
  // Vitest sets NODE_ENV=test; the server under test should behave as in production.
  if (env.NODE_ENV === 'test') delete env.NODE_ENV;

  let output = '';
  const append = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (output.length > MAX_OUTPUT) output = output.slice(-MAX_OUTPUT);
  };

  const child = spawn(process.execPath, [cliPath, 'serve'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 10_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
    }
    await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
  };

  const timeoutMs = options.readyTimeoutMs ?? 120_000;
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  try {
    for (;;) {
      if (spawnError) throw new Error(`Could not start the server: ${spawnError.message}`);
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`The server stopped before it was ready (exit code ${child.exitCode}, signal ${child.signalCode}).`);
      }
      try {
        const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(5_000) });
        await response.arrayBuffer();
        if (response.status === 200) break;
        lastProblem = `GET /readyz answered ${response.status}`;
      } catch (error) {
        lastProblem = error instanceof Error ? error.message : String(error);
      }
      if (Date.now() > deadline) throw new Error(`The server was not ready within ${timeoutMs / 1000} s (${lastProblem}).`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } catch (error) {
    await stop();
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\n--- server output ---\n${output || '(none)'}`);
  }

  return { baseUrl, output: () => output, stop };
}
