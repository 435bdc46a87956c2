using Gongkai.Application.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Application.Requests.Delivery;

internal sealed class DisclosedDocumentConfiguration : IEntityTypeConfiguration<DisclosedDocument>
{
    public void Configure(EntityTypeBuilder<DisclosedDocument> b)
    {
        b.ToTable("RequestDocuments");
        b.Property(d => d.Name).HasMaxLength(500);
        b.Property(d => d.ContentType).HasMaxLength(100);
        b.Property(d => d.Sha256).HasMaxLength(64);
        b.Property(d => d.ItemIndexNo).HasMaxLength(100);
        b.Property(d => d.AddedByName).HasMaxLength(256);
        b.Ignore(d => d.IsLink);
        b.HasIndex(d => d.RequestId);
        b.HasOne<RequestRecord>().WithMany().HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Item>().WithMany().HasForeignKey(d => d.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DocumentDeliveryConfiguration : IEntityTypeConfiguration<DocumentDelivery>
{
    public void Configure(EntityTypeBuilder<DocumentDelivery> b)
    {
        b.ToTable("RequestDeliveries");
        b.Property(d => d.Detail).HasMaxLength(1000);
        b.Property(d => d.ActorName).HasMaxLength(256);
        b.HasIndex(d => d.RequestId);
        b.HasOne<RequestRecord>().WithMany().HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CasePublicationConfiguration : IEntityTypeConfiguration<CasePublication>
{
    public void Configure(EntityTypeBuilder<CasePublication> b)
    {
        b.ToTable("RequestPublications");
        b.Property(p => p.CreatedByName).HasMaxLength(256);
        b.HasIndex(p => p.RequestId);
        b.HasIndex(p => p.ItemId);
        b.HasOne<RequestRecord>().WithMany().HasForeignKey(p => p.RequestId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Item>().WithMany().HasForeignKey(p => p.ItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DisclosedDocument>().WithMany().HasForeignKey(p => p.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}
