using Gongkai.Application.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Application.Requests.Handling;

/// <summary>
/// The 承办人 columns of a case. A second configuration of <see cref="RequestRecord"/> (EF Core applies every one found
/// in the assembly): what handling adds to the case is configured beside the feature.
/// </summary>
internal sealed class RequestHandlerConfiguration : IEntityTypeConfiguration<RequestRecord>
{
    public void Configure(EntityTypeBuilder<RequestRecord> b)
    {
        b.Property(r => r.HandlerId).HasMaxLength(450);
        b.Property(r => r.HandlerName).HasMaxLength(100);
        // "我的申请": one clerk's cases in an agency, newest first.
        b.HasIndex(r => new { r.AgencyId, r.HandlerId, r.SubmittedAt });
    }
}

internal sealed class RequestNoteConfiguration : IEntityTypeConfiguration<RequestNote>
{
    public void Configure(EntityTypeBuilder<RequestNote> b)
    {
        b.ToTable("RequestNotes");
        b.Property(n => n.Text).HasMaxLength(CaseHandling.MaxNoteLength);
        b.Property(n => n.AuthorId).HasMaxLength(450);
        b.Property(n => n.AuthorName).HasMaxLength(100);
        b.HasOne<RequestRecord>().WithMany().HasForeignKey(n => n.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Agency>().WithMany().HasForeignKey(n => n.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(n => n.RequestId);
    }
}
