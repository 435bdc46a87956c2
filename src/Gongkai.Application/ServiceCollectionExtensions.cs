using Gongkai.Application.Agencies;
using Gongkai.Application.Audit;
using Gongkai.Application.Calendar;
using Gongkai.Application.Catalog;
using Gongkai.Application.Changes;
using Gongkai.Application.Data;
using Gongkai.Application.Operations;
using Gongkai.Application.Platform;
using Gongkai.Application.Requests;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Gongkai.Application;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers storage and the use cases. The connection string <c>Gongkai</c> picks SQLite or PostgreSQL;
    /// <paramref name="production"/> decides whether an unprotected key ring is refused (<see cref="KeyRingProtection"/>).
    /// </summary>
    public static IServiceCollection AddGongkai(this IServiceCollection services, IConfiguration configuration, bool production = false)
    {
        var cs = DataDirectory.ConnectionString(configuration, createDirectory: true);
        services.AddGongkaiDbContext(cs);
        // One key ring in the database and one application name for every host: cookies issued by one web node are read by
        // the others, and applicant personal data encrypted by the CLI or any node decrypt everywhere. Without the name the
        // discriminator would be each host's content root path.
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("Gongkai")
            .PersistKeysToDbContext<GongkaiDbContext>();
        // The keys sit next to the applicants' encrypted ID numbers; a certificate kept outside the database encrypts them,
        // so a stolen dump or backup alone decrypts nothing.
        var keyRing = KeyRingProtection.Resolve(configuration, cs, production);
        keyRing.Apply(dataProtection, configuration);
        services.AddSingleton(keyRing);
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton<PlatformClock>();
        services.AddSingleton<BodySanitizer>();
        services.AddSingleton(new UploadLimits
        {
            MaxAttachmentBytes = (configuration.GetValue<long?>("Uploads:MaxAttachmentMegabytes") ?? 20) * 1024 * 1024,
        });
        services.AddScoped<AgencyAccess>();
        services.AddGongkaiAgencyScope();
        services.AddScoped<AuditLog>();
        services.AddChangeFeed();
        services.AddScoped<AgencyService>();
        services.AddScoped<ItemService>();
        services.AddScoped<PortalQueries>();
        services.AddScoped<StaffItemQueries>();
        services.AddSingleton<WorkingDayCalendarProvider>();
        services.AddScoped<PlatformSetupService>();
        services.AddScoped<Accounts.AccountService>();
        services.AddScoped<Accounts.LoginThrottle>();
        services.AddScoped<Accounts.Permissions.PersonalDataGrants>();
        services.AddScoped<Demo.DemoCounty>();
        services.AddScoped<Demo.DemoRequests>();
        services.AddScoped<Demo.DemoHistory>();
        services.AddScoped<Demo.DemoReports>();
        // 依申请公开 (issue 3).
        services.AddScoped<CalendarService>();
        services.AddGongkaiRequests();
        services.AddScoped<RequestQueries>();
        services.AddScoped<AnswerLetters>();
        services.AddScoped<RequestLedger>();
        Reports.ReportsServiceCollectionExtensions.AddGongkaiReports(services);
        // Deadline reminders by e-mail where SMTP is configured; the web host runs the service (WebSetup).
        services.AddSingleton(Requests.Reminders.DeadlineReminderOptions.FromConfiguration(configuration));
        services.AddSingleton<Requests.Reminders.DeadlineReminderService>();
        services.AddGongkaiBackgroundWork(configuration);
        return services;
    }
}
