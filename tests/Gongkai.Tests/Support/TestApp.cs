using Gongkai.Application;
using Gongkai.Application.Accounts;
using Gongkai.Application.Agencies;
using Gongkai.Application.Catalog;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Catalog;
using Gongkai.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Support;

/// <summary>
/// One running platform for one test: a fresh database, the real host on it, and helpers that act through the
/// application's own services (set up the platform, add agencies and staff, draft items).
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    public const string AdminPassword = "Admin12345x";
    public const string StaffPassword = "Staff12345x";

    private TestApp(TestDatabase database, GongkaiFactory factory)
    {
        Database = database;
        Factory = factory;
    }

    public TestDatabase Database { get; }
    public GongkaiFactory Factory { get; }
    public FakeClock Clock => Factory.Clock;
    public DatabaseProvider Provider => Database.Provider;

    public static async Task<TestApp> StartAsync(DatabaseProvider provider, PostgresServer postgres, bool kestrel = false)
    {
        var database = await TestDatabase.CreateMigratedAsync(provider, postgres);
        var factory = new GongkaiFactory(database, new FakeClock(), kestrel);
        try
        {
            // Building the host runs Program: the schema is created and the roles seeded.
            _ = kestrel ? factory.ServerAddress : factory.Server.BaseAddress;
        }
        catch
        {
            await factory.DisposeAsync();
            await database.DisposeAsync();
            throw;
        }
        return new TestApp(database, factory);
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>
    /// Runs <paramref name="action"/> with a fresh DI scope (a fresh DbContext), like one web request. The harness arranges
    /// and inspects every agency's records as the platform itself, like the command line; the use cases still check the
    /// actor they are given. AgencyScopeTests bind the scope to staff.
    /// </summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AgencyScope>().ActAsSystem();
        return await action(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> action) =>
        InScopeAsync(async sp =>
        {
            await action(sp);
            return true;
        });

    public Task<T> WithDbAsync<T>(Func<GongkaiDbContext, Task<T>> query) =>
        InScopeAsync(sp => query(sp.GetRequiredService<GongkaiDbContext>()));

    public Task<T> WithItemsAsync<T>(Func<ItemService, Task<T>> action) =>
        InScopeAsync(sp => action(sp.GetRequiredService<ItemService>()));

    /// <summary>First-run setup: top agency <paramref name="code"/> and the administrator <c>admin</c>.</summary>
    public Task<Agency> SetUpAsync(string code = "000014349", string name = "示例县人民政府") =>
        InScopeAsync(sp => sp.GetRequiredService<PlatformSetupService>().SetUpAsync(
            new SetupInput("示例县政府信息公开平台", code, name, AgencyKind.Government, "admin", "管理员", AdminPassword),
            TestContext.Current.CancellationToken));

    /// <summary>A subordinate agency (a department) created by the platform.</summary>
    public Task<Agency> AddAgencyAsync(string code, string name, int? parentId, AgencyKind kind = AgencyKind.Department) =>
        InScopeAsync(sp => sp.GetRequiredService<AgencyService>().CreateAsync(StaffContext.System(),
            new NewAgency(code, name, kind, parentId), TestContext.Current.CancellationToken));

    /// <summary>A member of staff with the given roles, through PlatformSetupService.CreateUserAsync; returns how they act.</summary>
    public async Task<StaffContext> AddStaffAsync(string userName, int agencyId, params string[] roles)
    {
        var user = await InScopeAsync(sp => sp.GetRequiredService<PlatformSetupService>().CreateUserAsync(userName, userName, StaffPassword, agencyId, roles));
        return new StaffContext(user.Id, user.UserName!, agencyId, roles.ToHashSet(), "127.0.0.1");
    }

    public async Task<StaffContext> AdminAsync()
    {
        var admin = await WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == "admin", TestContext.Current.CancellationToken));
        return new StaffContext(admin.Id, "admin", admin.AgencyId, new HashSet<string> { StaffRole.PlatformAdmin, StaffRole.AgencyAdmin }, "127.0.0.1");
    }

    public Task<int> ColumnIdAsync(int agencyId, string key = "art20-01") =>
        WithDbAsync(db => db.Columns.Where(c => c.AgencyId == agencyId && c.Key == key).Select(c => c.Id).SingleAsync(TestContext.Current.CancellationToken));

    /// <summary>A complete, valid 主动公开 item in the agency's 第二十条第（一）项 column (a 其他 document: no validity).</summary>
    public async Task<ItemInput> ValidInputAsync(int agencyId, string title = "关于做好2025年春耕生产工作的通知", string? docNo = null) =>
        new()
        {
            ColumnId = await ColumnIdAsync(agencyId, "art20-11"),
            Title = title,
            PublishingOrg = "示例县人民政府办公室",
            WrittenOn = Clock.Today.AddDays(-3),
            FormedOn = Clock.Today.AddDays(-2),
            DocNo = docNo,
            DisclosureMode = DisclosureMode.Proactive,
            BodyHtml = "<p>各乡镇人民政府，县直各部门：</p><p>现将有关事项通知如下。</p>",
        };

    public Task<Item> DraftAsync(StaffContext editor, ItemInput input) =>
        WithItemsAsync(s => s.CreateAsync(editor, editor.AgencyId, input, TestContext.Current.CancellationToken));

    /// <summary>Drafted by <paramref name="editor"/>, submitted, approved by <paramref name="reviewer"/>: published.</summary>
    public async Task<Item> PublishAsync(StaffContext editor, StaffContext reviewer, ItemInput input)
    {
        var item = await DraftAsync(editor, input);
        await WithItemsAsync(s => s.SubmitAsync(editor, item.Id, TestContext.Current.CancellationToken));
        return await WithItemsAsync(s => s.ApproveLatestAsync(reviewer, item.Id, secrecyReviewed: true, "同意发布", TestContext.Current.CancellationToken));
    }

    /// <summary>An HTTP client on the in-memory host, optionally with a staff API token.</summary>
    public HttpClient Client(string? bearerToken = null)
    {
        var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (bearerToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearerToken);
        }
        return client;
    }

    /// <summary>Signs <paramref name="client"/> in to the back office through the login form (the client keeps the cookie).</summary>
    public async Task SignInAsync(HttpClient client, string userName, string password = StaffPassword)
    {
        var form = await client.GetStringAsync("/staff/login", TestContext.Current.CancellationToken);
        var token = FormFields.AntiforgeryToken(form);
        using var post = await client.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }), TestContext.Current.CancellationToken);
        if (post.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)post.StatusCode}.");
        }
    }

    /// <summary>Issues an API token for a user the way staff do (only its hash is stored); optionally revokes it.</summary>
    public async Task<string> IssueTokenAsync(StaffContext staff, bool revoked = false) =>
        await InScopeAsync(async sp =>
        {
            var accounts = sp.GetRequiredService<AccountService>();
            var token = await accounts.CreateTokenAsync(staff, "测试令牌", 30);
            if (revoked)
            {
                var id = (await accounts.TokensAsync(staff)).First().Id;
                await accounts.RevokeTokenAsync(staff, id);
            }
            return token;
        });
}
