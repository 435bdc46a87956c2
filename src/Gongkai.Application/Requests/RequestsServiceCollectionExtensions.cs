using Gongkai.Application.Requests.Appeals;
using Gongkai.Application.Requests.Delivery;
using Gongkai.Application.Requests.Fees;
using Gongkai.Application.Requests.Intake;
using Gongkai.Application.Requests.Privacy;
using Gongkai.Application.Requests.Steps;
using Gongkai.Application.Requests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Application.Requests;

public static class RequestsServiceCollectionExtensions
{
    /// <summary>The request use cases, one per seam: intake, steps, fees, appeals, personal data; and the case store they share.</summary>
    public static IServiceCollection AddGongkaiRequests(this IServiceCollection services)
    {
        services.AddSingleton<ApplicantDataProtector>();
        services.AddScoped<RequestCaseStore>();
        services.AddScoped<RequestIntake>();
        services.AddScoped<RequestSteps>();
        services.AddScoped<RequestFees>();
        services.AddScoped<RequestAppealRegister>();
        services.AddScoped<AppealBook>();
        services.AddScoped<RequestLawSteps>();
        services.AddScoped<ApplicantPrivacy>();
        services.AddScoped<RequestFiles>();
        services.AddScoped<Notifications.ApplicantNotifier>();
        services.AddScoped<Handling.CaseHandling>();
        services.AddScoped<Handling.DeadlineStandings>();
        services.AddGongkaiDelivery();
        services.AddScoped<Letters.CaseLetters>();
        return services;
    }
}
