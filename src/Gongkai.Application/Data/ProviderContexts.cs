using Gongkai.Application.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Gongkai.Application.Data;

/// <summary>The SQLite context; its migrations live in Data/Migrations/Sqlite.</summary>
public sealed class SqliteGongkaiDbContext(DbContextOptions<SqliteGongkaiDbContext> options, AgencyScope agencyScope)
    : GongkaiDbContext(options, agencyScope);

/// <summary>The PostgreSQL context; its migrations live in Data/Migrations/Postgres.</summary>
public sealed class PostgresGongkaiDbContext(DbContextOptions<PostgresGongkaiDbContext> options, AgencyScope agencyScope)
    : GongkaiDbContext(options, agencyScope);

/// <summary>For <c>dotnet ef migrations add … --context SqliteGongkaiDbContext</c>; never used at run time.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGongkaiDbContext>
{
    public SqliteGongkaiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteGongkaiDbContext>().UseSqlite("Data Source=design-time.db").Options, new AgencyScope());
}

/// <summary>For <c>dotnet ef migrations add … --context PostgresGongkaiDbContext</c>; never connects.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresGongkaiDbContext>
{
    public PostgresGongkaiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresGongkaiDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options, new AgencyScope());
}
