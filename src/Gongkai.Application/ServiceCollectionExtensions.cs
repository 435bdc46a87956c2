using System.Security.Cryptography.X509Certificates;
using Gongkai.Application.Agencies;
using Gongkai.Application.Audit;
using Gongkai.Application.Calendar;
using Gongkai.Application.Catalog;
using Gongkai.Application.Data;
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
    /// <summary>Registers storage and the use cases. The connection string <c>Gongkai</c> picks SQLite or PostgreSQL.</summary>
    public static IServiceCollection AddGongkai(this IServiceCollection services, IConfiguration configuration)
    {
        var cs = configuration.GetConnectionString("Gongkai");
        services.AddGongkaiDbContext(cs);
        // One key ring in the database and one application name for every host: cookies issued by one web node are read by
        // the others, and applicant personal data encrypted by the CLI or any node decrypt everywhere. Without the name the
        // discriminator would be each host's content root path.
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("Gongkai")
            .PersistKeysToDbContext<GongkaiDbContext>();
        // The keys sit next to the applicants' encrypted ID numbers; a certificate kept outside the database (its .pfx on
        // each node) encrypts them, so a stolen dump or backup alone decrypts nothing. Without it the keys are stored in
        // the clear and Data Protection warns at start-up.
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(certificatePath, configuration["DataProtection:CertificatePassword"]);
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton<PlatformClock>();
        services.AddSingleton<BodySanitizer>();
        services.AddSingleton(new UploadLimits
        {
            MaxAttachmentBytes = (configuration.GetValue<long?>("Uploads:MaxAttachmentMegabytes") ?? 20) * 1024 * 1024,
        });
        services.AddScoped<AgencyAccess>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AgencyService>();
        services.AddScoped<ItemService>();
        services.AddScoped<PortalQueries>();
        services.AddScoped<StaffItemQueries>();
        services.AddSingleton<WorkingDayCalendarProvider>();
        services.AddScoped<PlatformSetupService>();
        services.AddScoped<Accounts.AccountService>();
        services.AddScoped<Demo.DemoCounty>();
        services.AddScoped<Demo.DemoRequests>();
        // 依申请公开 (issue 3).
        services.AddScoped<CalendarService>();
        services.AddGongkaiRequests();
        services.AddScoped<RequestQueries>();
        services.AddScoped<AnswerLetters>();
        services.AddScoped<RequestLedger>();
        // Deadline reminders by e-mail where SMTP is configured; the web host runs the service (WebSetup).
        services.AddSingleton(Requests.Reminders.DeadlineReminderOptions.FromConfiguration(configuration));
        services.AddSingleton<Requests.Reminders.DeadlineReminderService>();
        return services;
    }
}
