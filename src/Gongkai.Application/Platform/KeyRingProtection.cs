using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gongkai.Application.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace Gongkai.Application.Platform;

/// <summary>How the Data Protection key ring stored in the database is itself protected.</summary>
public enum KeyRingProtectionMode
{
    /// <summary>Encrypted with the certificate at <c>DataProtection:CertificatePath</c>, kept outside the database.</summary>
    ConfiguredCertificate,

    /// <summary>
    /// Production on the embedded SQLite database without a configured certificate: one is made on first start in a
    /// <c>keys</c> folder beside the database file, so a copy of the database file alone decrypts nothing.
    /// </summary>
    GeneratedCertificate,

    /// <summary>Keys in the clear: outside Production, or by the operator's explicit <c>DataProtection:AllowUnprotectedKeys</c>.</summary>
    Unprotected,
}

/// <summary>
/// The keys that decrypt applicants' ID numbers and contact details live in the same database as those fields. In the
/// clear, a database dump or backup alone would reveal everything, so in Production the platform will not start with
/// an unprotected key ring unless the operator says so in as many words. Several web nodes on PostgreSQL must share one
/// certificate, so there it must be configured; a single SQLite node gets one made for it.
/// </summary>
public sealed record KeyRingProtection(KeyRingProtectionMode Mode, string? CertificatePath)
{
    public const string GeneratedFileName = "data-protection.pfx";

    public static KeyRingProtection Resolve(IConfiguration configuration, string connectionString, bool production)
    {
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } path)
        {
            return new(KeyRingProtectionMode.ConfiguredCertificate, path);
        }
        if (!production || configuration.GetValue("DataProtection:AllowUnprotectedKeys", false))
        {
            return new(KeyRingProtectionMode.Unprotected, null);
        }
        if (DatabaseSetup.IsPostgres(connectionString))
        {
            throw new InvalidOperationException(
                "生产环境中，数据库里的数据保护密钥必须由数据库之外的证书加密：请设置 DataProtection:CertificatePath（.pfx）和 "
                + "DataProtection:CertificatePassword，各节点使用同一证书；确需不加密时设置 DataProtection:AllowUnprotectedKeys=true（启动时会记录警告）。"
                + " (Production requires DataProtection:CertificatePath, or DataProtection:AllowUnprotectedKeys=true.)");
        }
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        var dir = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", "keys");
        return new(KeyRingProtectionMode.GeneratedCertificate, Path.Combine(dir, GeneratedFileName));
    }

    /// <summary>Applies the protection to Data Protection, making the SQLite node's certificate on first use.</summary>
    public void Apply(IDataProtectionBuilder dataProtection, IConfiguration configuration)
    {
        var certificate = Mode switch
        {
            KeyRingProtectionMode.ConfiguredCertificate => X509CertificateLoader.LoadPkcs12FromFile(CertificatePath!, configuration["DataProtection:CertificatePassword"]),
            KeyRingProtectionMode.GeneratedCertificate => LoadOrCreate(CertificatePath!),
            _ => null,
        };
        if (certificate is not null)
        {
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
    }

    private static X509Certificate2 LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var rsa = RSA.Create(3072);
            var request = new CertificateRequest("CN=Gongkai Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(100));
            var temp = path + ".tmp";
            // Readable by the platform's own user only; written whole, then moved, so a second process never reads half a file.
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(created.Export(X509ContentType.Pfx));
            }
            try
            {
                File.Move(temp, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process made it first: use theirs.
                File.Delete(temp);
            }
        }
        return X509CertificateLoader.LoadPkcs12FromFile(path, null);
    }
}
