using Gongkai.Application.Accounts;
using Gongkai.Application.Agencies;
using Gongkai.Application.Audit;
using Gongkai.Application.Catalog;
using Gongkai.Application.Platform;
using Gongkai.Application.Requests;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Data;

/// <summary>
/// The platform's database: one model on SQLite (the embedded default) and PostgreSQL. Each provider has its own
/// derived context only so that each carries its own migrations (<see cref="SqliteGongkaiDbContext"/>,
/// <see cref="PostgresGongkaiDbContext"/>); everything else uses this type.
/// </summary>
public abstract partial class GongkaiDbContext(DbContextOptions options, AgencyScope agencyScope)
    : IdentityDbContext<StaffUser>(options), IDataProtectionKeyContext
{
    /// <summary>Whose records this context's queries may read; set once per request or command (AgencyScopeFilters.cs).</summary>
    public AgencyScope AgencyScope { get; } = agencyScope;

    public DbSet<PlatformSettings> PlatformSettings => Set<PlatformSettings>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Column> Columns => Set<Column>();
    public DbSet<Item> Items => Set<Item>();
    public DbSet<ItemRevision> ItemRevisions => Set<ItemRevision>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<AttachmentContent> AttachmentContents => Set<AttachmentContent>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<LoginFailure> LoginFailures => Set<LoginFailure>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // 依申请公开 (issue 3).
    public DbSet<RequestRecord> Requests => Set<RequestRecord>();
    public DbSet<RequestCorrectionRow> RequestCorrections => Set<RequestCorrectionRow>();
    public DbSet<RequestPauseRow> RequestPauses => Set<RequestPauseRow>();
    public DbSet<RequestEvent> RequestEvents => Set<RequestEvent>();
    public DbSet<RequestAttachment> RequestAttachments => Set<RequestAttachment>();
    public DbSet<RequestLetter> RequestLetters => Set<RequestLetter>();
    public DbSet<RequestAppeal> RequestAppeals => Set<RequestAppeal>();
    public DbSet<Requests.Letters.IssuedLetter> IssuedLetters => Set<Requests.Letters.IssuedLetter>();
    public DbSet<AnswerTemplate> AnswerTemplates => Set<AnswerTemplate>();
    public DbSet<CalendarOverrideRow> CalendarOverrides => Set<CalendarOverrideRow>();
    public DbSet<Requests.Reminders.DeadlineReminderRecord> DeadlineReminders => Set<Requests.Reminders.DeadlineReminderRecord>();
    public DbSet<Operations.Lease> Leases => Set<Operations.Lease>();

    // The change feed (issue 7).
    public DbSet<Changes.ChangeRecord> ChangeRecords => Set<Changes.ChangeRecord>();
    public DbSet<Changes.ChangeFeedPosition> ChangeFeedPositions => Set<Changes.ChangeFeedPosition>();

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>Saves; audit entries added in this unit of work are linked onto the audit chain in the same transaction.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var added = AddedAuditEntries();
        if (added.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await AuditChainWriter.ChainAsync(this, added, cancellationToken);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
            return saved;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var added = AddedAuditEntries();
        if (added.Count == 0)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        using var own = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        AuditChainWriter.Chain(this, added);
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        own?.Commit();
        return saved;
    }

    private List<AuditEntry> AddedAuditEntries() =>
        ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(GongkaiDbContext).Assembly);
        ApplyAgencyScope(builder);
    }
}
