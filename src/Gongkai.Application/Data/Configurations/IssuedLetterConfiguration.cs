using Gongkai.Application.Requests;
using Gongkai.Application.Requests.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Application.Data.Configurations;

internal sealed class IssuedLetterConfiguration : IEntityTypeConfiguration<IssuedLetter>
{
    public void Configure(EntityTypeBuilder<IssuedLetter> b)
    {
        b.ToTable("IssuedLetters");
        b.Property(l => l.Number).HasMaxLength(60);
        b.Property(l => l.Addressee).HasMaxLength(300);
        b.Property(l => l.CreatedByName).HasMaxLength(256);
        // The guard against two letters with one number, on both databases: a concurrent allocation fails here and is retried.
        b.HasIndex(l => new { l.AgencyId, l.Year, l.Seq }).IsUnique();
        b.HasIndex(l => l.RequestId);
        b.HasOne<RequestRecord>().WithMany().HasForeignKey(l => l.RequestId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agencies.Agency>().WithMany().HasForeignKey(l => l.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
