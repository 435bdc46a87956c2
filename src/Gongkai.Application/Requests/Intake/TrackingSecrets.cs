using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace Gongkai.Application.Requests.Intake;

/// <summary>The 查询码 and 查询密码 an applicant follows a case with; only the secret's hash is stored.</summary>
public static class TrackingSecrets
{
    /// <summary>Characters of tracking codes and secrets: no 0/O, 1/I, which people misread when copying them.</summary>
    public const string CodeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string NewSecret() => RandomNumberGenerator.GetString(CodeAlphabet, 16);

    public static string NewTrackingCode(LocalDate today) => $"YSQ{today:yyyyMMdd}-{RandomNumberGenerator.GetString(CodeAlphabet, 6)}";

    public static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret.Trim().ToUpperInvariant())));

    /// <summary>The tracking secret against its stored hash, in constant time (no hint from timing how much matched).</summary>
    public static bool Matches(RequestRecord record, string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashSecret(secret)), Encoding.ASCII.GetBytes(record.SecretHash));
}
