using Gongkai.Application;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Support;

/// <summary>
/// What someone holding a copy of the database (a dump, a backup, a read replica) but not the certificate that protects
/// its Data Protection key ring can build: the platform's services on that database, without the test host's certificate.
/// </summary>
public static class DatabaseCopy
{
    public static ServiceProvider WithoutTheKeyRingCertificate(TestApp app)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Gongkai"] = app.Database.ConnectionString })
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddGongkai(configuration, production: false);
        return services.BuildServiceProvider();
    }
}
