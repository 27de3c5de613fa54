-- Floating licenses (issue 4): one seat pool per license and feature, its leases, queue and holds,
-- its slot keys, the per-license FlexNet-style options, and the event log analytics reads.
-- Every change to a pool runs in one transaction holding the pool row's lock (SELECT … FOR UPDATE),
-- with times read from the database clock inside that transaction (docs/floating.md).

CREATE TABLE floating_pools (
  id               text PRIMARY KEY,
  account_id       text NOT NULL REFERENCES accounts (id),
  organization_id  text NOT NULL,
  license_id       text NOT NULL REFERENCES licenses (id),
  feature          text NOT NULL,
  -- Seats at the last change (the license's seats, or the feature's option); slot rows follow it.
  seats            integer NOT NULL CHECK (seats >= 0),
  -- Seats occupied (leases, borrowed, lingering, holds) and borrowed after the last change.
  in_use           integer NOT NULL DEFAULT 0 CHECK (in_use >= 0),
  borrowed         integer NOT NULL DEFAULT 0 CHECK (borrowed >= 0),
  queued           integer NOT NULL DEFAULT 0 CHECK (queued >= 0),
  -- The earliest deadline in the pool (lease expiry, idle timeout, hold end, queue timeout): the
  -- sweeper visits only pools whose next_due_at has passed.
  next_due_at      timestamptz,
  version          bigint NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (license_id, feature)
);
CREATE INDEX floating_pools_by_license ON floating_pools (account_id, license_id, feature);
CREATE INDEX floating_pools_due ON floating_pools (next_due_at) WHERE next_due_at IS NOT NULL;

-- Slot keys: exactly one row per seat, numbered 1..seats when the pool is created or grows. A lease
-- or hold of n seats owns n slot rows; it is claimed with a compare-and-set UPDATE
-- (occupant_id IS NULL), so even a faulty decision cannot put more seats out than slot rows exist.
CREATE TABLE floating_slots (
  pool_id      text NOT NULL REFERENCES floating_pools (id) ON DELETE CASCADE,
  slot_no      integer NOT NULL CHECK (slot_no >= 1),
  occupant_id  text,
  PRIMARY KEY (pool_id, slot_no)
);

