-- Licensing: catalog (products, releases, features), policies, licenses, machines, amendments,
-- approval requests and validation history. Every row carries account_id: queries are tenant-scoped.

CREATE TABLE products (
  id                    text PRIMARY KEY,
  account_id            text NOT NULL REFERENCES accounts (id),
  code                  text NOT NULL,
  name                  text NOT NULL,
  kind                  text NOT NULL CHECK (kind IN ('BASE', 'ADD_ON')),
  requires_product_ids  text[] NOT NULL DEFAULT '{}',
  generation            integer NOT NULL DEFAULT 1,
  rank                  integer NOT NULL DEFAULT 0,
  audience              text NOT NULL DEFAULT 'EXTERNAL' CHECK (audience IN ('INTERNAL', 'EXTERNAL')),
  created_at            timestamptz NOT NULL DEFAULT now(),
  deleted_at            timestamptz
);
CREATE UNIQUE INDEX products_code_per_account ON products (account_id, code) WHERE deleted_at IS NULL;

CREATE TABLE releases (
  id           text PRIMARY KEY,
  account_id   text NOT NULL REFERENCES accounts (id),
  product_id   text NOT NULL REFERENCES products (id),
  version      text NOT NULL,
  released_at  timestamptz NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (product_id, version)
);

CREATE TABLE features (
  id          text PRIMARY KEY,
  account_id  text NOT NULL REFERENCES accounts (id),
  product_id  text NOT NULL REFERENCES products (id),
  code        text NOT NULL,
  name        text NOT NULL,
  value       jsonb,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (product_id, code)
);

-- A policy's terms are validated by the core (policies/validate-policy-input.ts) and kept as one
-- JSON document; model and product are columns because they are filtered on.
CREATE TABLE policies (
  id          text PRIMARY KEY,
  account_id  text NOT NULL REFERENCES accounts (id),
  product_id  text NOT NULL REFERENCES products (id),
  name        text NOT NULL,
  model       text NOT NULL CHECK (model IN ('PERPETUAL', 'SUBSCRIPTION', 'TRIAL', 'FLOATING', 'NODE_LOCKED', 'SITE')),
  spec        jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  deleted_at  timestamptz
);
CREATE INDEX policies_by_account ON policies (account_id, id);

CREATE TABLE licenses (
  id                   text PRIMARY KEY,
  account_id           text NOT NULL REFERENCES accounts (id),
  organization_id      text NOT NULL REFERENCES organizations (id),
  product_id           text NOT NULL REFERENCES products (id),
  policy_id            text NOT NULL REFERENCES policies (id),
  -- The human key: SHA-256 of its normalized form for lookup, and sealed (AES-256-GCM under the
  -- master key) so the vendor can show it again; never stored in clear.
  key_hash             text NOT NULL UNIQUE,
  key_sealed           text NOT NULL,
  key_hint             text NOT NULL,
  name                 text,
  status               text NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'REVOKED')),
  model                text NOT NULL,
  issued_at            timestamptz NOT NULL,
  starts_at            timestamptz NOT NULL,
  expires_at           timestamptz,
  maintenance_ends_at  timestamptz,
  trial_activated_at   timestamptz,
  overrides            jsonb NOT NULL DEFAULT '{}',
  bound_fingerprints   text[] NOT NULL DEFAULT '{}',
  metadata             jsonb NOT NULL DEFAULT '{}',
  -- Bumped by every change: caches of validation snapshots compare it.
  revision             integer NOT NULL DEFAULT 1,
  last_validated_at    timestamptz,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX licenses_by_account ON licenses (account_id, id);
CREATE INDEX licenses_by_organization ON licenses (account_id, organization_id, id);
CREATE INDEX licenses_by_product ON licenses (account_id, product_id, id);

