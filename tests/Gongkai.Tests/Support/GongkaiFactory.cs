using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Gongkai.Tests.Support;

/// <summary>
/// The real web host (Program) on one test database, in the Production environment (so API errors go through the
/// same exception handler as in a deployment), with the fake clock. In-memory by default; <paramref name="kestrel"/>
/// puts it on a real loopback port for the browser tests.
/// </summary>
public sealed class GongkaiFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;
    private readonly bool _kestrel;
    private readonly string _listenUrl;

    public GongkaiFactory(TestDatabase database, FakeClock clock, bool kestrel = false, string listenUrl = "http://127.0.0.1:0")
    {
        _database = database;
        Clock = clock;
        _kestrel = kestrel;
        _listenUrl = listenUrl;
        if (kestrel)
        {
            UseKestrel();
        }
    }

    public FakeClock Clock { get; }

    public DatabaseProvider Provider => _database.Provider;

    /// <summary>For a Kestrel host: where it listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri ServerAddress
    {
        get
        {
            if (!_kestrel)
            {
                throw new InvalidOperationException("Not a Kestrel host.");
            }
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            return new Uri(addresses.First());
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Gongkai", _database.ConnectionString);
        builder.UseSetting("Kestrel:Endpoints:Http:Url", _listenUrl);
        builder.UseSetting("Uploads:MaxAttachmentMegabytes", "1");
        // Quiet hosts: warnings and errors only, and no echo of SQL the tests make fail on purpose.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "None");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Update", "None");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IClock>();
            services.AddSingleton<IClock>(Clock);
        });
    }
}
