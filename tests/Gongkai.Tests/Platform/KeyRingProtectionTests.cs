using System.Security.Cryptography;
using Gongkai.Application;
using Gongkai.Application.Platform;
using Gongkai.Application.Requests.Privacy;
using Gongkai.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform;

/// <summary>
/// The Data Protection keys that decrypt applicants' personal data are stored in the database; in Production they must
/// be encrypted by a certificate kept outside it, so a copy of the database alone decrypts nothing.
/// </summary>
public sealed class KeyRingProtectionTests(PostgresServer postgres)
{
    private const string ResidentId = "11010519491231002X";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InProduction_OnPostgres_WithoutACertificate_ThePlatformRefusesToStart()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Postgres, postgres);

        var error = Assert.ThrowsAny<Exception>(() =>
        {
            using var host = app.Factory.WithWebHostBuilder(b => b.UseSetting("DataProtection:CertificatePath", ""));
            _ = host.Services;
        });

        Assert.Contains("DataProtection:CertificatePath", Innermost(error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InProduction_WithTheExplicitOptOut_ThePlatformStarts()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Postgres, postgres);

        await using var host = app.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("DataProtection:CertificatePath", "");
            b.UseSetting("DataProtection:AllowUnprotectedKeys", "true");
        });

        Assert.Equal(KeyRingProtectionMode.Unprotected, host.Services.GetRequiredService<KeyRingProtection>().Mode);
    }

    [Fact]
    public async Task InProduction_OnSqlite_WithoutACertificate_OneIsMadeBesideTheDatabaseAndEncryptsTheKeys()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, postgres);
        await app.WithDbAsync(db => db.DataProtectionKeys.ExecuteDeleteAsync(Ct));

        await using var host = app.Factory.WithWebHostBuilder(b => b.UseSetting("DataProtection:CertificatePath", ""));
        var keyRing = host.Services.GetRequiredService<KeyRingProtection>();
        var sealedId = host.Services.GetRequiredService<ApplicantDataProtector>().Protect(ResidentId);
        var keys = await app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync(Ct));

        Assert.Equal(KeyRingProtectionMode.GeneratedCertificate, keyRing.Mode);
        Assert.True(File.Exists(keyRing.CertificatePath));
        var dbDirectory = Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(app.Database.ConnectionString).DataSource)!;
        Assert.Equal(Path.Combine(dbDirectory, "keys", KeyRingProtection.GeneratedFileName), keyRing.CertificatePath);
        Assert.NotEmpty(keys);
        Assert.All(keys, xml => Assert.Contains("EncryptedXml", xml, StringComparison.Ordinal));
        Assert.Equal(ResidentId, host.Services.GetRequiredService<ApplicantDataProtector>().Unprotect(sealedId));
    }

    [Theory, BothDatabases]
    public async Task ACopyOfTheDatabaseWithoutTheCertificate_CannotDecryptApplicantData(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        // The test host's key ring is encrypted with the run's certificate (TestRunEnvironment).
        var sealedId = await app.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<ApplicantDataProtector>().Protect(ResidentId)));

        // Someone with the database (a dump, a backup, a read replica) but not the certificate file.
        await using var thief = DatabaseCopy.WithoutTheKeyRingCertificate(app);

        Assert.ThrowsAny<CryptographicException>(() => thief.GetRequiredService<ApplicantDataProtector>().Unprotect(sealedId));
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
