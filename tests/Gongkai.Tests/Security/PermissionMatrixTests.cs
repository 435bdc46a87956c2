using System.Net;
using System.Net.Http.Json;
using System.Text;
using Gongkai.Application.Audit;
using Gongkai.Application.Requests;
using Gongkai.Domain.Agencies;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Security;

/// <summary>
/// The generated matrix: every staff page (GET, and each POST handler) and every staff API endpoint, called by every
/// agency-bound role and by a signed-out visitor, each time with the ids and codes of a sibling agency. Each call is
/// refused (401, 403, 404, or a redirect to the login or "no access" page) — or, where the route names no record (an
/// own-agency list or form), answers without a trace of the foreign agency — and afterwards the database is unchanged.
/// </summary>
public sealed class PermissionMatrixTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task EveryStaffPageAndEndpoint_CalledByEveryRoleWithAForeignAgencysIds_IsRefused_AndChangesNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var world = await ForeignAgencyWorld.BuildAsync(app, Ct);
        var calls = await StaffSurface.EnumerateAsync(app.Factory.Services);
        var callers = new List<Caller>();
        foreach (var (role, staff) in world.OwnStaff)
        {
            callers.Add(await Caller.SignInAsync(app, StaffRole.Label(role), staff));
        }
        callers.Add(new Caller("未登录", app.Client(), app.Client(), null));
        // The answer-letter templates are written with their defaults on first use; first use is not what is measured.
        await app.InScopeAsync(sp => sp.GetRequiredService<AnswerLetters>().TemplatesAsync(Ct));
        // Every table but the audit trail must stay as it was; the audit trail may only gain refusals logged in the
        // actor's own agency (never an entry naming the foreign agency).
        string[] auditTrail = ["AuditEntries", "AuditChainHeads"];
        var before = await app.WithDbAsync(db => DatabaseFingerprint.TakeAsync(db, Ct, auditTrail));
        var auditBefore = await app.WithDbAsync(db => db.AuditEntries.MaxAsync(e => (long?)e.Seq, Ct)) ?? 0;

        var failures = new List<string>();
        var requests = 0;
        var answeredWithoutForeignData = 0;
        foreach (var call in calls.Where(c => !StaffSurface.AllowAnonymous.Contains(c.Route)))
        {
            foreach (var step in Steps(call))
            {
                foreach (var caller in callers)
                {
                    using var request = Build(call, step, world, caller);
                    using var response = await (call.IsPage ? caller.Pages : caller.Api).SendAsync(request, Ct);
                    requests++;
                    var body = await response.Content.ReadAsStringAsync(Ct);
                    if (IsRefusal(response))
                    {
                        continue;
                    }
                    var namesARecord = call.RouteParameters.Any(p => p != "step");
                    var leaks = body.Contains(ForeignAgencyWorld.DraftMarker, StringComparison.Ordinal)
                        || body.Contains(ForeignAgencyWorld.RequestMarker, StringComparison.Ordinal);
                    if (namesARecord || leaks || response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.BadRequest))
                    {
                        failures.Add($"{caller.Name} {request.Method} {request.RequestUri}: {(int)response.StatusCode} {response.Headers.Location}{(leaks ? "（泄露外单位数据）" : "")}");
                    }
                    else
                    {
                        answeredWithoutForeignData++;
                    }
                }
            }
        }
        var after = await app.WithDbAsync(db => DatabaseFingerprint.TakeAsync(db, Ct, auditTrail));
        var newAudit = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Seq > auditBefore).Select(e => new { e.Action, e.AgencyId }).ToListAsync(Ct));

        var endpoints = calls.Where(c => !StaffSurface.AllowAnonymous.Contains(c.Route)).Sum(c => Steps(c).Count());
        var summary = $"权限矩阵（{provider}）：{endpoints} 个页面处理程序/端点（API 办理步骤逐一计入）× {callers.Count} 个角色（{string.Join("、", callers.Select(c => c.Name))}）= {requests} 次调用；"
            + $"其中 {requests - answeredWithoutForeignData} 次被拒绝，{answeredWithoutForeignData} 次为本单位列表或表单且未含外单位数据。";
        Console.WriteLine(summary);
        TestContext.Current.SendDiagnosticMessage(summary);
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        Assert.True(endpoints > 60, $"Only {endpoints} staff calls found: the enumeration lost some.");
        Assert.True(failures.Count == 0, "Not refused:\n" + string.Join("\n", failures));
        Assert.Empty(before.Where(t => after[t.Key] != t.Value).Select(t => $"{t.Key}: {t.Value} → {after[t.Key]}"));
        Assert.All(newAudit, e =>
        {
            Assert.EndsWith(".refused", e.Action, StringComparison.Ordinal);
            Assert.NotEqual(world.Foreign.Id, e.AgencyId);
        });
        var chain = await app.WithDbAsync(db => AuditChainVerifier.VerifyAsync(db, Ct));
        Assert.True(chain.IsIntact, chain.Problem);
    }

    /// <summary>The API's step endpoint is one route for a dozen steps; the matrix calls each (they are listed in its summary).</summary>
    private static IEnumerable<string?> Steps(StaffCall call) =>
        call.RouteParameters.Contains("step")
            ? [.. call.Summary![(call.Summary!.IndexOf('：') + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]
            : [(string?)null];

    private static HttpRequestMessage Build(StaffCall call, string? step, ForeignAgencyWorld world, Caller caller)
    {
        var path = StaffSurface.Fill(call.Route, name => name == "step" ? step! : world.Reference(call.Route, name) ?? "0");
        // References the handler binds (other than those already in the route) carry the foreign agency's values too;
        // every other field stays empty, so a form that names nothing foreign fails validation instead of saving.
        var references = call.Parameters
            .Where(p => !call.RouteParameters.Contains(p, StringComparer.OrdinalIgnoreCase))
            .Select(p => (Name: p, Value: world.Reference(call.Route, p)))
            .Where(p => p.Value is not null)
            .Select(p => KeyValuePair.Create(p.Name, p.Value!))
            .ToList();
        if (call.Parameters.Contains("Form"))
        {
            references.Add(KeyValuePair.Create("Form.ColumnId", world.Reference(call.Route, "columnId")!));
        }
        if (!call.IsPage)
        {
            path += $"?agency={world.Foreign.Id}";
        }
        var query = new List<string>();
        if (call.Handler is not null)
        {
            query.Add("handler=" + call.Handler);
        }
        var method = new HttpMethod(call.Method);
        if (call.IsPage && method == HttpMethod.Get)
        {
            query.AddRange(references.Select(r => $"{r.Key}={Uri.EscapeDataString(r.Value)}"));
        }
        var url = path + (query.Count > 0 ? (path.Contains('?') ? "&" : "?") + string.Join('&', query) : "");
        var request = new HttpRequestMessage(method, url);
        if (method == HttpMethod.Get)
        {
            return request;
        }
        if (call.IsPage)
        {
            var fields = new List<KeyValuePair<string, string>>(references);
            if (caller.AntiforgeryToken is { } token)
            {
                fields.Add(KeyValuePair.Create("__RequestVerificationToken", token));
            }
            request.Content = new FormUrlEncodedContent(fields);
        }
        else
        {
            // One body valid for every staff endpoint (unknown members are ignored), so that each call gets past input
            // checks to the question the matrix asks: may this caller touch that record?
            request.Content = JsonContent.Create(new Dictionary<string, object>
            {
                ["agencyId"] = world.Foreign.Id, ["columnId"] = world.ColumnId, ["columnKey"] = "art20-11", ["title"] = ForeignAgencyWorld.DraftMarker,
                ["publishingOrg"] = "示例县卫生健康局", ["disclosureMode"] = "Proactive", ["bodyHtml"] = "<p>正文</p>", ["outcome"] = "disclosed",
                ["reason"] = "理由", ["dueOn"] = "2025-04-30", ["content"] = "请补正", ["days"] = 20, ["approvedBy"] = "李主任", ["method"] = "PerPage",
                ["quantity"] = 10, ["secrecyReviewed"] = true, ["note"] = "同意", ["channel"] = "InPerson",
                ["applicant"] = new Dictionary<string, string> { ["name"] = "外单位申请人" },
            });
        }
        return request;
    }

    private static bool IsRefusal(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.AbsolutePath is "/staff/login" or "/staff/denied");

    /// <summary>A role's two ways in: the back-office cookie for pages, an API token for the staff API.</summary>
    private sealed record Caller(string Name, HttpClient Pages, HttpClient Api, string? AntiforgeryToken)
    {
        public static async Task<Caller> SignInAsync(TestApp app, string name, Gongkai.Application.Accounts.StaffContext staff)
        {
            var pages = app.Client();
            await app.SignInAsync(pages, staff.UserName);
            // Any page with a form gives the token; every role may open its own API tokens page.
            var token = FormFields.AntiforgeryToken(await pages.GetStringAsync("/staff/tokens", Ct));
            var api = app.Client(await app.IssueTokenAsync(staff));
            // The first use stamps the token's LastUsedAt; done here so that the fingerprint afterwards sees only the matrix.
            using var warm = await api.GetAsync("/api/v1/staff/requests", Ct);
            return new Caller(name, pages, api, token);
        }
    }
}
