using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Application.Requests.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>Disclosed documents on a case, their 送达 (e-mail, online download, recorded by hand) and publishing from a case (条例第四十四条).</summary>
    public static IServiceCollection AddGongkaiDelivery(this IServiceCollection services)
    {
        services.AddSingleton<DisclosedDocumentProtector>();
        services.AddSingleton<DeliveryMailer>();
        services.AddScoped<DisclosedDocuments>();
        services.AddScoped<DocumentDeliveries>();
        services.AddScoped<CasePublishing>();
        services.AddScoped<DeliveryQueries>();
        return services;
    }
}
