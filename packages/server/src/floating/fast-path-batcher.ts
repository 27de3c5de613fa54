// Groups the fast-path operations of one license that arrive while the license's previous batch is in
// flight into the next batch: under load, many check-outs and check-ins share one lock wait, one commit
// and one round trip (and the process keeps at most one statement per license waiting on its pools'
// locks). An operation that finds nothing in flight goes at once, as a batch of one.
import { type FastAnswer, type FastOperation, floatingRepository, type Schema } from '@licentia/db';
import type { Kysely } from 'kysely';

/** Bounds one statement's work (and the time its pools stay locked). */
const MAX_BATCH = 64;

interface Waiting {
  op: FastOperation;
  resolve: (answer: FastAnswer) => void;
  reject: (error: unknown) => void;
}

export class FastPathBatcher {
  /** Per license: the operations waiting for the batch in flight to finish. */
  private readonly lanes = new Map<string, Waiting[]>();

  constructor(private readonly db: Kysely<Schema>) {}

  run(op: FastOperation): Promise<FastAnswer> {
    return new Promise((resolve, reject) => {
      const key = `${op.accountId}/${op.licenseId}`;
      const waiting: Waiting = { op, resolve, reject };
      const lane = this.lanes.get(key);
      if (lane) {
        lane.push(waiting);
        return;
      }
      const fresh = [waiting];
      this.lanes.set(key, fresh);
      void this.drain(key, fresh);
    });
  }

  private async drain(key: string, lane: Waiting[]): Promise<void> {
    while (lane.length > 0) await this.send(lane.splice(0, MAX_BATCH));
    this.lanes.delete(key);
  }

  private async send(batch: Waiting[]): Promise<void> {
    try {
      const answers = await floatingRepository.fastBatch(
        this.db,
        batch.map((w) => w.op),
      );
      for (const [i, w] of batch.entries()) w.resolve(answers[i]!);
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      // A failed statement wrote nothing (unless the connection broke after its commit: then an
      // operation that was done fails on its lease id, or is declined, as a retried request would).
      // One operation's failure must not fail the others: each is tried alone.
      for (const w of batch) {
        try {
          w.resolve((await floatingRepository.fastBatch(this.db, [w.op]))[0]!);
        } catch (single) {
          w.reject(single);
        }
      }
    }
  }
}

const batchers = new WeakMap<Kysely<Schema>, FastPathBatcher>();

/** The batcher of a database handle (one per app, as its connection pool). */
export function fastPathBatcher(db: Kysely<Schema>): FastPathBatcher {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new FastPathBatcher(db);
    batchers.set(db, batcher);
  }
  return batcher;
}
