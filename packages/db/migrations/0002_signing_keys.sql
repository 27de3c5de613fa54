-- Per-account Ed25519 signing keys. Private keys are stored encrypted (AES-256-GCM under the
-- deployment's master key, bound to account and kid); only public keys are ever served.
-- status: ACTIVE (signs; exactly one per account), VERIFY_ONLY (rotated out, still in the JWKS so
-- tokens it signed keep verifying), RETIRED (gone from the JWKS; its tokens no longer verify).

CREATE TABLE signing_keys (
  id                     text PRIMARY KEY,
  account_id             text NOT NULL REFERENCES accounts (id),
  algorithm              text NOT NULL DEFAULT 'EdDSA' CHECK (algorithm = 'EdDSA'),
  public_key_x           text NOT NULL,
  private_key_encrypted  text NOT NULL,
  status                 text NOT NULL CHECK (status IN ('ACTIVE', 'VERIFY_ONLY', 'RETIRED')),
  created_at             timestamptz NOT NULL DEFAULT now(),
  rotated_at             timestamptz,
  retired_at             timestamptz
);
CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys (account_id) WHERE status = 'ACTIVE';
CREATE INDEX signing_keys_by_account ON signing_keys (account_id, id);
