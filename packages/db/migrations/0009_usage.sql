-- Usage monitoring (issue 7): monitored license servers, one usage-event store fed by realtime
-- floating traffic and imported logs (FlexNet debug logs, lmstat snapshots, CSV), and the counters
-- kept up to date on every insert so the 30-day user count and the denial view never scan events.

CREATE TABLE license_servers (
  id               text PRIMARY KEY,
  account_id       text NOT NULL REFERENCES accounts (id),
  organization_id  text NOT NULL REFERENCES organizations (id),
  name             text NOT NULL,
  -- "port@host" or host names, as FlexNet lists them (a triad has three).
  hosts            text[] NOT NULL DEFAULT '{}',
  vendor_daemons   text[] NOT NULL DEFAULT '{}',
  -- IANA zone of the server's clock: debug logs and lmstat print local times with free-text zones.
  time_zone        text NOT NULL DEFAULT 'UTC',
  status           text NOT NULL DEFAULT 'ONLINE' CHECK (status IN ('ONLINE', 'OFFLINE', 'ERROR')),
  status_detail    text,
  version          text,
  -- A disabled server accepts no new usage (seed 001: "disable license servers and wait").
  enabled          boolean NOT NULL DEFAULT true,
  last_polled_at   timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX license_servers_name ON license_servers (organization_id, lower(name));
CREATE INDEX license_servers_by_org ON license_servers (account_id, organization_id, id);

-- Per-organization usage settings; a missing row means the defaults.
CREATE TABLE usage_settings (
  organization_id           text PRIMARY KEY REFERENCES organizations (id),
  account_id                text NOT NULL REFERENCES accounts (id),
  usernames_case_sensitive  boolean NOT NULL DEFAULT false,
  updated_at                timestamptz NOT NULL DEFAULT now()
);

-- The one event store. Ids are a bigint identity (not prefixed typeids): millions of rows per
-- import, never addressed one by one. `dedupe_key` is 128 bits of SHA-256 over the source's
-- deterministic identity of the event, so importing the same file twice inserts nothing.
-- No foreign keys: a per-row check costs a third of an import's insert time. The repository writes
-- only ids it has checked, organizations and licenses are never hard-deleted, and a license server
-- with events cannot be deleted (routes/license-servers).
CREATE TABLE usage_events (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id         text NOT NULL,
  organization_id    text NOT NULL,
  source             text NOT NULL CHECK (source IN ('REALTIME', 'FLEXNET_DEBUG', 'LMSTAT', 'CSV')),
  -- The FlexNet kinds, plus VALIDATED: a license validation that named the user (realtime only).
  kind               text NOT NULL CHECK (kind IN ('OUT', 'IN', 'DENIED', 'UNSUPPORTED', 'QUEUED', 'DEQUEUED',
                       'EXPIRED', 'VALIDATED')),
  feature            text NOT NULL,
  username           text NOT NULL,
  -- The counted form of the name (usage_settings decides whether case matters).
  username_key       text NOT NULL,
  host               text NOT NULL,
  occurred_at        timestamptz NOT NULL,
  count              integer NOT NULL DEFAULT 1 CHECK (count > 0),
  license_server_id  text,
  license_id         text,
  version            text,
  reason             text,
  dedupe_key         uuid NOT NULL,
  UNIQUE (organization_id, dedupe_key)
);
CREATE INDEX usage_events_by_time ON usage_events (organization_id, occurred_at, id);
CREATE INDEX usage_events_by_server ON usage_events (license_server_id, occurred_at) WHERE license_server_id IS NOT NULL;
CREATE INDEX usage_events_by_license ON usage_events (license_id, occurred_at) WHERE license_id IS NOT NULL;

-- Last sighting day of each counted user. A row changes only when a later UTC day is seen (not on
-- every event), so a busy user costs one update per day; `last_seen_at` is a sighting on that day.
-- `prev_day` is the day an update replaced: the upsert returns it, so the per-day
-- counters below move a user from one day to the next exactly.
CREATE TABLE usage_user_last_seen (
  organization_id  text NOT NULL,
  username_key     text NOT NULL,
  account_id       text NOT NULL,
  username         text NOT NULL,
  last_seen_at     timestamptz NOT NULL,
  last_seen_day    date NOT NULL,
  prev_day         date,
  PRIMARY KEY (organization_id, username_key)
);

-- How many users have their last sighting on each UTC day: the 30-day count sums 30 rows.
CREATE TABLE usage_user_days (
  organization_id  text NOT NULL,
  day              date NOT NULL,
  users            integer NOT NULL,
  PRIMARY KEY (organization_id, day)
);

-- The same two tables per license (realtime usage always names one; imports may).
CREATE TABLE usage_license_user_last_seen (
  license_id       text NOT NULL,
  username_key     text NOT NULL,
  account_id       text NOT NULL,
  organization_id  text NOT NULL,
  username         text NOT NULL,
  last_seen_at     timestamptz NOT NULL,
  last_seen_day    date NOT NULL,
  prev_day         date,
  PRIMARY KEY (license_id, username_key)
);

CREATE TABLE usage_license_user_days (
  license_id  text NOT NULL,
  day         date NOT NULL,
  users       integer NOT NULL,
  PRIMARY KEY (license_id, day)
);

-- Denials deduplicated per (user, feature, UTC day): what reports and counts use, so a client's
-- retry loop counts once. Raw DENIED rows stay in usage_events; `denials` says how many.
CREATE TABLE usage_denial_days (
  organization_id  text NOT NULL,
  day              date NOT NULL,
  feature          text NOT NULL,
  username_key     text NOT NULL,
  account_id       text NOT NULL,
  username         text NOT NULL,
  denials          integer NOT NULL,
  first_at         timestamptz NOT NULL,
  last_at          timestamptz NOT NULL,
  PRIMARY KEY (organization_id, day, feature, username_key)
);
