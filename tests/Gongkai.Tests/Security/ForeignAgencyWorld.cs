using System.Text;
using Gongkai.Application.Accounts;
using Gongkai.Application.Agencies;
using Gongkai.Application.Requests;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Requests;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Security;

/// <summary>
/// Two sibling departments under the county government: our staff (one account per agency-bound role) work in
/// <see cref="Own"/>; <see cref="Foreign"/> holds one of everything the back office can address by id or code.
/// </summary>
public sealed class ForeignAgencyWorld
{
    public const string DraftMarker = "外单位草稿勿外泄";
    public const string RequestMarker = "外单位申请内容勿外泄";

    public required Agency Own { get; init; }
    public required Agency Foreign { get; init; }
    public required IReadOnlyDictionary<string, StaffContext> OwnStaff { get; init; }
    public required StaffContext ForeignEditor { get; init; }
    public required long ItemId { get; init; }
    public required long PublishedItemId { get; init; }
    public required Guid ItemAttachmentId { get; init; }
    public required long RequestId { get; init; }
    public required string RequestTrackingCode { get; init; }
    public required Guid RequestAttachmentId { get; init; }
    public required long AppealId { get; init; }
    public required int TokenId { get; init; }
    public required int ColumnId { get; init; }

    /// <summary>Roles bound to one agency: each has a foreign agency. (The platform admin's scope is the whole tree.)</summary>
    public static IReadOnlyList<string> AgencyRoles { get; } = [StaffRole.AgencyAdmin, StaffRole.Editor, StaffRole.Reviewer, StaffRole.Supervisor];

    public static async Task<ForeignAgencyWorld> BuildAsync(TestApp app, CancellationToken ct)
    {
        var top = await app.SetUpAsync();
        var own = await app.AddAgencyAsync("000014350", "示例县教育局", top.Id);
        var foreign = await app.AddAgencyAsync("000014360", "示例县卫生健康局", top.Id);
        var staff = new Dictionary<string, StaffContext>();
        foreach (var role in AgencyRoles)
        {
            staff[role] = await app.AddStaffAsync("own-" + role.ToLowerInvariant(), own.Id, role);
        }
        var editor = await app.AddStaffAsync("foreign-editor", foreign.Id, StaffRole.Editor);
        var reviewer = await app.AddStaffAsync("foreign-reviewer", foreign.Id, StaffRole.Reviewer);
        var draft = await app.DraftAsync(editor, await app.ValidInputAsync(foreign.Id, DraftMarker));
        var attachment = await app.WithItemsAsync(s => s.AddAttachmentAsync(editor, draft.Id, "通知.pdf", Pdf(), ct));
        var published = await app.PublishAsync(editor, reviewer, await app.ValidInputAsync(foreign.Id, "外单位已发布的通知"));
        var registered = await app.WithIntakeAsync(s => s.RegisterAsync(editor, foreign.Id, SubmissionChannel.InPerson,
            Marked(), app.Clock.Today, null, null, ("来信.pdf", Pdf()), ct));
        var appeal = await app.WithAppealsAsync(s => s.AddAppealAsync(editor, registered.Record.Id, AppealKind.Reconsideration,
            app.Clock.Today, "示例市人民政府", null, ct));
        await app.IssueTokenAsync(editor);
        return new ForeignAgencyWorld
        {
            Own = own,
            Foreign = foreign,
            OwnStaff = staff,
            ForeignEditor = editor,
            ItemId = draft.Id,
            PublishedItemId = published.Id,
            ItemAttachmentId = attachment.Id,
            RequestId = registered.Record.Id,
            RequestTrackingCode = registered.Record.TrackingCode,
            RequestAttachmentId = await app.WithDbAsync(db => db.RequestAttachments.Where(a => a.RequestId == registered.Record.Id).Select(a => a.Id).SingleAsync(ct)),
            AppealId = appeal.Id,
            TokenId = await app.WithDbAsync(db => db.ApiTokens.Where(t => t.UserId == editor.UserId).Select(t => t.Id).SingleAsync(ct)),
            ColumnId = await app.ColumnIdAsync(foreign.Id),
        };
    }

    /// <summary>The foreign record or code a parameter of this name addresses on this route; null for a parameter that names none.</summary>
    public string? Reference(string route, string name) => name.ToLowerInvariant() switch
    {
        "id" when route.Contains("requests", StringComparison.Ordinal) => Str(RequestId),
        "id" when route.Contains("items", StringComparison.Ordinal) => Str(ItemId),
        "id" => Str(TokenId),
        "appealid" => Str(AppealId),
        "attachmentid" => route.Contains("requests", StringComparison.Ordinal) ? RequestAttachmentId.ToString() : ItemAttachmentId.ToString(),
        "letterid" => Guid.NewGuid().ToString(),
        "userid" => ForeignEditor.UserId,
        "agency" or "agencyid" => Str(Foreign.Id),
        "parentid" or "columnid" => Str(ColumnId),
        "code" when route.Contains("requests", StringComparison.Ordinal) => RequestTrackingCode,
        "code" => Foreign.Code,
        "year" => Str(2025),
        _ => null,
    };

    private static string Str(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Gongkai.Application.Requests.Intake.RequestForm Marked()
    {
        var input = Input();
        input.Description = RequestMarker;
        return input;
    }

    private static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
}
