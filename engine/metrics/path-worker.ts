// Worker-thread entry of the parallel path pass (path-workers.ts): claims lanes of sources from the
// shared counter until none is left, runs each with one reused workspace, and posts each lane's
// own sums (dependencies, sampled distance sums; transferred, not copied); per-source sums go straight into shared memory.
import { parentPort, workerData } from 'node:worker_threads';
import { ShortestPathWorkspace } from './single-source-paths.js';
import { laneCsr, laneWidth, runLane, type PathWorkerData, type PathWorkerMessage } from './path-workers.js';

function main(): void {
  const port = parentPort!;
  const data = workerData as PathWorkerData;
  const ws = new ShortestPathWorkspace(laneCsr(data), data.lengths);
  const lanes = data.bounds.length - 1;
  const width = laneWidth(data);
  for (;;) {
    const lane = Atomics.add(data.next, 0, 1);
    if (lane >= lanes) break;
    const sums = width > 0 ? new Float64Array(width * data.n) : null;
    runLane(data, ws, lane, sums);
    const m: PathWorkerMessage = { type: 'lane', lane, size: data.bounds[lane + 1]! - data.bounds[lane]!, sums };
    port.postMessage(m, sums === null ? [] : [sums.buffer]);
  }
  port.postMessage({ type: 'idle' } satisfies PathWorkerMessage);
  port.close();
}

main();
