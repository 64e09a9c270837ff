// Worker-thread entry of the parallel path pass (path-workers.ts): claims lanes of sources from the
// shared counter until none is left, runs each with one reused workspace, and posts each lane's
// betweenness dependencies (transferred, not copied); per-source sums go straight into shared memory.
import { parentPort, workerData } from 'node:worker_threads';
import { ShortestPathWorkspace } from './single-source-paths.js';
import { laneCsr, runLane, type PathWorkerData, type PathWorkerMessage } from './path-workers.js';

function main(): void {
  const port = parentPort!;
  const data = workerData as PathWorkerData;
  const ws = new ShortestPathWorkspace(laneCsr(data), data.lengths);
  const lanes = data.bounds.length - 1;
  for (;;) {
    const lane = Atomics.add(data.next, 0, 1);
    if (lane >= lanes) break;
    const dependency = data.betweenness ? new Float64Array(data.n) : null;
    runLane(data, ws, lane, dependency);
    const m: PathWorkerMessage = { type: 'lane', lane, size: data.bounds[lane + 1]! - data.bounds[lane]!, dependency };
    port.postMessage(m, dependency === null ? [] : [dependency.buffer]);
  }
  port.postMessage({ type: 'idle' } satisfies PathWorkerMessage);
  port.close();
}

main();
