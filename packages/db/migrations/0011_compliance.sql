-- User-count enforcement (issue 7, E3–E5): each license's compliance mode and its settings, the
-- daily counted users behind the portal chart, the license-server facts of the OFFLINE-after-update
-- rule, and harvesting agents with their groups and idle reports. Mode changes are audit events.

-- One row per evaluated license. Mode and reason are what the core decided at `evaluated_at`;
-- settings (grace period, extension, count scope) are set by the vendor and survive re-evaluation.
CREATE TABLE license_compliance (
  license_id            text PRIMARY KEY REFERENCES licenses (id),
  account_id            text NOT NULL REFERENCES accounts (id),
  organization_id       text NOT NULL REFERENCES organizations (id),
  mode                  text NOT NULL DEFAULT 'NORMAL'
                          CHECK (mode IN ('NORMAL', 'GRACE', 'LIGHT_RESTRICTED', 'RESTRICTED')),
  reason                text NOT NULL DEFAULT 'WITHIN_LIMIT',
  since                 timestamptz NOT NULL,
  grace_started_at      timestamptz,
  grace_period_days     integer NOT NULL DEFAULT 30 CHECK (grace_period_days BETWEEN 0 AND 365),
  -- ORGANIZATION: every user of the organization counts (imports rarely name a license);
  -- LICENSE: only users seen on this license.
  count_scope           text NOT NULL DEFAULT 'ORGANIZATION' CHECK (count_scope IN ('ORGANIZATION', 'LICENSE')),
  extension_user_limit  integer CHECK (extension_user_limit > 0),
  extension_until       timestamptz,
  counted_users         integer NOT NULL DEFAULT 0,
  -- The effective limit (with a live extension) at the last evaluation; null = unlimited.
  user_limit            integer,
  problems              jsonb NOT NULL DEFAULT '[]',
  -- The highest software version seen in validations, kept between evaluations (read incrementally).
  software_version      text,
  software_seen_at      timestamptz,
  evaluated_at          timestamptz,
  CHECK ((extension_user_limit IS NULL) = (extension_until IS NULL))
);
CREATE INDEX license_compliance_by_org ON license_compliance (account_id, organization_id, license_id);
CREATE INDEX license_compliance_by_evaluation ON license_compliance (evaluated_at);

-- Validation answers carry the mode from the cached snapshot: a change of mode or reason evicts it
-- in every process through the channel of migration 0003 (counts alone change nothing cached).
CREATE FUNCTION notify_compliance_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR OLD.mode IS DISTINCT FROM NEW.mode OR OLD.reason IS DISTINCT FROM NEW.reason THEN
    PERFORM pg_notify('licentia_license_changed', NEW.license_id);
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER license_compliance_changed AFTER INSERT OR UPDATE ON license_compliance
  FOR EACH ROW EXECUTE FUNCTION notify_compliance_changed();

-- Counted users per license and UTC day (the highest of the day's evaluations) against the limit.
CREATE TABLE compliance_user_counts (
  license_id       text NOT NULL REFERENCES licenses (id),
  day              date NOT NULL,
  account_id       text NOT NULL,
  organization_id  text NOT NULL,
  counted_users    integer NOT NULL,
  user_limit       integer,
  mode             text NOT NULL,
  PRIMARY KEY (license_id, day)
);
CREATE INDEX compliance_user_counts_by_org ON compliance_user_counts (account_id, organization_id, day);

-- What a collector or agent reports about a license server: the release date of its version (the
-- OFFLINE-after-update rule) and the last failed query (ERROR).
ALTER TABLE license_servers ADD COLUMN version_released_at timestamptz;
ALTER TABLE license_servers ADD COLUMN last_error_at timestamptz;
ALTER TABLE license_servers ADD COLUMN last_error text;

CREATE TABLE harvesting_groups (
  id               text PRIMARY KEY,
  account_id       text NOT NULL REFERENCES accounts (id),
  organization_id  text NOT NULL REFERENCES organizations (id),
  name             text NOT NULL,
  -- A lease idle this long on an agent of the group is checked in with reason HARVESTED.
  idle_minutes     integer NOT NULL DEFAULT 30 CHECK (idle_minutes BETWEEN 1 AND 10080),
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX harvesting_groups_name ON harvesting_groups (organization_id, lower(name));

-- One agent per host and organization; registering the same host again returns it.
CREATE TABLE harvesting_agents (
  id                   text PRIMARY KEY,
  account_id           text NOT NULL REFERENCES accounts (id),
  organization_id      text NOT NULL REFERENCES organizations (id),
  host                 text NOT NULL,
  registered_at        timestamptz NOT NULL,
  last_report_at       timestamptz,
  harvesting_group_id  text REFERENCES harvesting_groups (id),
  harvesting_enabled   boolean NOT NULL DEFAULT false,
  -- When the agent joined its group with harvesting on: earlier agents keep their license.
  harvesting_since     timestamptz
);
CREATE UNIQUE INDEX harvesting_agents_host ON harvesting_agents (organization_id, lower(host));
CREATE INDEX harvesting_agents_by_org ON harvesting_agents (account_id, organization_id, id);

-- Idle time of applications holding floating leases, as each agent saw it, with what was decided.
CREATE TABLE agent_idle_reports (
  id               text PRIMARY KEY,
  account_id       text NOT NULL,
  organization_id  text NOT NULL,
  agent_id         text NOT NULL REFERENCES harvesting_agents (id) ON DELETE CASCADE,
  lease_id         text NOT NULL,
  application      text,
  idle_seconds     integer NOT NULL CHECK (idle_seconds >= 0),
  outcome          text NOT NULL,
  reported_at      timestamptz NOT NULL
);
CREATE INDEX agent_idle_reports_by_agent ON agent_idle_reports (agent_id, reported_at);
