-- Every server process keeps the caller contexts of live sessions in memory while it LISTENs on "tikit_auth"
-- (lib/auth/context-cache.ts). These triggers tell it, on commit (NOTIFY is transactional), which contexts a
-- change touches: a session revoked, expired or deleted; a user disabled, renamed or enrolled in MFA; a role
-- given or taken; an agency's permission override changed. A TRUNCATE drops everything.
CREATE OR REPLACE FUNCTION "tikit_notify_auth_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM pg_notify('tikit_auth', 'all');
    RETURN NULL;
  END IF;
  IF TG_TABLE_NAME = 'Session' THEN
    IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('tikit_auth', 'session:' || OLD."id"); END IF;
  ELSIF TG_TABLE_NAME = 'User' THEN
    IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('tikit_auth', 'user:' || OLD."id"); END IF;
  ELSIF TG_TABLE_NAME = 'RoleAssignment' THEN
    IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('tikit_auth', 'user:' || OLD."userId"); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('tikit_auth', 'user:' || NEW."userId"); END IF;
  ELSIF TG_TABLE_NAME = 'PermissionOverride' THEN
    IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('tikit_auth', 'agency:' || OLD."agencyId"); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('tikit_auth', 'agency:' || NEW."agencyId"); END IF;
  END IF;
  RETURN NULL;
END
$$;

-- A new session is not cached anywhere yet; "lastSeenAt" (written every few minutes) is not part of a context.
CREATE TRIGGER "Session_auth_change" AFTER UPDATE OF "revokedAt", "expiresAt", "userId", "agencyId" OR DELETE ON "Session"
  FOR EACH ROW EXECUTE FUNCTION "tikit_notify_auth_change"();
CREATE TRIGGER "Session_auth_truncate" AFTER TRUNCATE ON "Session"
  FOR EACH STATEMENT EXECUTE FUNCTION "tikit_notify_auth_change"();

-- Failed sign-ins, lock-outs and password hashes are not part of a context (the sign-in reads them itself).
CREATE TRIGGER "User_auth_change" AFTER UPDATE OF "status", "email", "name", "mfaEnabledAt", "agencyId" OR DELETE ON "User"
  FOR EACH ROW EXECUTE FUNCTION "tikit_notify_auth_change"();
CREATE TRIGGER "User_auth_truncate" AFTER TRUNCATE ON "User"
  FOR EACH STATEMENT EXECUTE FUNCTION "tikit_notify_auth_change"();

CREATE TRIGGER "RoleAssignment_auth_change" AFTER INSERT OR UPDATE OR DELETE ON "RoleAssignment"
  FOR EACH ROW EXECUTE FUNCTION "tikit_notify_auth_change"();
CREATE TRIGGER "RoleAssignment_auth_truncate" AFTER TRUNCATE ON "RoleAssignment"
  FOR EACH STATEMENT EXECUTE FUNCTION "tikit_notify_auth_change"();

CREATE TRIGGER "PermissionOverride_auth_change" AFTER INSERT OR UPDATE OR DELETE ON "PermissionOverride"
  FOR EACH ROW EXECUTE FUNCTION "tikit_notify_auth_change"();
CREATE TRIGGER "PermissionOverride_auth_truncate" AFTER TRUNCATE ON "PermissionOverride"
  FOR EACH STATEMENT EXECUTE FUNCTION "tikit_notify_auth_change"();
