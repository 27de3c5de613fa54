-- Effective license allocation (issue 6): the license products an organization holds (imported from a
-- license file or refreshed from the vendor's licenses), groups and license groups with nesting,
-- assignments of products to people and groups, the materialized effective result per person, the
-- recompute log, refused logins, and a per-organization state row that serializes recomputes and
-- records when the vendor's licenses changed. Every row carries account_id: queries are tenant-scoped.

-- One row per product code and organization. `source` says who owns it: IMPORT (a license file an
-- administrator imported) or VENDOR (derived from the organization's licenses in the licensing core).
CREATE TABLE allocation_products (
  id                 text PRIMARY KEY,
  account_id         text NOT NULL REFERENCES accounts (id),
  organization_id    text NOT NULL REFERENCES organizations (id),
  code               text NOT NULL,
  name               text NOT NULL,
  kind               text NOT NULL CHECK (kind IN ('BASE', 'ADD_ON')),
  capabilities       text[] NOT NULL,
  rank               integer NOT NULL,
  generation         integer NOT NULL,
  audience           text NOT NULL CHECK (audience IN ('INTERNAL', 'EXTERNAL')),
  requires_codes     text[] NOT NULL DEFAULT '{}',
  -- Null: no limit on how many people may consume it.
  quantity           integer CHECK (quantity IS NULL OR quantity >= 0),
  user_license_type  text NOT NULL DEFAULT 'USER' CHECK (user_license_type IN ('USER', 'LIGHT', 'MEMBER')),
  source             text NOT NULL CHECK (source IN ('IMPORT', 'VENDOR')),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (kind = 'ADD_ON' OR cardinality(requires_codes) = 0)
);
CREATE UNIQUE INDEX allocation_products_code ON allocation_products (organization_id, code);
CREATE INDEX allocation_products_by_organization ON allocation_products (account_id, organization_id, code);

-- GROUP organises people; LICENSE_GROUP exists to carry licenses. Both nest and both carry licenses.
CREATE TABLE allocation_groups (
  id               text PRIMARY KEY,
  account_id       text NOT NULL REFERENCES accounts (id),
  organization_id  text NOT NULL REFERENCES organizations (id),
  kind             text NOT NULL CHECK (kind IN ('GROUP', 'LICENSE_GROUP')),
  name             text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX allocation_groups_name ON allocation_groups (organization_id, lower(name));
CREATE INDEX allocation_groups_by_organization ON allocation_groups (account_id, organization_id, id);

CREATE TABLE allocation_group_people (
  account_id       text NOT NULL REFERENCES accounts (id),
  organization_id  text NOT NULL REFERENCES organizations (id),
  group_id         text NOT NULL REFERENCES allocation_groups (id) ON DELETE CASCADE,
  person_id        text NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (group_id, person_id)
);
CREATE INDEX allocation_group_people_by_person ON allocation_group_people (person_id);

-- parent contains child: the child's members receive the parent's licenses. Cycles are refused by
-- the server (core cycleIfNested) under the organization's lock before a row is inserted.
CREATE TABLE allocation_group_nesting (
  account_id       text NOT NULL REFERENCES accounts (id),
  organization_id  text NOT NULL REFERENCES organizations (id),
  parent_group_id  text NOT NULL REFERENCES allocation_groups (id) ON DELETE CASCADE,
  child_group_id   text NOT NULL REFERENCES allocation_groups (id) ON DELETE CASCADE,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (parent_group_id, child_group_id),
  CHECK (parent_group_id <> child_group_id)
);
CREATE INDEX allocation_group_nesting_by_child ON allocation_group_nesting (child_group_id);

-- A product assigned to a person directly or to a group. By code, so assignments survive a new
-- license file; a code the organization no longer holds grants nothing until it comes back.
CREATE TABLE allocation_assignments (
  id               text PRIMARY KEY,
  account_id       text NOT NULL REFERENCES accounts (id),
  organization_id  text NOT NULL REFERENCES organizations (id),
  product_code     text NOT NULL,
  person_id        text REFERENCES people (id) ON DELETE CASCADE,
  group_id         text REFERENCES allocation_groups (id) ON DELETE CASCADE,
  created_at       timestamptz NOT NULL DEFAULT now(),
  CHECK ((person_id IS NULL) <> (group_id IS NULL))
);
CREATE UNIQUE INDEX allocation_assignments_person ON allocation_assignments (person_id, product_code) WHERE person_id IS NOT NULL;
CREATE UNIQUE INDEX allocation_assignments_group ON allocation_assignments (group_id, product_code) WHERE group_id IS NOT NULL;
CREATE INDEX allocation_assignments_by_organization ON allocation_assignments (account_id, organization_id, id);

-- The decision per person (core decideEffectiveLicenses): effective codes in precedence order and
-- each released code with its rule and the code it yielded to. `decision_key` is the canonical text
-- compared to skip unchanged rows; `revision` counts the changes (tests read it).
CREATE TABLE allocation_effective (
  person_id        text PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
  account_id       text NOT NULL REFERENCES accounts (id),
  organization_id  text NOT NULL REFERENCES organizations (id),
  login_allowed    boolean NOT NULL,
  effective        text[] NOT NULL,
  released         jsonb NOT NULL,
  decision_key     text NOT NULL,
  revision         integer NOT NULL DEFAULT 1,
  computed_at      timestamptz NOT NULL
);
CREATE INDEX allocation_effective_by_organization ON allocation_effective (account_id, organization_id, person_id);

CREATE TABLE allocation_recomputes (
  id               text PRIMARY KEY,
  account_id       text NOT NULL REFERENCES accounts (id),
  organization_id  text NOT NULL REFERENCES organizations (id),
  trigger          text NOT NULL CHECK (trigger IN ('GROUP_MEMBERSHIP', 'GROUP_NESTING', 'GROUP_DELETED',
                     'ASSIGNMENT', 'LICENSE_IMPORT', 'VENDOR_REFRESH', 'SERVER_START', 'FULL')),
  people_reached   integer NOT NULL,
  people_changed   integer NOT NULL,
  duration_ms      double precision NOT NULL,
  created_at       timestamptz NOT NULL
);
CREATE INDEX allocation_recomputes_by_organization ON allocation_recomputes (account_id, organization_id, id);

CREATE TABLE allocation_login_refusals (
  id               text PRIMARY KEY,
  account_id       text NOT NULL REFERENCES accounts (id),
  organization_id  text NOT NULL REFERENCES organizations (id),
  person_id        text NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  reasons          text[] NOT NULL,
  occurred_at      timestamptz NOT NULL
);
CREATE INDEX allocation_login_refusals_by_organization ON allocation_login_refusals (account_id, organization_id, id);

-- One row per organization that uses allocation. Recomputes lock it (SELECT … FOR UPDATE), so two
-- changes of one organization never interleave. `licenses_stale` is set, in the transaction that
-- changes them, when the organization's licenses in the licensing core (or their products or
-- features) change; the server then refreshes the VENDOR products and recomputes (on notification,
-- before a login check or report, and at start).
CREATE TABLE allocation_state (
  organization_id  text PRIMARY KEY REFERENCES organizations (id),
  account_id       text NOT NULL REFERENCES accounts (id),
  licenses_stale   boolean NOT NULL DEFAULT false,
  updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION allocation_mark_stale(org text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  marked text;
BEGIN
  FOR marked IN
    UPDATE allocation_state SET licenses_stale = true
    WHERE organization_id = org AND NOT licenses_stale
    RETURNING organization_id
  LOOP
    PERFORM pg_notify('licentia_allocation_stale', marked);
  END LOOP;
END;
$$;

CREATE FUNCTION allocation_licenses_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM allocation_mark_stale(NEW.organization_id);
  IF TG_OP = 'UPDATE' AND OLD.organization_id IS DISTINCT FROM NEW.organization_id THEN
    PERFORM allocation_mark_stale(OLD.organization_id);
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER licenses_allocation_insert AFTER INSERT ON licenses
  FOR EACH ROW EXECUTE FUNCTION allocation_licenses_changed();
CREATE TRIGGER licenses_allocation_update
  AFTER UPDATE OF organization_id, product_id, policy_id, status, starts_at, expires_at, overrides, metadata ON licenses
  FOR EACH ROW EXECUTE FUNCTION allocation_licenses_changed();

-- A product or its features changing alters every organization holding a license of it.
CREATE FUNCTION allocation_product_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  product text;
  org text;
BEGIN
  IF TG_TABLE_NAME = 'features' THEN
    product := CASE WHEN TG_OP = 'DELETE' THEN OLD.product_id ELSE NEW.product_id END;
  ELSE
    product := NEW.id;
  END IF;
  FOR org IN SELECT DISTINCT l.organization_id FROM licenses l
             JOIN allocation_state s ON s.organization_id = l.organization_id
             WHERE l.product_id = product AND NOT s.licenses_stale
  LOOP
    PERFORM allocation_mark_stale(org);
  END LOOP;
  RETURN NULL;
END;
$$;
CREATE TRIGGER products_allocation_update
  AFTER UPDATE OF code, name, kind, requires_product_ids, generation, rank, audience, deleted_at ON products
  FOR EACH ROW EXECUTE FUNCTION allocation_product_changed();
CREATE TRIGGER features_allocation_change AFTER INSERT OR UPDATE OR DELETE ON features
  FOR EACH ROW EXECUTE FUNCTION allocation_product_changed();
