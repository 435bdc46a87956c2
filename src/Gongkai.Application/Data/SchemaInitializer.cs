using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Data;

/// <summary>Creates the schema on an empty database and installs the guards the database itself enforces.</summary>
public static class SchemaInitializer
{
    public static async Task EnsureSchemaAsync(GongkaiDbContext db, CancellationToken ct = default)
    {
        var created = await db.Database.EnsureCreatedAsync(ct);
        if (!db.IsPostgres)
        {
            // WAL lets readers proceed while one writer commits: the portal keeps serving during edits.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        if (!created)
        {
            return;
        }
        // The audit log is append-only: nobody can edit or delete an entry, not even through SQL from the app.
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE FUNCTION gongkai_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'audit log is append-only'; END $$;
                CREATE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON "AuditEntries"
                FOR EACH ROW EXECUTE FUNCTION gongkai_audit_append_only();
                """, ct);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER audit_no_update BEFORE UPDATE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
                """, ct);
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER audit_no_delete BEFORE DELETE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
                """, ct);
        }
    }
}