CREATE TABLE machines (
  id              text PRIMARY KEY,
  account_id      text NOT NULL REFERENCES accounts (id),
  license_id      text NOT NULL REFERENCES licenses (id),
  fingerprint     text NOT NULL,
  hostname        text,
  platform        text,
  components      jsonb NOT NULL DEFAULT '{}',
  activated_at    timestamptz NOT NULL,
  deactivated_at  timestamptz,
  last_seen_at    timestamptz
);
-- One live activation per fingerprint and license; history keeps deactivated rows.
CREATE UNIQUE INDEX machines_live_fingerprint ON machines (license_id, fingerprint) WHERE deactivated_at IS NULL;
CREATE INDEX machines_by_license ON machines (account_id, license_id, id);

-- Plan changes, renewals and conversions with their proration: applied atomically with the license change.
CREATE TABLE license_amendments (
  id              text PRIMARY KEY,
  account_id      text NOT NULL REFERENCES accounts (id),
  license_id      text NOT NULL REFERENCES licenses (id),
  kind            text NOT NULL CHECK (kind IN ('UPGRADE', 'DOWNGRADE', 'SEAT_CHANGE', 'RENEWAL', 'TRIAL_CONVERSION')),
  from_policy_id  text,
  to_policy_id    text,
  credit_cents    integer NOT NULL DEFAULT 0,
  charge_cents    integer NOT NULL DEFAULT 0,
  net_cents       integer NOT NULL DEFAULT 0,
  term_start      timestamptz,
  term_end        timestamptz,
  details         jsonb NOT NULL DEFAULT '{}',
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX license_amendments_by_license ON license_amendments (account_id, license_id, id);

-- Changes that need a second person: license transfer to another customer, machine transfer.
CREATE TABLE approval_requests (
  id            text PRIMARY KEY,
  account_id    text NOT NULL REFERENCES accounts (id),
  license_id    text NOT NULL REFERENCES licenses (id),
  kind          text NOT NULL CHECK (kind IN ('LICENSE_TRANSFER', 'MACHINE_TRANSFER')),
  status        text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
  payload       jsonb NOT NULL,
  requested_by  text NOT NULL,
  decided_by    text,
  reason        text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  decided_at    timestamptz
);
CREATE INDEX approval_requests_by_license ON approval_requests (account_id, license_id, id);

-- Validation history, written in batches off the request path.
CREATE TABLE validation_events (
  id           text PRIMARY KEY,
  account_id   text NOT NULL,
  license_id   text NOT NULL,
  occurred_at  timestamptz NOT NULL,
  code         text NOT NULL,
  valid        boolean NOT NULL,
  fingerprint  text,
  version      text,
  details      jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX validation_events_by_license ON validation_events (account_id, license_id, occurred_at DESC);

-- Product tokens: licensed apps of one product validate any license of it.
ALTER TABLE api_tokens ADD COLUMN product_id text REFERENCES products (id);
ALTER TABLE api_tokens DROP CONSTRAINT api_tokens_kind_check;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_kind_check CHECK (kind IN ('operator', 'account', 'organization', 'product'));
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_product_scope CHECK ((kind = 'product') = (product_id IS NOT NULL));

-- Validation snapshots are cached in every server process; these notifications tell all of them
-- (through LISTEN) which license changed, so a suspension is seen everywhere within milliseconds.
CREATE FUNCTION notify_license_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'licenses' THEN
    PERFORM pg_notify('licentia_license_changed', NEW.id);
  ELSIF TG_TABLE_NAME = 'machines' THEN
    PERFORM pg_notify('licentia_license_changed', NEW.license_id);
  ELSE
    PERFORM pg_notify('licentia_license_changed', 'policy:' || NEW.id);
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER licenses_changed AFTER INSERT OR UPDATE ON licenses FOR EACH ROW EXECUTE FUNCTION notify_license_changed();
CREATE TRIGGER machines_changed AFTER INSERT OR UPDATE ON machines FOR EACH ROW EXECUTE FUNCTION notify_license_changed();
CREATE TRIGGER policies_changed AFTER UPDATE ON policies FOR EACH ROW EXECUTE FUNCTION notify_license_changed();
