using Gongkai.Application.Agencies;
using Gongkai.Application.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Application.Data.Configurations;

internal sealed class ColumnConfiguration : IEntityTypeConfiguration<Column>
{
    public void Configure(EntityTypeBuilder<Column> b)
    {
        b.Property(c => c.Key).HasMaxLength(80);
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Article).HasMaxLength(100);
        b.HasIndex(c => new { c.AgencyId, c.Key }).IsUnique();
        b.HasOne<Agency>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Column>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
