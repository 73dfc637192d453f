import { useEffect, useRef, useState } from 'preact/hooks';
import { api, describeError } from '../api.js';

/** A background job as GET /api/jobs/:id reports it (PROTOCOL "Jobs"). */
export interface Job {
  id: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  result?: unknown;
  error?: string;
}

export const isRunning = (job: Job | null): boolean => job?.state === 'queued' || job?.state === 'running';

/**
 * Follows one job by polling until it is done or failed (every page that starts a job shows the same progress).
 * `onError` gets a poll that failed; `onFinished` the job once it ended.
 */
export function useJob(onError: (message: string) => void, onFinished?: (job: Job) => void) {
  const [job, setJob] = useState<Job | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const stop = () => void (timer.current && clearInterval(timer.current));
  useEffect(() => stop, []);

  function follow(id: string) {
    stop();
    timer.current = setInterval(() => {
      api<Job>('GET', `/api/jobs/${encodeURIComponent(id)}`).then(
        (j) => {
          setJob(j);
          if (j.state !== 'done' && j.state !== 'failed') return;
          stop();
          onFinished?.(j);
        },
        (e) => onError(describeError(e)),
      );
    }, 500);
  }

  return { job, setJob, follow };
}
