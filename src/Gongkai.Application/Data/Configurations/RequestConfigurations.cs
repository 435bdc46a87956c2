using Gongkai.Application.Agencies;
using Gongkai.Application.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Application.Data.Configurations;

internal sealed class RequestRecordConfiguration : IEntityTypeConfiguration<RequestRecord>
{
    public void Configure(EntityTypeBuilder<RequestRecord> b)
    {
        b.ToTable("Requests");
        b.Property(r => r.TrackingCode).HasMaxLength(32);
        b.HasIndex(r => r.TrackingCode).IsUnique();
        // Also what makes a double submission from two threads at once end in one case (the loser reads the winner's).
        b.HasIndex(r => new { r.AgencyId, r.SubmissionKey }).IsUnique().HasFilter("\"SubmissionKey\" IS NOT NULL");
        b.Property(r => r.SecretHash).HasMaxLength(64);
        b.Property(r => r.NameProtected).HasMaxLength(2000);
        b.Property(r => r.IdNumberProtected).HasMaxLength(2000);
        b.Property(r => r.PhoneProtected).HasMaxLength(2000);
        b.Property(r => r.AddressProtected).HasMaxLength(4000);
        b.Property(r => r.EmailProtected).HasMaxLength(2000);
        b.Property(r => r.NameMasked).HasMaxLength(100);
        b.Property(r => r.IdNumberMasked).HasMaxLength(60);
        b.Property(r => r.ContactPersonProtected).HasMaxLength(2000);
        b.Property(r => r.ReasonableDeadlineDecidedBy).HasMaxLength(100);
        b.Property(r => r.ReasonableDeadlineReason).HasMaxLength(1000);
        b.Property(r => r.Description).HasMaxLength(4000);
        b.Property(r => r.DocumentNumber).HasMaxLength(200);
        b.Property(r => r.WantedForm).HasMaxLength(40);
        b.Property(r => r.Delivery).HasMaxLength(40);
        b.Property(r => r.ExtensionApprovedBy).HasMaxLength(100);
        b.Property(r => r.ExtensionReason).HasMaxLength(1000);
        b.Property(r => r.FeeBandsJson).HasMaxLength(4000);
        b.Property(r => r.OutcomeKey).HasMaxLength(60);
        b.Property(r => r.DecisionReason).HasMaxLength(4000);
        b.Property(r => r.CalendarVersion).HasMaxLength(100);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        // The deadline dashboard: running cases of some agencies by due date (one range scan per agency), and their counts.
        // Partial on the running clock (~3% of cases), not (AgencyId, ClockRunning, DueOn): EF Core sends the bare column
        // ("ClockRunning" rather than "ClockRunning" = 1), which SQLite cannot use as an index key, so it used the index for
        // AgencyId alone and, for the supervisor, fetched all 1,000,000 rows (7–60 s per dashboard at 1M cases, see
        // bench/README.md). A partial index is matched on that same bare term, on SQLite and PostgreSQL alike.
        b.HasIndex(r => new { r.AgencyId, r.DueOn }, "IX_Requests_Running_AgencyId_DueOn").HasFilter("\"ClockRunning\"");
        // The supervisor's lists span hundreds of agencies: walking running cases in due-date order and keeping the first
        // 200 that are visible beats merging one range per agency and sorting all overdue cases.
        b.HasIndex(r => r.DueOn, "IX_Requests_Running_DueOn").HasFilter("\"ClockRunning\"");
        // Cases waiting on the applicant (a few per thousand); "ApplicantDueOn" < @today implies IS NOT NULL on both databases.
        b.HasIndex(r => new { r.AgencyId, r.ApplicantDueOn }, "IX_Requests_WaitingOnApplicant_AgencyId_ApplicantDueOn")
            .HasFilter("\"ApplicantDueOn\" IS NOT NULL");
        // The dashboard's 待确认收到 list: the few cases awaiting confirmation of receipt, oldest first. Without it, it read
        // every case of every visible agency (1.3 s on PostgreSQL, 7 s on SQLite for the supervisor at 1M cases).
        b.HasIndex(r => new { r.AgencyId, r.SubmittedAt }, "IX_Requests_Unconfirmed_AgencyId_SubmittedAt").HasFilter("\"State\" IS NULL");
        // Case list per agency, newest first; the fee's same-month lookup scans one agency's month by ReceivedOn.
        b.HasIndex(r => new { r.AgencyId, r.SubmittedAt });
        b.HasIndex(r => new { r.AgencyId, r.ReceivedOn });
        // 上年结转 (dashboard, annual report): received before the year, not finished before it. FinishedOn before
        // ReceivedYear: the open cases (NULL) and those finished since a date are each one short range per agency, whereas
        // "ReceivedYear < year" covers almost all of an agency's history (206 ms on PostgreSQL for 500 agencies at 1M cases).
        b.HasIndex(r => new { r.AgencyId, r.FinishedOn, r.ReceivedYear });
        b.HasMany(r => r.Corrections).WithOne().HasForeignKey(c => c.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Pauses).WithOne().HasForeignKey(p => p.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RequestCorrectionConfiguration : IEntityTypeConfiguration<RequestCorrectionRow>
{
    public void Configure(EntityTypeBuilder<RequestCorrectionRow> b)
    {
        b.ToTable("RequestCorrections");
        b.Property(c => c.Content).HasMaxLength(2000);
        b.Property(c => c.Reply).HasMaxLength(4000);
        b.HasIndex(c => new { c.RequestId, c.Seq }).IsUnique();
    }
}

internal sealed class RequestPauseConfiguration : IEntityTypeConfiguration<RequestPauseRow>
{
    public void Configure(EntityTypeBuilder<RequestPauseRow> b)
    {
        b.ToTable("RequestPauses");
        b.Property(p => p.Counterparty).HasMaxLength(200);
        b.HasIndex(p => new { p.RequestId, p.Seq }).IsUnique();
    }
}

internal sealed class RequestEventConfiguration : IEntityTypeConfiguration<RequestEvent>
{
    public void Configure(EntityTypeBuilder<RequestEvent> b)
    {
        b.ToTable("RequestEvents");
        b.Property(e => e.Action).HasMaxLength(60);
        b.Property(e => e.ActorId).HasMaxLength(450);
        b.Property(e => e.ActorName).HasMaxLength(256);
        b.Property(e => e.Summary).HasMaxLength(2000);
        b.HasIndex(e => e.RequestId);
        b.HasOne<RequestRecord>().WithMany().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RequestAttachmentConfiguration : IEntityTypeConfiguration<RequestAttachment>
{
    public void Configure(EntityTypeBuilder<RequestAttachment> b)
    {
        b.ToTable("RequestAttachments");
        b.Property(a => a.FileName).HasMaxLength(255);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.HasIndex(a => a.RequestId);
        b.HasOne<RequestRecord>().WithMany().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RequestLetterConfiguration : IEntityTypeConfiguration<RequestLetter>
{
    public void Configure(EntityTypeBuilder<RequestLetter> b)
    {
        b.ToTable("RequestLetters");
        b.Property(a => a.FileName).HasMaxLength(255);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.Property(a => a.CreatedByName).HasMaxLength(256);
        b.HasIndex(a => a.RequestId);
        b.HasOne<RequestRecord>().WithMany().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Requests.Letters.IssuedLetter>().WithMany().HasForeignKey(a => a.IssuedLetterId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RequestAppealConfiguration : IEntityTypeConfiguration<RequestAppeal>
{
    public void Configure(EntityTypeBuilder<RequestAppeal> b)
    {
        b.ToTable("RequestAppeals");
        b.Property(a => a.Body).HasMaxLength(200);
        b.Property(a => a.CaseNumber).HasMaxLength(100);
        b.Property(a => a.Note).HasMaxLength(2000);
        b.Property(a => a.Subject).HasMaxLength(200);
        b.HasIndex(a => a.RequestId);
        // Section 四 counts per agency and year.
        b.HasIndex(a => new { a.AgencyId, a.FiledOn });
        b.HasOne<RequestRecord>().WithMany().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AnswerTemplateConfiguration : IEntityTypeConfiguration<AnswerTemplate>
{
    public void Configure(EntityTypeBuilder<AnswerTemplate> b)
    {
        b.Property(t => t.Title).HasMaxLength(200);
        b.Property(t => t.Body).HasMaxLength(20000);
        b.Property(t => t.UpdatedByName).HasMaxLength(256);
        b.HasIndex(t => t.Group).IsUnique();
    }
}

internal sealed class CalendarOverrideConfiguration : IEntityTypeConfiguration<CalendarOverrideRow>
{
    public void Configure(EntityTypeBuilder<CalendarOverrideRow> b)
    {
        b.ToTable("CalendarOverrides");
        b.Property(o => o.Source).HasMaxLength(500);
        b.Property(o => o.ChangedByName).HasMaxLength(256);
        b.Property(o => o.RemovedByName).HasMaxLength(256);
        b.HasIndex(o => new { o.Date, o.RemovedAt });
    }
}
