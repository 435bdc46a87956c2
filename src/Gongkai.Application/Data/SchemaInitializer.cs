using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Data;

/// <summary>
/// Brings the database to the current schema (EF Core migrations, one set per provider) and installs the guards
/// the database itself enforces. Safe to run at every start and from several nodes: migrations take a lock, and the
/// guards are idempotent.
/// </summary>
public static class SchemaInitializer
{
    public static async Task EnsureSchemaAsync(GongkaiDbContext db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (!db.IsPostgres)
        {
            // WAL lets readers proceed while one writer commits: the portal keeps serving during edits.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        await InstallAuditGuardsAsync(db, ct);
    }

    /// <summary>The audit log is append-only: nobody can edit or delete an entry, not even through SQL from the app.</summary>
    private static async Task InstallAuditGuardsAsync(GongkaiDbContext db, CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE OR REPLACE FUNCTION gongkai_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'audit log is append-only'; END $$;
                CREATE OR REPLACE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON "AuditEntries"
                FOR EACH ROW EXECUTE FUNCTION gongkai_audit_append_only();
                """, ct);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
                """, ct);
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
                """, ct);
        }
    }
}
