using Gongkai.Application.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Data;

public abstract partial class GongkaiDbContext
{
    /// <summary>Annual reports (issue 10), one row per agency, year and revision.</summary>
    public DbSet<AnnualReportRecord> AnnualReports => Set<AnnualReportRecord>();
}
