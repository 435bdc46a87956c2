using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Requests.Letters;
using Gongkai.Application.Requests.Privacy;
using Gongkai.Domain.Requests.Letters;
using Gongkai.Web.Errors;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Requests;

/// <summary>
/// A case's letters: generates one of the kinds its state allows and goes back to the case page; downloads a file. A
/// refused letter (a state without it) is shown here with the panel, nothing saved.
/// </summary>
[RequirePermission(Permission.RequestsView)]
public sealed class LettersModel(CaseLetters letters, RequestFiles files, CurrentStaff staff) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }

    public LettersPanel Panel { get; private set; } = null!;

    /// <summary>The case page shows it after the redirect (its own TempData key).</summary>
    [TempData] public string? Message { get; set; }

    public Task OnGetAsync() => RedisplayAsync();

    /// <remarks>The kind is bound as text: an unknown value gets the use case's Chinese message, not the binder's English one.</remarks>
    public async Task<IActionResult> OnPostAsync(string? kind)
    {
        var known = Enum.TryParse<LetterKind>(kind, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed);
        var issued = await letters.GenerateAsync(staff.Context, Id, known ? parsed : 0, HttpContext.RequestAborted);
        Message = $"已生成{issued.Kind.Label()}（{issued.Number}），Word 和 PDF 见“文书”。";
        return RedirectToPage("Details", new { id = Id });
    }

    public async Task<IActionResult> OnGetFileAsync(Guid fileId) =>
        await files.LetterForStaffAsync(staff.Context, Id, fileId, HttpContext.RequestAborted) is { } file
            ? File(file.Data, file.ContentType, file.FileName)
            : NotFound();

    public async Task RedisplayAsync() => Panel = await LettersPanel.LoadAsync(letters, staff, Id, HttpContext.RequestAborted);
}

/// <summary>What the letters panel shows: the case's letters and the kinds its present state allows.</summary>
public sealed record LettersPanel(long RequestId, IReadOnlyList<CaseLetter> Letters, IReadOnlyList<LetterKind> Available, bool CanGenerate)
{
    public static async Task<LettersPanel> LoadAsync(CaseLetters letters, CurrentStaff staff, long requestId, CancellationToken ct) =>
        new(requestId, await letters.ListAsync(staff.Context, requestId, ct), await letters.AvailableAsync(staff.Context, requestId, ct),
            staff.Context.Has(Permission.RequestsHandle));
}
