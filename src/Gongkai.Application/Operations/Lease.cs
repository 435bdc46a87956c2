using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Application.Operations;

/// <summary>
/// Who runs a piece of background work until when. Several web nodes share one database; a job runs only on the node
/// holding its lease, which it renews while it works. A node that stops renewing (crash, network) loses the lease once
/// <see cref="ExpiresAt"/> passes, and another node takes over.
/// </summary>
public sealed class Lease
{
    /// <summary>The job, e.g. <c>calendar-recompute</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>The worker that holds it: machine, process and instance.</summary>
    public string Holder { get; set; } = "";

    /// <summary>UTC; after this any worker may take the lease.</summary>
    public DateTime ExpiresAt { get; set; }
}

internal sealed class LeaseConfiguration : IEntityTypeConfiguration<Lease>
{
    public void Configure(EntityTypeBuilder<Lease> b)
    {
        b.HasKey(l => l.Name);
        b.Property(l => l.Name).HasMaxLength(100);
        b.Property(l => l.Holder).HasMaxLength(200);
    }
}
