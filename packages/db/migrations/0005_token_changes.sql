-- Authenticated principals are cached per process; these statement-level notifications tell every
-- process to drop its cache when a token is revoked or its account, organization or product goes.
CREATE FUNCTION notify_tokens_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('licentia_tokens_changed', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;
CREATE TRIGGER api_tokens_changed AFTER UPDATE OR DELETE ON api_tokens FOR EACH STATEMENT EXECUTE FUNCTION notify_tokens_changed();
CREATE TRIGGER accounts_tokens_changed AFTER UPDATE OR DELETE ON accounts FOR EACH STATEMENT EXECUTE FUNCTION notify_tokens_changed();
CREATE TRIGGER organizations_tokens_changed AFTER UPDATE OR DELETE ON organizations FOR EACH STATEMENT EXECUTE FUNCTION notify_tokens_changed();
CREATE TRIGGER products_tokens_changed AFTER UPDATE OR DELETE ON products FOR EACH STATEMENT EXECUTE FUNCTION notify_tokens_changed();
