using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Application.Requests.Reminders;

/// <summary>
/// One agency's reminder e-mail for one day. The key (AgencyId, Date) is the claim: a web node inserts the row before
/// sending, and the node whose insert fails knows another one took that (agency, day), so several nodes on one
/// database send each reminder once.
/// </summary>
public sealed class DeadlineReminderRecord : Agencies.IAgencyOwned
{
    public int AgencyId { get; set; }

    /// <summary>The Beijing-time working day the reminder is for.</summary>
    public DateOnly Date { get; set; }

    public DateTime ClaimedAt { get; set; }

    /// <summary>Which node claimed it (machine name and process), for the operator.</summary>
    public string ClaimedBy { get; set; } = "";

    /// <summary>Null until the SMTP server accepted the message.</summary>
    public DateTime? SentAt { get; set; }

    public int Recipients { get; set; }
    public int Overdue { get; set; }
    public int DueSoon { get; set; }
}

internal sealed class DeadlineReminderRecordConfiguration : IEntityTypeConfiguration<DeadlineReminderRecord>
{
    public void Configure(EntityTypeBuilder<DeadlineReminderRecord> b)
    {
        b.ToTable("DeadlineReminders");
        b.HasKey(r => new { r.AgencyId, r.Date });
        b.Property(r => r.ClaimedBy).HasMaxLength(200);
        b.HasOne<Agencies.Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
