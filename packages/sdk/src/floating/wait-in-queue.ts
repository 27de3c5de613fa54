// Waiting in a floating pool's queue: long-poll the entry (each poll is also its heartbeat), report
// position changes, and leave the queue when the caller gives up.
import type { QueuePollAnswer, QueueTicket } from './floating-types.ts';

/** What waiting needs from the client. */
export interface QueueCalls {
  pollQueue(entryId: string, waitSeconds?: number, signal?: AbortSignal): Promise<QueuePollAnswer>;
  leaveQueue(entryId: string): Promise<{ left: boolean }>;
}

/** Seconds each long poll may wait server-side (the contract allows up to 25). */
export const LONG_POLL_SECONDS = 20;

// A poll that answered at once without news means the server did not hold it: wait as told before
// polling again, so a server without long-polling is not hammered.
const QUICK_ANSWER_MS = 100;

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', aborted);
      resolve();
    }
    function aborted() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', aborted, { once: true });
  });
}

/**
 * Poll until the entry is granted, expires or disappears; `onQueued` sees the first position and
 * every change. An aborted `signal` leaves the queue and rejects with the signal's reason.
 * @example const outcome = await waitInQueue(floating, answer.queue, { onQueued: (p) => show(p) });
 */
export async function waitInQueue(
  calls: QueueCalls,
  ticket: QueueTicket,
  options: { onQueued?: ((position: number) => void) | undefined; signal?: AbortSignal | undefined } = {},
): Promise<Exclude<QueuePollAnswer, { state: 'WAITING' }>> {
  const { onQueued, signal } = options;
  let position = ticket.position;
  onQueued?.(position);
  try {
    for (;;) {
      signal?.throwIfAborted();
      const started = Date.now();
      const answer = await calls.pollQueue(ticket.entryId, LONG_POLL_SECONDS, signal);
      if (answer.state !== 'WAITING') return answer;
      if (answer.position !== position) {
        position = answer.position;
        onQueued?.(position);
      } else if (Date.now() - started < QUICK_ANSWER_MS) {
        await pause(Math.max(0.1, answer.pollAfterSeconds) * 1000, signal);
      }
    }
  } catch (error) {
    if (signal?.aborted) await calls.leaveQueue(ticket.entryId).catch(() => undefined);
    throw error;
  }
}
