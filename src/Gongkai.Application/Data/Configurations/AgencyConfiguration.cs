using Gongkai.Application.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Application.Data.Configurations;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> b)
    {
        b.Property(a => a.Code).HasMaxLength(40);
        b.HasIndex(a => a.Code).IsUnique();
        b.Property(a => a.Name).HasMaxLength(200);
        b.Property(a => a.Path).HasMaxLength(400);
        b.HasIndex(a => a.Path);
        b.HasOne(a => a.Parent).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
        foreach (var p in new[] { "OfficeName", "Address", "OfficeHours", "Website", "Email", "ReviewBody" })
        {
            b.Property(p).HasMaxLength(300);
        }
        b.Property(a => a.LetterPrefix).HasMaxLength(20);
        b.Property(a => a.PostalCode).HasMaxLength(20);
        b.Property(a => a.Phone).HasMaxLength(100);
        b.Property(a => a.Fax).HasMaxLength(100);
        b.Property(a => a.Functions).HasMaxLength(4000);
    }
}