CREATE TABLE floating_leases (
  id               text PRIMARY KEY,
  account_id       text NOT NULL REFERENCES accounts (id),
  pool_id          text NOT NULL REFERENCES floating_pools (id) ON DELETE CASCADE,
  license_id       text NOT NULL,
  feature          text NOT NULL,
  count            integer NOT NULL CHECK (count >= 1),
  user_name        text NOT NULL,
  host             text NOT NULL,
  group_name       text,
  department       text,
  ip               text,
  display          text,
  fingerprint      text,
  idempotency_key  text,
  started_at       timestamptz NOT NULL,
  -- The one deadline: heartbeat expiry, borrow end or linger end.
  expires_at       timestamptz NOT NULL,
  last_active_at   timestamptz NOT NULL,
  borrowed_until   timestamptz,
  linger_until     timestamptz
);
CREATE INDEX floating_leases_by_pool ON floating_leases (pool_id);
CREATE INDEX floating_leases_by_license ON floating_leases (account_id, license_id, feature);
-- Idempotent acquire: a retried check-out with the same key can never take a second lease.
CREATE UNIQUE INDEX floating_leases_idempotency ON floating_leases (pool_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;

-- Waiting requests (position 1 = head) and holds (seats set aside for a served entry until
-- held_until; position is null then).
CREATE TABLE floating_queue (
  id                 text PRIMARY KEY,
  account_id         text NOT NULL REFERENCES accounts (id),
  pool_id            text NOT NULL REFERENCES floating_pools (id) ON DELETE CASCADE,
  position           integer CHECK (position >= 1),
  count              integer NOT NULL CHECK (count >= 1),
  user_name          text NOT NULL,
  host               text NOT NULL,
  group_name         text,
  department         text,
  ip                 text,
  display            text,
  fingerprint        text,
  idempotency_key    text,
  enqueued_at        timestamptz NOT NULL,
  last_heartbeat_at  timestamptz NOT NULL,
  granted_at         timestamptz,
  held_until         timestamptz,
  CHECK ((position IS NULL) = (held_until IS NOT NULL))
);
CREATE INDEX floating_queue_by_pool ON floating_queue (pool_id);
CREATE UNIQUE INDEX floating_queue_idempotency ON floating_queue (pool_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;

-- Options of one license as data: { groups, hostGroups, features: { <feature>: rules and pool settings } }.
CREATE TABLE floating_options (
  license_id  text PRIMARY KEY REFERENCES licenses (id),
  account_id  text NOT NULL REFERENCES accounts (id),
  options     jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Every check-out, check-in, denial and queue move, written with the pool change under its lock.
CREATE TABLE floating_events (
  id               text PRIMARY KEY,
  account_id       text NOT NULL,
  organization_id  text,
  license_id       text NOT NULL,
  feature          text NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('OUT', 'IN', 'DENIED', 'QUEUED', 'DEQUEUED',
                     'QUEUE_EXPIRED', 'BORROW', 'HEARTBEAT_MISSED')),
  lease_id         text,
  count            integer NOT NULL,
  user_name        text NOT NULL,
  host             text NOT NULL,
  department       text,
  group_name       text,
  reason           text,
  occurred_at      timestamptz NOT NULL,
  in_use_after     integer NOT NULL,
  wait_ms          integer
);
CREATE INDEX floating_events_by_pool ON floating_events (account_id, license_id, feature, occurred_at);
-- What happened to a lease that is gone (a heartbeat after an admin removal answers LEASE_REVOKED).
CREATE INDEX floating_events_by_lease ON floating_events (lease_id) WHERE lease_id IS NOT NULL;

-- Lock a pool and read it in one round trip. The lock and the read are separate statements inside
-- the function: in READ COMMITTED each statement of a VOLATILE function takes a fresh snapshot, so
-- the read sees everything the previous lock holder committed (one statement that locked and read
-- would read with the snapshot taken before it waited for the lock). The pool is chosen by id (with
-- SKIP LOCKED for the sweeper), by a lease or queue entry it holds, or by (license, feature).
CREATE FUNCTION floating_lock_pool(p_account text, p_license text, p_feature text, p_member text,
  p_pool text, p_skip_locked boolean)
RETURNS TABLE (id text, account_id text, organization_id text, license_id text, feature text, seats integer,
  next_due_at timestamptz, version bigint, now_ms bigint, leases json, queue json, occupied_slots json,
  options jsonb)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
  r floating_pools%ROWTYPE;
BEGIN
  IF p_pool IS NOT NULL AND p_skip_locked THEN
    SELECT * INTO r FROM floating_pools fp WHERE fp.id = p_pool FOR UPDATE SKIP LOCKED;
  ELSIF p_pool IS NOT NULL THEN
    SELECT * INTO r FROM floating_pools fp WHERE fp.id = p_pool FOR UPDATE;
  ELSIF p_member IS NOT NULL THEN
    SELECT * INTO r FROM floating_pools fp
    WHERE fp.account_id = p_account AND fp.license_id = p_license
      AND fp.id = (SELECT l.pool_id FROM floating_leases l WHERE l.id = p_member
                   UNION ALL SELECT q.pool_id FROM floating_queue q WHERE q.id = p_member LIMIT 1)
    FOR UPDATE;
  ELSE
    SELECT * INTO r FROM floating_pools fp
    WHERE fp.account_id = p_account AND fp.license_id = p_license AND fp.feature = p_feature FOR UPDATE;
  END IF;
  IF NOT FOUND THEN RETURN; END IF;
  RETURN QUERY SELECT r.id, r.account_id, r.organization_id, r.license_id, r.feature, r.seats, r.next_due_at,
    r.version, floor(extract(epoch from clock_timestamp()) * 1000)::bigint,
    (SELECT coalesce(json_agg(json_build_object('id', l.id, 'count', l.count, 'user', l.user_name,
        'host', l.host, 'group', l.group_name, 'department', l.department, 'ip', l.ip, 'display', l.display,
        'fingerprint', l.fingerprint, 'idempotencyKey', l.idempotency_key,
        'startedAt', (extract(epoch from l.started_at) * 1000)::bigint,
        'expiresAt', (extract(epoch from l.expires_at) * 1000)::bigint,
        'lastActiveAt', (extract(epoch from l.last_active_at) * 1000)::bigint,
        'borrowedUntil', (extract(epoch from l.borrowed_until) * 1000)::bigint,
        'lingerUntil', (extract(epoch from l.linger_until) * 1000)::bigint) ORDER BY l.started_at, l.id), '[]'::json)
      FROM floating_leases l WHERE l.pool_id = r.id),
    (SELECT coalesce(json_agg(json_build_object('id', q.id, 'count', q.count, 'user', q.user_name,
        'host', q.host, 'group', q.group_name, 'department', q.department, 'ip', q.ip, 'display', q.display,
        'fingerprint', q.fingerprint, 'idempotencyKey', q.idempotency_key, 'position', q.position,
        'enqueuedAt', (extract(epoch from q.enqueued_at) * 1000)::bigint,
        'lastHeartbeatAt', (extract(epoch from q.last_heartbeat_at) * 1000)::bigint,
        'grantedAt', (extract(epoch from q.granted_at) * 1000)::bigint,
        'heldUntil', (extract(epoch from q.held_until) * 1000)::bigint)
        ORDER BY q.position NULLS LAST, q.granted_at, q.id), '[]'::json)
      FROM floating_queue q WHERE q.pool_id = r.id),
    (SELECT coalesce(json_agg(json_build_object('slotNo', s.slot_no, 'occupantId', s.occupant_id)), '[]'::json)
      FROM floating_slots s WHERE s.pool_id = r.id AND s.occupant_id IS NOT NULL),
    (SELECT o.options FROM floating_options o WHERE o.license_id = r.license_id AND o.account_id = r.account_id);
END;
$$;

-- Write one operation's changes (a JSON document, see floating-save.ts) under the pool's lock, in
-- one round trip: leases, queue entries and holds, slot keys, usage events, the pool summary, and the
-- NOTIFY that wakes long polls. Slot key writes are compare-and-set on the occupant read under the
-- lock; if they touch a different number of rows than planned, nothing is written (exception).
CREATE FUNCTION floating_save_pool(p jsonb) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
  v_pool text := p->'pool'->>'id';
  v_account text := p->'pool'->>'accountId';
  v_license text := p->'pool'->>'licenseId';
  v_feature text := p->'pool'->>'feature';
  touched integer := 0;
  n integer;
  planned integer := jsonb_array_length(p->'slots'->'updates') + jsonb_array_length(p->'slots'->'deletes')
    + jsonb_array_length(p->'slots'->'inserts');
BEGIN
  DELETE FROM floating_leases l
  WHERE l.pool_id = v_pool AND l.id IN (SELECT jsonb_array_elements_text(p->'deletedLeaseIds'));
  INSERT INTO floating_leases (id, account_id, pool_id, license_id, feature, count, user_name, host, group_name,
    department, ip, display, fingerprint, idempotency_key, started_at, expires_at, last_active_at,
    borrowed_until, linger_until)
  SELECT x.id, v_account, v_pool, v_license, v_feature, x.count, x."user", x.host, x."group", x.department,
    x.ip, x.display, x.fingerprint, x."idempotencyKey", to_timestamp(x."startedAt" / 1000.0),
    to_timestamp(x."expiresAt" / 1000.0), to_timestamp(x."lastActiveAt" / 1000.0),
    to_timestamp(x."borrowedUntil" / 1000.0), to_timestamp(x."lingerUntil" / 1000.0)
  FROM jsonb_to_recordset(p->'leases') AS x(id text, count int, "user" text, host text, "group" text,
    department text, ip text, display text, fingerprint text, "idempotencyKey" text, "startedAt" bigint,
    "expiresAt" bigint, "lastActiveAt" bigint, "borrowedUntil" bigint, "lingerUntil" bigint)
  ON CONFLICT (id) DO UPDATE SET expires_at = excluded.expires_at, last_active_at = excluded.last_active_at,
    borrowed_until = excluded.borrowed_until, linger_until = excluded.linger_until
    WHERE floating_leases.pool_id = excluded.pool_id;

  DELETE FROM floating_queue q
  WHERE q.pool_id = v_pool AND q.id IN (SELECT jsonb_array_elements_text(p->'deletedQueueIds'));
  INSERT INTO floating_queue (id, account_id, pool_id, count, user_name, host, group_name, department, ip,
    display, fingerprint, idempotency_key, position, enqueued_at, last_heartbeat_at, granted_at, held_until)
  SELECT x.id, v_account, v_pool, x.count, x."user", x.host, x."group", x.department, x.ip, x.display,
    x.fingerprint, x."idempotencyKey", x.position, to_timestamp(x."enqueuedAt" / 1000.0),
    to_timestamp(x."lastHeartbeatAt" / 1000.0), to_timestamp(x."grantedAt" / 1000.0),
    to_timestamp(x."heldUntil" / 1000.0)
  FROM jsonb_to_recordset(p->'queue') AS x(id text, count int, "user" text, host text, "group" text,
    department text, ip text, display text, fingerprint text, "idempotencyKey" text, position int,
    "enqueuedAt" bigint, "lastHeartbeatAt" bigint, "grantedAt" bigint, "heldUntil" bigint)
  ON CONFLICT (id) DO UPDATE SET position = excluded.position, last_heartbeat_at = excluded.last_heartbeat_at,
    granted_at = excluded.granted_at, held_until = excluded.held_until
    WHERE floating_queue.pool_id = excluded.pool_id;

  DELETE FROM floating_slots s
  USING jsonb_to_recordset(p->'slots'->'deletes') AS x("slotNo" int, previous text)
  WHERE s.pool_id = v_pool AND s.slot_no = x."slotNo" AND s.occupant_id IS NOT DISTINCT FROM x.previous;
  GET DIAGNOSTICS n = ROW_COUNT;
  touched := touched + n;
  UPDATE floating_slots s SET occupant_id = x."occupantId"
  FROM jsonb_to_recordset(p->'slots'->'updates') AS x("slotNo" int, "occupantId" text, previous text)
  WHERE s.pool_id = v_pool AND s.slot_no = x."slotNo" AND s.occupant_id IS NOT DISTINCT FROM x.previous;
  GET DIAGNOSTICS n = ROW_COUNT;
  touched := touched + n;
  INSERT INTO floating_slots (pool_id, slot_no, occupant_id)
  SELECT v_pool, x."slotNo", x."occupantId"
  FROM jsonb_to_recordset(p->'slots'->'inserts') AS x("slotNo" int, "occupantId" text);
  GET DIAGNOSTICS n = ROW_COUNT;
  touched := touched + n;
  IF touched <> planned THEN
    RAISE EXCEPTION 'slot keys of pool % changed under its lock (% of % rows)', v_pool, touched, planned;
  END IF;

  INSERT INTO floating_events (id, account_id, organization_id, license_id, feature, kind, lease_id, count,
    user_name, host, department, group_name, reason, occurred_at, in_use_after, wait_ms)
  SELECT x.id, v_account, p->'pool'->>'organizationId', v_license, v_feature, x.kind, x."leaseId", x.count,
    x."user", x.host, x.department, x."group", x.reason, to_timestamp(x.at / 1000.0), x."inUseAfter", x."waitMs"
  FROM jsonb_to_recordset(p->'events') AS x(id text, kind text, "leaseId" text, count int, "user" text,
    host text, department text, "group" text, reason text, at bigint, "inUseAfter" int, "waitMs" int);

  UPDATE floating_pools fp SET seats = (p->'pool'->>'seats')::int, in_use = (p->'pool'->>'inUse')::int,
    borrowed = (p->'pool'->>'borrowed')::int, queued = (p->'pool'->>'queued')::int,
    next_due_at = to_timestamp((p->'pool'->>'nextDueAt')::bigint / 1000.0),
    updated_at = to_timestamp((p->>'now')::bigint / 1000.0), version = fp.version + 1
  WHERE fp.id = v_pool;
  IF (p->>'notify')::boolean THEN
    PERFORM pg_notify('licentia_floating', v_pool);
  END IF;
END;
$$;
