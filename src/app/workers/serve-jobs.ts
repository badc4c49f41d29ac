// The message loop shared by the app's web workers: each request posted to the worker is run by `run`
// (with the worker's clock) and its result posted back.

interface WorkerScope {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage: (message: unknown) => void;
}

/** Answers every message posted to this worker with run(message, clock). */
export function serveJobs<Request>(run: (request: Request, now: () => number) => unknown): void {
  const scope = self as unknown as WorkerScope;
  scope.onmessage = (event) => {
    scope.postMessage(run(event.data as Request, () => performance.now()));
  };
}
