using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Application.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>The annual report (条例第四十九条、第五十条): generation from the records, region summaries, stored drafts.</summary>
    public static IServiceCollection AddGongkaiReports(this IServiceCollection services)
    {
        services.AddScoped<ReportGenerator>();
        services.AddScoped<RegionSummaries>();
        services.AddScoped<ReportStore>();
        services.AddScoped<ReportWorkflow>();
        services.AddScoped<Import.Section2Import>();
        services.AddScoped<ReportPublishing>();
        services.AddScoped<ReportAttachmentFiles>();
        services.AddScoped<PublishedReports>();
        services.AddScoped<ReportDashboard>();
        return services;
    }
}
