-- Foundation: vendor accounts, customer organizations, API tokens and the tamper-evident audit log.
-- Runs unchanged on PostgreSQL and PGlite. Times are timestamptz (UTC on the wire).

CREATE TABLE accounts (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  is_default  boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now(),
  deleted_at  timestamptz
);
-- At most one default account: the one whose JWKS is served at /.well-known/jwks.json.
CREATE UNIQUE INDEX accounts_single_default ON accounts (is_default) WHERE is_default;

CREATE TABLE organizations (
  id          text PRIMARY KEY,
  account_id  text NOT NULL REFERENCES accounts (id),
  name        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  deleted_at  timestamptz
);
CREATE INDEX organizations_by_account ON organizations (account_id, id);

CREATE TABLE api_tokens (
  id               text PRIMARY KEY,
  kind             text NOT NULL CHECK (kind IN ('operator', 'account', 'organization')),
  account_id       text REFERENCES accounts (id),
  organization_id  text REFERENCES organizations (id),
  name             text NOT NULL,
  roles            text[] NOT NULL,
  token_hash       text NOT NULL UNIQUE,
  hint             text NOT NULL,
  created_by       text,
  expires_at       timestamptz,
  revoked_at       timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'operator') = (account_id IS NULL)),
  CHECK ((kind = 'organization') = (organization_id IS NOT NULL))
);
CREATE INDEX api_tokens_by_account ON api_tokens (account_id, id);

-- The head of each chain (one per account, plus 'system'): appends lock this row, so events of one
-- chain are strictly sequential; it also lets verification detect events cut from the tail.
CREATE TABLE audit_chain_heads (
  chain_id  text PRIMARY KEY,
  seq       integer NOT NULL,
  hash      text NOT NULL
);

CREATE TABLE audit_events (
  id           text PRIMARY KEY,
  chain_id     text NOT NULL,
  seq          integer NOT NULL,
  occurred_at  timestamptz NOT NULL,
  actor_type   text NOT NULL,
  actor_id     text NOT NULL,
  action       text NOT NULL,
  target_type  text NOT NULL,
  target_id    text NOT NULL,
  changes      jsonb NOT NULL,
  request_id   text,
  prev_hash    text NOT NULL,
  hash         text NOT NULL,
  UNIQUE (chain_id, seq)
);
CREATE INDEX audit_events_by_target ON audit_events (chain_id, target_id);

-- Append-only in the database itself: no role that goes through normal SQL can rewrite history.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
