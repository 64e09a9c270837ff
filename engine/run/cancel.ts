// The error a cancelled run ends with (Ctrl-C, a closed request): nothing of the run is saved.
export class RunCancelledError extends Error {
  constructor() {
    super('run cancelled');
    this.name = 'RunCancelledError';
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new RunCancelledError();
}
