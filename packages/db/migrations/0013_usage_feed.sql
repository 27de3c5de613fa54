-- The realtime usage feed (issue 7 item 1): floating check-outs and check-ins reach the usage store
-- off the floating hot path. A periodic pass reads floating_events from a persisted cursor (with an
-- overlap window, because events of several server processes do not commit in occurred_at order)
-- and records them idempotently by event id (packages/server/src/usage/realtime-feed.ts).

-- One row per feed: the latest occurred_at it has fed. A pass re-reads from `position` minus the
-- overlap window; the usage store's dedupe key (the event id) makes the repeats harmless.
CREATE TABLE usage_feed_cursors (
  name        text PRIMARY KEY,
  position    timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- The feed reads floating events by time across all pools (the existing index leads with the pool).
CREATE INDEX floating_events_by_time ON floating_events (occurred_at, id);
