using Gongkai.Application.Accounts.TwoFactor;

namespace Gongkai.Web.Infrastructure.TwoFactor;

/// <summary><c>Accounts:*</c> settings of the second factor.</summary>
public sealed class TwoFactorOptions
{
    /// <summary>When true, platform and agency admins must turn on an authenticator app before using the back office.</summary>
    public bool RequireTwoFactorForAdmins { get; set; }
}

public static class TwoFactorSetup
{
    public const string SetupPath = "/staff/account/2fa";

    public static IServiceCollection AddGongkaiTwoFactor(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TwoFactorOptions>(configuration.GetSection("Accounts"));
        services.AddScoped<StaffTwoFactor>();
        services.AddScoped<Pages.Staff.LoginAttempts>();
        return services;
    }
}
