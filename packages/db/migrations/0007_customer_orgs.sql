-- Customer organizations (issue 5): plan, environments, people with their environment accounts,
-- permission groups (each mapped to a user-license type), vendor-managed entitlements (integrations,
-- add-ons, extra database instances, purchased user licenses) and named-user seats on licenses.
-- Every row carries account_id: queries are tenant-scoped like everywhere else.

ALTER TABLE organizations ADD COLUMN plan text NOT NULL DEFAULT 'STANDARD'
  CHECK (plan IN ('STANDARD', 'PROFESSIONAL', 'ENTERPRISE'));

-- TEST and TRAINING copies hang off a production environment and borrow its product licenses;
-- PRODUCTION and STORAGE stand alone. The CHECK keeps that shape; the core checks the parent's kind.
CREATE TABLE environments (
  id                         text PRIMARY KEY,
  account_id                 text NOT NULL REFERENCES accounts (id),
  organization_id            text NOT NULL REFERENCES organizations (id),
  name                       text NOT NULL,
  kind                       text NOT NULL CHECK (kind IN ('PRODUCTION', 'TEST', 'TRAINING', 'STORAGE')),
  production_environment_id  text REFERENCES environments (id),
  created_at                 timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind IN ('TEST', 'TRAINING')) = (production_environment_id IS NOT NULL))
);
CREATE UNIQUE INDEX environments_name_per_organization ON environments (organization_id, lower(name));
CREATE INDEX environments_by_organization ON environments (account_id, organization_id, id);

-- The production environment a product license is installed in (null: not installed yet).
ALTER TABLE licenses ADD COLUMN environment_id text REFERENCES environments (id);
CREATE INDEX licenses_by_environment ON licenses (environment_id) WHERE environment_id IS NOT NULL;

CREATE TABLE people (
  id               text PRIMARY KEY,
  account_id       text NOT NULL REFERENCES accounts (id),
  organization_id  text NOT NULL REFERENCES organizations (id),
  username         text NOT NULL,
  email            text NOT NULL,
  name             text NOT NULL,
  status           text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DISABLED')),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX people_username_per_organization ON people (organization_id, lower(username));
CREATE INDEX people_by_organization ON people (account_id, organization_id, id);

-- A person's account in one environment. Deleting the person or the environment removes it.
CREATE TABLE environment_accounts (
  account_id       text NOT NULL REFERENCES accounts (id),
  organization_id  text NOT NULL REFERENCES organizations (id),
  environment_id   text NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
  person_id        text NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (environment_id, person_id)
);
CREATE INDEX environment_accounts_by_person ON environment_accounts (person_id);
CREATE INDEX environment_accounts_by_organization ON environment_accounts (account_id, organization_id);

CREATE TABLE permission_groups (
  id                 text PRIMARY KEY,
  account_id         text NOT NULL REFERENCES accounts (id),
  organization_id    text NOT NULL REFERENCES organizations (id),
  environment_id     text NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
  name               text NOT NULL,
  user_license_type  text NOT NULL CHECK (user_license_type IN ('USER', 'LIGHT', 'MEMBER')),
  created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX permission_groups_name_per_environment ON permission_groups (environment_id, lower(name));
CREATE INDEX permission_groups_by_organization ON permission_groups (account_id, organization_id, id);

-- Members of a group always hold an account in the group's environment (the repository adds the
-- account with the membership and removes memberships with the account).
CREATE TABLE permission_group_members (
  account_id  text NOT NULL REFERENCES accounts (id),
  group_id    text NOT NULL REFERENCES permission_groups (id) ON DELETE CASCADE,
  person_id   text NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (group_id, person_id)
);
CREATE INDEX permission_group_members_by_person ON permission_group_members (person_id);

-- Vendor-managed: integrations, organization-wide add-ons, extra database instances, and purchased
-- user licenses (kind USER_LICENSE, code USER | LIGHT | MEMBER). Rows of one code add up.
CREATE TABLE organization_entitlements (
  id               text PRIMARY KEY,
  account_id       text NOT NULL REFERENCES accounts (id),
  organization_id  text NOT NULL REFERENCES organizations (id),
  kind             text NOT NULL CHECK (kind IN ('INTEGRATION', 'ADD_ON', 'DATABASE_INSTANCE', 'USER_LICENSE')),
  code             text NOT NULL,
  name             text NOT NULL,
  quantity         integer NOT NULL CHECK (quantity >= 0),
  starts_at        timestamptz NOT NULL,
  ends_at          timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'USER_LICENSE' OR code IN ('USER', 'LIGHT', 'MEMBER')),
  CHECK (ends_at IS NULL OR ends_at > starts_at)
);
CREATE INDEX organization_entitlements_by_organization ON organization_entitlements (account_id, organization_id, id);

-- Named-user seats: a person holds at most one seat per license; capacity is the license's
-- effective maxUsers (policy spec, overridable per license), checked under a lock on the license.
CREATE TABLE seat_assignments (
  account_id       text NOT NULL REFERENCES accounts (id),
  organization_id  text NOT NULL REFERENCES organizations (id),
  license_id       text NOT NULL REFERENCES licenses (id),
  person_id        text NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  assigned_at      timestamptz NOT NULL,
  PRIMARY KEY (license_id, person_id)
);
CREATE INDEX seat_assignments_by_person ON seat_assignments (person_id);
CREATE INDEX seat_assignments_by_organization ON seat_assignments (account_id, organization_id);
