/** Worker thread of a linkage job (see job.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { workerMain, type FromWorker, type ToWorker, type WorkerInit } from './job.js';

const port = parentPort;
if (!port) throw new Error('linkage/worker.js runs only as a worker thread');
const post = (m: FromWorker, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer);
workerMain(
  workerData as WorkerInit,
  post,
  (handler) => port.on('message', (m: ToWorker) => (m.type === 'close' ? port.close() : handler(m))),
).catch((err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err), problems: null }));
