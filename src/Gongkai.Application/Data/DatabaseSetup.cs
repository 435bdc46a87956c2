using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Data;

/// <summary>Chooses the provider from the connection string: SQLite by default, PostgreSQL when it names a host.</summary>
public static class DatabaseSetup
{
    public static bool IsPostgres(string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)
        || connectionString.StartsWith("postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>Registers <see cref="GongkaiDbContext"/> as the provider's own context, so that its migrations apply.</summary>
    public static void AddGongkaiDbContext(this IServiceCollection services, string? connectionString)
    {
        var cs = string.IsNullOrWhiteSpace(connectionString) ? DataDirectory.DefaultConnectionString() : connectionString;
        if (IsPostgres(cs))
        {
            services.AddDbContext<GongkaiDbContext, PostgresGongkaiDbContext>(o => Configure(o, cs));
        }
        else
        {
            services.AddDbContext<GongkaiDbContext, SqliteGongkaiDbContext>(o => Configure(o, cs));
        }
    }

    public static void Configure(DbContextOptionsBuilder options, string? connectionString)
    {
        var cs = string.IsNullOrWhiteSpace(connectionString) ? DataDirectory.DefaultConnectionString() : connectionString;
        // Capped counts (Take(n).Count()) need no order; ordering them would only slow the count down.
        options.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.RowLimitingOperationWithoutOrderByWarning));
        options.AddInterceptors(Changes.ChangeFeedWriteLock.Instance);
        if (IsPostgres(cs))
        {
            options.UseNpgsql(cs);
        }
        else
        {
            options.UseSqlite(cs);
        }
    }
}
