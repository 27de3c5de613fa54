-- Validation snapshots: bookkeeping writes no longer invalidate caches, and releases do.
-- The validation recorder updates licenses.last_validated_at (and machines.last_seen_at) every
-- second; notifying those would evict every validated license from every process's cache each
-- second. A new or changed release changes version coverage, so it notifies 'product:<id>'.
CREATE OR REPLACE FUNCTION notify_license_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'licenses' THEN
    IF TG_OP = 'UPDATE' AND (to_jsonb(OLD) - 'last_validated_at') = (to_jsonb(NEW) - 'last_validated_at') THEN
      RETURN NULL;
    END IF;
    PERFORM pg_notify('licentia_license_changed', NEW.id);
  ELSIF TG_TABLE_NAME = 'machines' THEN
    IF TG_OP = 'UPDATE' AND (to_jsonb(OLD) - 'last_seen_at') = (to_jsonb(NEW) - 'last_seen_at') THEN
      RETURN NULL;
    END IF;
    PERFORM pg_notify('licentia_license_changed', NEW.license_id);
  ELSIF TG_TABLE_NAME = 'releases' THEN
    IF TG_OP = 'DELETE' THEN
      PERFORM pg_notify('licentia_license_changed', 'product:' || OLD.product_id);
    ELSE
      PERFORM pg_notify('licentia_license_changed', 'product:' || NEW.product_id);
    END IF;
  ELSE
    PERFORM pg_notify('licentia_license_changed', 'policy:' || NEW.id);
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER releases_changed AFTER INSERT OR UPDATE OR DELETE ON releases FOR EACH ROW EXECUTE FUNCTION notify_license_changed();
