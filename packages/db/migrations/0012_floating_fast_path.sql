-- Floating fast path (docs/floating.md, "The fast path"): a plain check-out or check-in decided and
-- written by ONE statement in autocommit, so a pool's row lock is held only inside PostgreSQL. Each
-- function declines (changes nothing, returns granted/done = false) whenever the pool is in a state
-- where the core could decide differently — the caller then runs the full path, which locks the same
-- row, so both paths serialise on one lock.

-- The slot rows a lease holds (check-in frees them; the full path's lock reads occupied slots).
CREATE INDEX floating_slots_occupied ON floating_slots (pool_id, occupant_id) WHERE occupant_id IS NOT NULL;
-- A pool's next deadline after a check-in: the earliest remaining lease expiry.
CREATE INDEX floating_leases_by_pool_expiry ON floating_leases (pool_id, expires_at);
-- Lingering leases are rare: a check-out looks for one of its user and host without scanning the pool.
CREATE INDEX floating_leases_lingering ON floating_leases (pool_id, user_name, host) WHERE linger_until IS NOT NULL;

-- Whether the fast path may decide on the locked pool `r` at `now_ms` (epoch ms, database clock):
-- the pool has the seats the caller computed from the license (no resize due), nobody waits in its
-- queue (nothing to serve, no strict order to keep), nothing in it can lapse yet (next_due_at, the
-- earliest deadline, is after now: the core's sweep would change nothing), and the license's options
-- say nothing about this feature (no RESERVE, MAX, INCLUDE, EXCLUDE, TIMEOUT, LINGER or pool setting).
CREATE FUNCTION floating_fast_eligible(r floating_pools, p_seats integer, now_ms bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT r.seats = p_seats AND r.queued = 0
    AND (r.next_due_at IS NULL OR (extract(epoch from r.next_due_at) * 1000)::bigint > now_ms)
    AND NOT EXISTS (SELECT 1 FROM floating_options o
                    WHERE o.license_id = r.license_id AND o.account_id = r.account_id
                      AND o.options->'features'->r.feature IS NOT NULL)
$$;

-- Check out `p_count` seats of (license, feature) as lease `p_lease`, expiring `p_ttl_ms` after the
-- database clock. Grants only when the core would grant the same lease: the pool is eligible (above),
-- has `p_count` free seats, no lease, hold or queue entry carries the idempotency key (a retry is
-- resumed by the full path), and no lingering lease of the same user and host could be taken back.
-- Writes what the full path would: slot keys (compare-and-set, lowest free first), the lease, the OUT
-- event with in_use_after, the pool summary and next deadline, and the NOTIFY when holds exist.
CREATE FUNCTION floating_fast_checkout(p_account text, p_license text, p_feature text, p_seats integer,
  p_ttl_ms bigint, p_lease text, p_event text, p_count integer, p_user text, p_host text, p_group text,
  p_department text, p_ip text, p_display text, p_fingerprint text, p_idempotency_key text)
RETURNS TABLE (granted boolean, now_ms bigint)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
  r floating_pools%ROWTYPE;
  v_now bigint;
  v_at timestamptz;
  v_expires timestamptz;
  n integer;
BEGIN
  -- An unlocked look first: a pool that is full, queued or resized is left alone without waiting.
  SELECT * INTO r FROM floating_pools fp
  WHERE fp.account_id = p_account AND fp.license_id = p_license AND fp.feature = p_feature;
  IF NOT FOUND OR r.seats <> p_seats OR r.queued > 0 OR r.in_use + p_count > r.seats THEN
    RETURN QUERY SELECT false, NULL::bigint;
    RETURN;
  END IF;
  -- The lock, then the decision on what the previous holder committed (each statement of this
  -- VOLATILE function reads with a fresh snapshot, see floating_lock_pool).
  SELECT * INTO r FROM floating_pools fp WHERE fp.id = r.id FOR UPDATE;
  v_now := floor(extract(epoch from clock_timestamp()) * 1000)::bigint;
  IF p_count < 1 OR r.in_use + p_count > r.seats OR NOT floating_fast_eligible(r, p_seats, v_now)
    OR (p_idempotency_key IS NOT NULL AND (
      EXISTS (SELECT 1 FROM floating_leases l WHERE l.pool_id = r.id AND l.idempotency_key = p_idempotency_key)
      OR EXISTS (SELECT 1 FROM floating_queue q WHERE q.pool_id = r.id AND q.idempotency_key = p_idempotency_key)))
    OR EXISTS (SELECT 1 FROM floating_leases l WHERE l.pool_id = r.id AND l.linger_until IS NOT NULL
      AND l.borrowed_until IS NULL AND l.user_name = p_user AND l.host = p_host AND l.count >= p_count)
  THEN
    RETURN QUERY SELECT false, v_now;
    RETURN;
  END IF;
  v_at := to_timestamp(v_now / 1000.0);
  v_expires := to_timestamp((v_now + p_ttl_ms) / 1000.0);
  -- Slot keys: the lowest free slots, claimed only if still free; any shortfall undoes everything.
  UPDATE floating_slots s SET occupant_id = p_lease
  FROM (SELECT f.slot_no FROM floating_slots f
        WHERE f.pool_id = r.id AND f.occupant_id IS NULL AND f.slot_no <= r.seats
        ORDER BY f.slot_no LIMIT p_count) free
  WHERE s.pool_id = r.id AND s.slot_no = free.slot_no AND s.occupant_id IS NULL;
  GET DIAGNOSTICS n = ROW_COUNT;
  IF n <> p_count THEN
    RAISE EXCEPTION 'slot keys of pool % changed under its lock (% of % rows)', r.id, n, p_count;
  END IF;
  INSERT INTO floating_leases (id, account_id, pool_id, license_id, feature, count, user_name, host, group_name,
    department, ip, display, fingerprint, idempotency_key, started_at, expires_at, last_active_at)
  VALUES (p_lease, r.account_id, r.id, r.license_id, r.feature, p_count, p_user, p_host, p_group, p_department,
    p_ip, p_display, p_fingerprint, p_idempotency_key, v_at, v_expires, v_at);
  INSERT INTO floating_events (id, account_id, organization_id, license_id, feature, kind, lease_id, count,
    user_name, host, department, group_name, reason, occurred_at, in_use_after, wait_ms)
  VALUES (p_event, r.account_id, r.organization_id, r.license_id, r.feature, 'OUT', p_lease, p_count, p_user,
    p_host, p_department, p_group, NULL, v_at, r.in_use + p_count, NULL);
  UPDATE floating_pools fp SET in_use = r.in_use + p_count, next_due_at = LEAST(r.next_due_at, v_expires),
    updated_at = v_at, version = fp.version + 1
  WHERE fp.id = r.id;
  -- Holds (queue rows, the queue itself being empty) have long polls waiting: as the full path does.
  IF EXISTS (SELECT 1 FROM floating_queue q WHERE q.pool_id = r.id) THEN
    PERFORM pg_notify('licentia_floating', r.id);
  END IF;
  RETURN QUERY SELECT true, v_now;
END;
$$;

-- Check lease `p_lease` of license `p_license` in with `p_reason` (NORMAL or EXIT; a borrowed lease
-- is recorded BORROW_RETURNED). Done only when the core would free the seats at once with nothing
-- else changing: the pool is eligible (no LINGER, no TIMEOUT, nothing lapsed, no queue to serve)
-- and the lease is not lingering. Writes the lease's removal, its slot keys (compare-and-set on the
-- occupant), the IN event, the pool summary with its new next deadline, and the NOTIFY when holds exist.
CREATE FUNCTION floating_fast_checkin(p_account text, p_license text, p_lease text, p_reason text,
  p_seats integer, p_event text)
RETURNS TABLE (done boolean, now_ms bigint)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
  r floating_pools%ROWTYPE;
  l floating_leases%ROWTYPE;
  v_now bigint;
  v_at timestamptz;
  n integer;
  freed integer := 0;
BEGIN
  SELECT fp.* INTO r FROM floating_pools fp
  WHERE fp.account_id = p_account AND fp.license_id = p_license
    AND fp.id = (SELECT x.pool_id FROM floating_leases x WHERE x.id = p_lease);
  IF NOT FOUND OR r.seats <> p_seats OR r.queued > 0 THEN
    RETURN QUERY SELECT false, NULL::bigint;
    RETURN;
  END IF;
  SELECT * INTO r FROM floating_pools fp WHERE fp.id = r.id FOR UPDATE;
  v_now := floor(extract(epoch from clock_timestamp()) * 1000)::bigint;
  SELECT * INTO l FROM floating_leases x WHERE x.id = p_lease AND x.pool_id = r.id;
  IF NOT FOUND OR l.linger_until IS NOT NULL OR NOT floating_fast_eligible(r, p_seats, v_now) THEN
    RETURN QUERY SELECT false, v_now;
    RETURN;
  END IF;
  v_at := to_timestamp(v_now / 1000.0);
  DELETE FROM floating_leases x WHERE x.id = p_lease;
  -- Slot rows above the seats (left by a shrink) are deleted when freed, as the full path's plan does.
  DELETE FROM floating_slots s WHERE s.pool_id = r.id AND s.occupant_id = p_lease AND s.slot_no > r.seats;
  GET DIAGNOSTICS n = ROW_COUNT;
  freed := freed + n;
  UPDATE floating_slots s SET occupant_id = NULL WHERE s.pool_id = r.id AND s.occupant_id = p_lease;
  GET DIAGNOSTICS n = ROW_COUNT;
  freed := freed + n;
  IF freed <> l.count THEN
    RAISE EXCEPTION 'slot keys of pool % changed under its lock (% of % rows)', r.id, freed, l.count;
  END IF;
  INSERT INTO floating_events (id, account_id, organization_id, license_id, feature, kind, lease_id, count,
    user_name, host, department, group_name, reason, occurred_at, in_use_after, wait_ms)
  VALUES (p_event, r.account_id, r.organization_id, r.license_id, r.feature, 'IN', p_lease, l.count, l.user_name,
    l.host, l.department, l.group_name,
    CASE WHEN l.borrowed_until IS NOT NULL THEN 'BORROW_RETURNED' ELSE p_reason END, v_at, r.in_use - l.count, NULL);
  -- Without TIMEOUT and with an empty queue, the earliest deadline is a lease expiry or a hold's end.
  UPDATE floating_pools fp SET in_use = r.in_use - l.count,
    borrowed = r.borrowed - CASE WHEN l.borrowed_until IS NOT NULL THEN l.count ELSE 0 END,
    next_due_at = LEAST((SELECT min(x.expires_at) FROM floating_leases x WHERE x.pool_id = r.id),
                        (SELECT min(q.held_until) FROM floating_queue q WHERE q.pool_id = r.id)),
    updated_at = v_at, version = fp.version + 1
  WHERE fp.id = r.id;
  IF EXISTS (SELECT 1 FROM floating_queue q WHERE q.pool_id = r.id) THEN
    PERFORM pg_notify('licentia_floating', r.id);
  END IF;
  RETURN QUERY SELECT true, v_now;
END;
$$;
