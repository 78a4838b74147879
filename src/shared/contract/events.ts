/** Events the core publishes; the host forwards them to the renderer. */
export type CoreEvent =
  | { type: 'job.progress'; jobId: string; done: number; total: number }
  | { type: 'session.changed' };
