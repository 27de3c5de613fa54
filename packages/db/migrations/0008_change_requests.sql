-- Privilege levels inside customer organizations, person-bound organization tokens, and change
-- requests (the customer's way to ask the vendor for license changes) with comments, notifications
-- and per-account case numbers. Runs unchanged on PostgreSQL and PGlite.

-- A person may hold several privileges; deleting the person removes them.
CREATE TABLE person_privileges (
  account_id       text NOT NULL REFERENCES accounts (id),
  organization_id  text NOT NULL REFERENCES organizations (id),
  person_id        text NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  privilege        text NOT NULL CHECK (privilege IN ('SUPERVISOR', 'LICENSING', 'REPORTING')),
  granted_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, privilege)
);
CREATE INDEX person_privileges_by_organization ON person_privileges (account_id, organization_id, privilege);

-- An organization token bound to a person acts with that person's privileges. Deleting the person
-- deletes their tokens: setting the column to null would turn them into unbound, all-privilege tokens.
ALTER TABLE api_tokens ADD COLUMN person_id text REFERENCES people (id) ON DELETE CASCADE;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_person_only_for_organizations
  CHECK (person_id IS NULL OR kind = 'organization');
CREATE INDEX api_tokens_by_person ON api_tokens (person_id) WHERE person_id IS NOT NULL;

-- The last case number handed out per vendor account. Allocation is an upsert that increments the
-- row inside the transaction creating the request: concurrent requests queue on the row lock, and a
-- rolled-back request rolls its number back, so numbers have no gaps and no duplicates.
CREATE TABLE account_case_counters (
  account_id   text PRIMARY KEY REFERENCES accounts (id),
  last_number  integer NOT NULL CHECK (last_number > 0)
);

CREATE TABLE change_requests (
  id                    text PRIMARY KEY,
  account_id            text NOT NULL REFERENCES accounts (id),
  organization_id       text NOT NULL REFERENCES organizations (id),
  case_number           integer NOT NULL CHECK (case_number > 0),
  kind                  text NOT NULL CHECK (kind IN
    ('ADD_SEATS', 'ADD_INTEGRATION', 'RENAME_PRODUCT_DISPLAY_NAME', 'MOVE_LICENSE_ENVIRONMENT', 'OTHER')),
  subject               text NOT NULL,
  description           text,
  payload               jsonb NOT NULL,
  status                text NOT NULL DEFAULT 'OPEN'
    CHECK (status IN ('OPEN', 'IN_PROGRESS', 'RESOLVED', 'REJECTED')),
  created_by_type       text NOT NULL,
  created_by_id         text NOT NULL,
  created_by_person_id  text REFERENCES people (id) ON DELETE SET NULL,
  created_at            timestamptz NOT NULL,
  updated_at            timestamptz NOT NULL,
  UNIQUE (account_id, case_number)
);
CREATE INDEX change_requests_by_organization ON change_requests (account_id, organization_id, id);
CREATE INDEX change_requests_by_status ON change_requests (account_id, status, id);

-- Comments from both sides: `side` says whether the vendor or the customer wrote it.
CREATE TABLE change_request_comments (
  id                 text PRIMARY KEY,
  account_id         text NOT NULL REFERENCES accounts (id),
  change_request_id  text NOT NULL REFERENCES change_requests (id),
  side               text NOT NULL CHECK (side IN ('VENDOR', 'ORGANIZATION')),
  author_type        text NOT NULL,
  author_id          text NOT NULL,
  author_person_id   text REFERENCES people (id) ON DELETE SET NULL,
  body               text NOT NULL,
  created_at         timestamptz NOT NULL
);
CREATE INDEX change_request_comments_by_request ON change_request_comments (change_request_id, id);

-- One notification per step, for the other side: audience VENDOR (the account's console) or
-- ORGANIZATION (that organization's portal). read_at is null until someone marks it read.
CREATE TABLE notifications (
  id                 text PRIMARY KEY,
  account_id         text NOT NULL REFERENCES accounts (id),
  organization_id    text NOT NULL REFERENCES organizations (id),
  audience           text NOT NULL CHECK (audience IN ('VENDOR', 'ORGANIZATION')),
  kind               text NOT NULL,
  change_request_id  text REFERENCES change_requests (id),
  message            text NOT NULL,
  created_at         timestamptz NOT NULL,
  read_at            timestamptz
);
CREATE INDEX notifications_by_audience ON notifications (account_id, audience, organization_id, id);
