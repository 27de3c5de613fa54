-- Floating fast path (docs/floating.md, "The fast path"): plain check-outs and check-ins decided and
-- written by ONE statement in autocommit, so a pool's row lock is held only inside PostgreSQL. An
-- operation the fast path cannot decide exactly as the core would is declined with nothing written;
-- the server then runs the full path for it, which locks the same pool row, so both paths serialise
-- on one lock.

-- The slot rows a lease holds (check-in frees them; the full path's lock reads occupied slots).
CREATE INDEX floating_slots_occupied ON floating_slots (pool_id, occupant_id) WHERE occupant_id IS NOT NULL;
-- A pool's next deadline after a check-in: the earliest remaining lease expiry. It also serves every
-- lookup by pool, so the index on pool_id alone goes (one index less to write per lease).
CREATE INDEX floating_leases_by_pool_expiry ON floating_leases (pool_id, expires_at);
DROP INDEX floating_leases_by_pool;
-- Lingering leases are rare: a check-out looks for one of its user and host without scanning the pool.
CREATE INDEX floating_leases_lingering ON floating_leases (pool_id, user_name, host) WHERE linger_until IS NOT NULL;

-- Whether a feature's options entry (options->'features'->feature; NULL when absent) leaves check-out
-- and check-in to the license's terms: no RESERVE, MAX, INCLUDE or EXCLUDE rule, no TIMEOUT, no
-- LINGER; pool settings (seats, heartbeat interval and tolerance, hold and queue timeouts) and the
-- borrow settings (a borrow never takes the fast path) may be set, as whole numbers.
CREATE FUNCTION floating_fast_entry(e jsonb) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN e IS NULL OR (jsonb_typeof(e) = 'object' AND NOT EXISTS (
    SELECT 1 FROM jsonb_each(e) AS kv(k, v)
    WHERE NOT (kv.k IN ('seats', 'heartbeatIntervalSeconds', 'heartbeatTolerance', 'holdSeconds',
                        'queueTimeoutSeconds', 'borrowLowwater', 'maxBorrowHours')
               AND jsonb_typeof(kv.v) = 'number' AND kv.v::text ~ '^[0-9]{1,9}$')
      AND NOT (kv.k IN ('reserve', 'max', 'include', 'exclude') AND kv.v = '[]'::jsonb)
      AND NOT (kv.k = 'lingerSeconds' AND kv.v = '0'::jsonb)));
END;
$$;

-- The pool summary after a batch's operations on it: seats in use and borrowed, the next deadline
-- (without TIMEOUT and with no queue, the earliest lease expiry or hold end), the time and version of
-- the change, and the NOTIFY the full path would send (holds have long polls waiting).
CREATE FUNCTION floating_fast_store(p_pool text, p_in_use integer, p_borrowed integer, p_at timestamptz)
RETURNS void LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  UPDATE floating_pools fp SET in_use = p_in_use, borrowed = p_borrowed,
    next_due_at = LEAST((SELECT min(l.expires_at) FROM floating_leases l WHERE l.pool_id = p_pool),
                        (SELECT min(q.held_until) FROM floating_queue q WHERE q.pool_id = p_pool)),
    updated_at = p_at, version = fp.version + 1
  WHERE fp.id = p_pool;
  IF EXISTS (SELECT 1 FROM floating_queue q WHERE q.pool_id = p_pool) THEN
    PERFORM pg_notify('licentia_floating', p_pool);
  END IF;
END;
$$;

-- Plain check-outs ('out') and check-ins ('in') of one license, in one statement. `p_ops` is an array
-- of {i, kind, account, license, licenseSeats, …}: for 'out' feature, lease (the new lease id), event,
-- count, user, host, group, department, ip, display, fingerprint, idempotencyKey, and the license's
-- heartbeatIntervalSeconds and heartbeatTolerance (used unless the feature's options set them); for
-- 'in' lease, event and reason (NORMAL or EXIT; a borrowed lease is recorded BORROW_RETURNED).
--
-- Operations are taken pool by pool in pool id order (so batches never deadlock: locks are always
-- taken in that order, and the full path holds one pool at a time), each pool locked once; within a
-- pool, in the order given, each at its own instant of the database clock, each seeing what the ones
-- before it wrote. An operation is DONE only when the core would do exactly this:
--   the pool exists and is locked; its feature's options leave the decision to the license
--   (floating_fast_entry) and it has the seats they give (no resize due); nobody waits in its queue
--   (nothing to serve, no strict order to keep); nothing in it has lapsed (next_due_at, the earliest
--   deadline, is after now: the core's sweep would change nothing);
--   'out': `count` seats are free; no lease, hold or queue entry carries the idempotency key (a retry
--   is resumed by the full path); no lingering lease of the same user and host could be taken back
--   → slot keys (the lowest free, compare-and-set), the lease, the OUT event;
--   'in': the lease is in the pool and not lingering (the entry has no LINGER, so it is freed at once)
--   → the lease removed, its slot keys freed (compare-and-set), the IN event.
-- Every other operation is declined with nothing written (decided = false). A shortfall of slot keys
-- raises, and nothing of the batch is written. One row per operation: i, decided, now_ms (the
-- instant it was decided at), and for a check-out the options entry it was decided under and the
-- lease's expiry (epoch ms).
CREATE FUNCTION floating_fast_batch(p_ops jsonb)
RETURNS TABLE (i integer, decided boolean, now_ms bigint, entry jsonb, expires_ms bigint)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
  o record;
  r floating_pools%ROWTYPE;
  l floating_leases%ROWTYPE;
  cur text;
  e jsonb;
  plain boolean;
  v_in_use integer;
  v_borrowed integer;
  v_due bigint;
  v_changed boolean := false;
  v_last timestamptz;
  v_now bigint;
  v_at timestamptz;
  v_ttl bigint;
  v_slots integer[];
  n integer;
  m integer;
BEGIN
  FOR o IN
    SELECT x.*, p.id AS pool, p.queued AS seen_queued, p.in_use AS seen_in_use, p.seats AS seen_seats
    FROM jsonb_to_recordset(p_ops) AS x(i integer, kind text, account text, license text, "licenseSeats" integer,
      feature text, lease text, event text, count integer, "user" text, host text, "group" text, department text,
      ip text, display text, fingerprint text, "idempotencyKey" text, "heartbeatIntervalSeconds" integer,
      "heartbeatTolerance" integer, reason text)
    LEFT JOIN floating_pools p ON p.account_id = x.account AND p.license_id = x.license
      AND p.id = CASE WHEN x.kind = 'out'
        THEN (SELECT q.id FROM floating_pools q
              WHERE q.account_id = x.account AND q.license_id = x.license AND q.feature = x.feature)
        ELSE (SELECT fl.pool_id FROM floating_leases fl WHERE fl.id = x.lease) END
    ORDER BY p.id NULLS FIRST, x.i
  LOOP
    i := o.i;
    decided := false;
    now_ms := NULL;
    entry := NULL;
    expires_ms := NULL;
    -- Declined without waiting for any lock (as read before the batch): no pool yet (the full path
    -- creates it), a queue, or no room.
    IF o.pool IS NULL OR o.seen_queued > 0 OR (o.kind = 'out' AND o.seen_in_use + o.count > o.seen_seats) THEN
      RETURN NEXT;
      CONTINUE;
    END IF;
    IF cur IS DISTINCT FROM o.pool THEN
      IF v_changed THEN
        PERFORM floating_fast_store(cur, v_in_use, v_borrowed, v_last);
      END IF;
      -- The lock, then everything else read by later statements, which see what the previous holder
      -- committed (each statement of this VOLATILE function reads with a fresh snapshot).
      SELECT * INTO r FROM floating_pools fp WHERE fp.id = o.pool FOR UPDATE;
      cur := o.pool;
      e := (SELECT opt.options->'features'->r.feature FROM floating_options opt
            WHERE opt.license_id = r.license_id AND opt.account_id = r.account_id);
      plain := floating_fast_entry(e) AND r.queued = 0;
      v_in_use := r.in_use;
      v_borrowed := r.borrowed;
      v_due := (extract(epoch from r.next_due_at) * 1000)::bigint;
      v_changed := false;
    END IF;
    v_now := floor(extract(epoch from clock_timestamp()) * 1000)::bigint;
    -- v_due only moves earlier within a batch (check-ins are not taken into account until the store):
    -- at worst an operation is declined that could have been done.
    IF NOT plain OR r.seats <> least(o."licenseSeats", coalesce((e->>'seats')::integer, o."licenseSeats"))
       OR v_due <= v_now THEN
      RETURN NEXT;
      CONTINUE;
    END IF;
    v_at := to_timestamp(v_now / 1000.0);
    IF o.kind = 'out' THEN
      IF o.count < 1 OR v_in_use + o.count > r.seats
        OR (o."idempotencyKey" IS NOT NULL AND (
          EXISTS (SELECT 1 FROM floating_leases x WHERE x.pool_id = r.id AND x.idempotency_key = o."idempotencyKey")
          OR EXISTS (SELECT 1 FROM floating_queue q WHERE q.pool_id = r.id AND q.idempotency_key = o."idempotencyKey")))
        OR EXISTS (SELECT 1 FROM floating_leases x WHERE x.pool_id = r.id AND x.linger_until IS NOT NULL
          AND x.borrowed_until IS NULL AND x.user_name = o."user" AND x.host = o.host AND x.count >= o.count)
      THEN
        RETURN NEXT;
        CONTINUE;
      END IF;
      v_ttl := coalesce((e->>'heartbeatIntervalSeconds')::bigint, o."heartbeatIntervalSeconds")
        * coalesce((e->>'heartbeatTolerance')::bigint, o."heartbeatTolerance") * 1000;
      -- Slot keys: the lowest free ones, chosen first and then claimed only if still free (one
      -- statement joining both may be planned as a loop over every slot of the pool).
      v_slots := ARRAY(SELECT s.slot_no FROM floating_slots s
                       WHERE s.pool_id = r.id AND s.occupant_id IS NULL AND s.slot_no <= r.seats
                       ORDER BY s.slot_no LIMIT o.count);
      UPDATE floating_slots s SET occupant_id = o.lease
      WHERE s.pool_id = r.id AND s.slot_no = ANY (v_slots) AND s.occupant_id IS NULL;
      GET DIAGNOSTICS n = ROW_COUNT;
      IF n <> o.count THEN
        RAISE EXCEPTION 'slot keys of pool % changed under its lock (% of % rows)', r.id, n, o.count;
      END IF;
      INSERT INTO floating_leases (id, account_id, pool_id, license_id, feature, count, user_name, host,
        group_name, department, ip, display, fingerprint, idempotency_key, started_at, expires_at, last_active_at)
      VALUES (o.lease, r.account_id, r.id, r.license_id, r.feature, o.count, o."user", o.host, o."group",
        o.department, o.ip, o.display, o.fingerprint, o."idempotencyKey", v_at,
        to_timestamp((v_now + v_ttl) / 1000.0), v_at);
      v_in_use := v_in_use + o.count;
      INSERT INTO floating_events (id, account_id, organization_id, license_id, feature, kind, lease_id, count,
        user_name, host, department, group_name, reason, occurred_at, in_use_after, wait_ms)
      VALUES (o.event, r.account_id, r.organization_id, r.license_id, r.feature, 'OUT', o.lease, o.count,
        o."user", o.host, o.department, o."group", NULL, v_at, v_in_use, NULL);
      v_due := least(v_due, v_now + v_ttl);
      entry := e;
      expires_ms := v_now + v_ttl;
    ELSE
      SELECT * INTO l FROM floating_leases x WHERE x.id = o.lease AND x.pool_id = r.id;
      IF NOT FOUND OR l.linger_until IS NOT NULL THEN
        RETURN NEXT;
        CONTINUE;
      END IF;
      DELETE FROM floating_leases x WHERE x.id = o.lease;
      -- Slot rows above the seats (left by a shrink) are deleted when freed, as the full path's plan does.
      DELETE FROM floating_slots s WHERE s.pool_id = r.id AND s.occupant_id = o.lease AND s.slot_no > r.seats;
      GET DIAGNOSTICS n = ROW_COUNT;
      UPDATE floating_slots s SET occupant_id = NULL WHERE s.pool_id = r.id AND s.occupant_id = o.lease;
      GET DIAGNOSTICS m = ROW_COUNT;
      IF n + m <> l.count THEN
        RAISE EXCEPTION 'slot keys of pool % changed under its lock (% of % rows)', r.id, n + m, l.count;
      END IF;
      v_in_use := v_in_use - l.count;
      IF l.borrowed_until IS NOT NULL THEN
        v_borrowed := v_borrowed - l.count;
      END IF;
      INSERT INTO floating_events (id, account_id, organization_id, license_id, feature, kind, lease_id, count,
        user_name, host, department, group_name, reason, occurred_at, in_use_after, wait_ms)
      VALUES (o.event, r.account_id, r.organization_id, r.license_id, r.feature, 'IN', o.lease, l.count,
        l.user_name, l.host, l.department, l.group_name,
        CASE WHEN l.borrowed_until IS NOT NULL THEN 'BORROW_RETURNED' ELSE o.reason END, v_at, v_in_use, NULL);
    END IF;
    v_changed := true;
    v_last := v_at;
    decided := true;
    now_ms := v_now;
    RETURN NEXT;
  END LOOP;
  IF v_changed THEN
    PERFORM floating_fast_store(cur, v_in_use, v_borrowed, v_last);
  END IF;
END;
$$;
