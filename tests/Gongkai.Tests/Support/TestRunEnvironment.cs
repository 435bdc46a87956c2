using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Gongkai.Tests.Support;

/// <summary>
/// Settings the whole test run shares, set in the environment that every host and CLI command reads. The test hosts run in Production, where the platform refuses an unprotected key ring on PostgreSQL. Like an operator,
/// the test run configures one certificate for every host and every CLI command it starts (through the environment, which
/// both read), so data encrypted by one decrypts in another, as on a real platform.
/// </summary>
internal static class TestRunEnvironment
{
    public const string Password = "test-key-ring";

    public static string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"gongkai-test-keyring-{Environment.ProcessId}.pfx");

    [ModuleInitializer]
    internal static void Configure()
    {
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Gongkai test key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            File.WriteAllBytes(Path, certificate.Export(X509ContentType.Pfx, Password));
        }
        // The run starts hundreds of hosts, several at a time; each one's reloadable appsettings.json costs an inotify instance,
        // and the machine allows 128 per user. Settings never change during a test run.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        // Likewise the web root's file provider, which watches each stylesheet that asp-append-version hashes: polling
        // instead of inotify, so hosts of finished tests that have not been collected yet hold no instance.
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
        Environment.SetEnvironmentVariable("DataProtection__CertificatePath", Path);
        Environment.SetEnvironmentVariable("DataProtection__CertificatePassword", Password);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(Path);
    }
}
