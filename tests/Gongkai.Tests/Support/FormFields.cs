using System.Text.RegularExpressions;

namespace Gongkai.Tests.Support;

/// <summary>Hidden fields the tests read from rendered forms before posting them.</summary>
public static partial class FormFields
{
    /// <summary>The antiforgery token ASP.NET Core renders in every POST form, decoded.</summary>
    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("No antiforgery token on the page.");

    /// <summary>A posted form: the antiforgery token and the given fields, as a browser would send them.</summary>
    public static FormUrlEncodedContent Encoded(string antiforgeryToken, params (string Name, string Value)[] fields) =>
        new([new("__RequestVerificationToken", antiforgeryToken), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);

    /// <summary>The application form's one-time submission key (group 1).</summary>
    [GeneratedRegex("name=\"Form.SubmissionKey\" value=\"([0-9a-f-]{36})\"")]
    public static partial Regex SubmissionKey();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
