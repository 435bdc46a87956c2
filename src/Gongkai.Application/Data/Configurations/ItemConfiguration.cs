using Gongkai.Application.Agencies;
using Gongkai.Application.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Application.Data.Configurations;

internal sealed class ItemConfiguration : IEntityTypeConfiguration<Item>
{
    public void Configure(EntityTypeBuilder<Item> b)
    {
        b.Property(i => i.IndexNo).HasMaxLength(80);
        b.HasIndex(i => i.IndexNo).IsUnique();
        // The public URL: /agencies/{code}/items/{year}/{serial}.
        b.HasIndex(i => new { i.AgencyId, i.Year, i.Serial }).IsUnique();
        // 文号 is unique within an agency; items without one are not constrained.
        b.HasIndex(i => new { i.AgencyId, i.DocNo }).IsUnique().HasFilter("\"DocNo\" IS NOT NULL");
        // Public column lists: newest first within a column, only published items.
        b.HasIndex(i => new { i.ColumnId, i.Status, i.PublishedOn, i.Id });
        // The platform home's "newest across all agencies", by the moment of publication. Deliberately not on
        // PublishedOn: SQLite would then prefer it to the column and agency indexes for their PublishedOn ordering.
        b.HasIndex(i => new { i.Status, i.PublishedAt, i.Id });
        // Back-office lists and the Art. 26 overdue view.
        b.HasIndex(i => new { i.AgencyId, i.Status, i.FormedOn });
        // The annual report's 第二十条第（一）项 (ReportFigures): an agency's 规章 and 规范性文件 counted from the index alone —
        // without it the count reads every item row of the agency with its body (1,000,000 items: 1.2 s on SQLite).
        b.HasIndex(i => new { i.AgencyId, i.DocumentKind, i.Status, i.PublishedOn, i.WrittenOn, i.Validity, i.InvalidatedOn })
            .HasDatabaseName("IX_Items_AnnualReport");
        b.Property(i => i.Title).HasMaxLength(500);
        b.Property(i => i.PublishingOrg).HasMaxLength(200);
        b.Property(i => i.DocNo).HasMaxLength(100);
        b.Property(i => i.TopicCategory).HasMaxLength(100);
        b.Property(i => i.DisclosureScope).HasMaxLength(100);
        b.Property(i => i.Summary).HasMaxLength(2000);
        b.Property(i => i.AuthorId).HasMaxLength(450);
        b.Property(i => i.ReviewerId).HasMaxLength(450);
        b.Property(i => i.ReviewNote).HasMaxLength(1000);
        b.Property(i => i.WithdrawReason).HasMaxLength(1000);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasOne<Agency>().WithMany().HasForeignKey(i => i.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Column>().WithMany().HasForeignKey(i => i.ColumnId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Item>().WithMany().HasForeignKey(i => i.ReplacedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Item>().WithMany().HasForeignKey(i => i.InterpretsId).OnDelete(DeleteBehavior.Restrict);
        // Partial: almost every item has no link. A full index holds one huge NULL key, and after ANALYZE the SQLite planner
        // judges it useless and scans the whole table for "interpretations of this item" on every item page (seen at 1M items).
        b.HasIndex(i => i.InterpretsId).HasFilter("\"InterpretsId\" IS NOT NULL");
        b.HasIndex(i => i.ReplacedById).HasFilter("\"ReplacedById\" IS NOT NULL");
        b.HasMany(i => i.Attachments).WithOne().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
