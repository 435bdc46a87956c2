using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Application.Changes;

internal sealed class ChangeRecordConfiguration : IEntityTypeConfiguration<ChangeRecord>
{
    public void Configure(EntityTypeBuilder<ChangeRecord> b)
    {
        b.ToTable("ChangeRecords");
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(r => r.AgencyCode).HasMaxLength(40);
        b.Property(r => r.EntityType).HasMaxLength(40);
        b.Property(r => r.EntityId).HasMaxLength(100);
        b.Property(r => r.ColumnKey).HasMaxLength(80);
    }
}

internal sealed class ChangeFeedPositionConfiguration : IEntityTypeConfiguration<ChangeFeedPosition>
{
    public void Configure(EntityTypeBuilder<ChangeFeedPosition> b)
    {
        b.ToTable("ChangeFeedPositions");
        b.HasKey(p => p.Consumer);
        b.Property(p => p.Consumer).HasMaxLength(100);
    }
}
