using Gongkai.Application.Agencies;
using Gongkai.Application.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Application.Data.Configurations;

internal sealed class AnnualReportRecordConfiguration : IEntityTypeConfiguration<AnnualReportRecord>
{
    public void Configure(EntityTypeBuilder<AnnualReportRecord> b)
    {
        b.ToTable("AnnualReports");
        b.Property(r => r.Template).HasMaxLength(4);
        b.Property(r => r.UpdatedById).HasMaxLength(450);
        b.Property(r => r.UpdatedByName).HasMaxLength(256);
        b.Property(r => r.ReviewComment).HasMaxLength(4000);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.AgencyId, r.Year, r.Revision }).IsUnique();
        b.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
