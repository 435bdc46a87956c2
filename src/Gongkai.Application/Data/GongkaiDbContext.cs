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
public abstract class GongkaiDbContext(DbContextOptions options) : IdentityDbContext<StaffUser>(options), IDataProtectionKeyContext
{
    public DbSet<PlatformSettings> PlatformSettings => Set<PlatformSettings>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Column> Columns => Set<Column>();
    public DbSet<Item> Items => Set<Item>();
    public DbSet<ItemRevision> ItemRevisions => Set<ItemRevision>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<AttachmentContent> AttachmentContents => Set<AttachmentContent>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // 依申请公开 (issue 3).
    public DbSet<RequestRecord> Requests => Set<RequestRecord>();
    public DbSet<RequestCorrectionRow> RequestCorrections => Set<RequestCorrectionRow>();
    public DbSet<RequestPauseRow> RequestPauses => Set<RequestPauseRow>();
    public DbSet<RequestEvent> RequestEvents => Set<RequestEvent>();
    public DbSet<RequestAttachment> RequestAttachments => Set<RequestAttachment>();
    public DbSet<RequestLetter> RequestLetters => Set<RequestLetter>();
    public DbSet<RequestAppeal> RequestAppeals => Set<RequestAppeal>();
    public DbSet<AnswerTemplate> AnswerTemplates => Set<AnswerTemplate>();
    public DbSet<CalendarOverrideRow> CalendarOverrides => Set<CalendarOverrideRow>();
    public DbSet<Requests.Reminders.DeadlineReminderRecord> DeadlineReminders => Set<Requests.Reminders.DeadlineReminderRecord>();

    // The change feed (issue 7).
    public DbSet<Changes.ChangeRecord> ChangeRecords => Set<Changes.ChangeRecord>();
    public DbSet<Changes.ChangeFeedPosition> ChangeFeedPositions => Set<Changes.ChangeFeedPosition>();

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(GongkaiDbContext).Assembly);
    }
}
