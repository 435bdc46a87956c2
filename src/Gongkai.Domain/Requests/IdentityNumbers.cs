using NodaTime;

namespace Gongkai.Domain.Requests;

/// <summary>Check-digit validation of the identity numbers applicants give (条例第二十九条: 身份证明).</summary>
public static class IdentityNumbers
{
    private static readonly int[] ResidentIdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string ResidentIdCheckChars = "10X98765432";

    // GB 32100-2015: the 31 characters of the code (no I, O, S, V, Z) and the weights 3^i mod 31.
    private const string CreditCodeChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] CreditCodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>
    /// 居民身份证号码 (GB 11643-1999): 17 digits, a valid birth date in positions 7–14, and the ISO 7064 MOD 11-2
    /// check character (0–9 or X; lower-case x accepted). <paramref name="today"/> (if given) rejects future birth dates.
    /// </summary>
    public static bool IsValidResidentId(string? value, LocalDate? today = null)
    {
        if (value is null || value.Length != 18)
        {
            return false;
        }
        if (ResidentIdCheckChar(value.AsSpan(0, 17)) is not { } check || char.ToUpperInvariant(value[17]) != check)
        {
            return false;
        }
        var year = int.Parse(value.AsSpan(6, 4), provider: null);
        var month = int.Parse(value.AsSpan(10, 2), provider: null);
        var day = int.Parse(value.AsSpan(12, 2), provider: null);
        if (year < 1900 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }
        return today is not { } t || new LocalDate(year, month, day) <= t;
    }

    /// <summary>统一社会信用代码 (GB 32100-2015): 18 characters from the code set, the last a MOD 31 check character.</summary>
    public static bool IsValidCreditCode(string? value)
    {
        if (value is null || value.Length != 18)
        {
            return false;
        }
        return CreditCodeCheckChar(value.AsSpan(0, 17)) is { } check && value[17] == check;
    }

    /// <summary>The 17 digits with their check character appended: for generated (demo and test) applicants.</summary>
    public static string CompleteResidentId(string first17) =>
        first17.Length == 17 && ResidentIdCheckChar(first17) is { } check
            ? first17 + check
            : throw new ArgumentException("17 digits expected.", nameof(first17));

    /// <summary>The 17 characters with their MOD 31 check character appended.</summary>
    public static string CompleteCreditCode(string first17) =>
        first17.Length == 17 && CreditCodeCheckChar(first17) is { } check
            ? first17 + check
            : throw new ArgumentException("17 characters of the credit-code set expected.", nameof(first17));

    /// <summary>ISO 7064 MOD 11-2 over 17 digits; null if any is not a digit.</summary>
    private static char? ResidentIdCheckChar(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(first17[i]))
            {
                return null;
            }
            sum += (first17[i] - '0') * ResidentIdWeights[i];
        }
        return ResidentIdCheckChars[sum % 11];
    }

    /// <summary>GB 32100-2015 MOD 31 over 17 characters; null if any is outside the code set.</summary>
    private static char? CreditCodeCheckChar(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var v = CreditCodeChars.IndexOf(first17[i]);
            if (v < 0)
            {
                return null;
            }
            sum += v * CreditCodeWeights[i];
        }
        return CreditCodeChars[(31 - (sum % 31)) % 31];
    }
}
