/** Lets the event loop run (API calls, timers, I/O) between the slices of a long piece of work on the API thread. */
export const yieldToEventLoop = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));
