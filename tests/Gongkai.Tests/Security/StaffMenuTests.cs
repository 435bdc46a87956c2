using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Domain.Agencies;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Security;

/// <summary>The back-office menu shows each role what it may open, and each of those pages opens; the header says who is signed in.</summary>
public sealed partial class StaffMenuTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task EachRole_SeesOnlyTheMenuEntriesItMayUse_AndEachOneOpens(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var top = await app.SetUpAsync();
        var edu = await app.AddAgencyAsync("000014350", "示例县教育局", top.Id);
        var menus = new Dictionary<string, List<string>>();
        var failures = new List<string>();
        foreach (var (userName, password) in StaffRole.All.Where(r => r != StaffRole.PlatformAdmin).Select(r => (r, TestApp.StaffPassword)).Append(("admin", TestApp.AdminPassword)))
        {
            if (userName != "admin")
            {
                await app.AddStaffAsync(userName, userName == StaffRole.Supervisor ? top.Id : edu.Id, userName);
            }
            using var client = app.Client();
            await app.SignInAsync(client, userName, password);
            var home = await client.GetStringAsync("/staff", Ct);
            var links = MenuLink().Matches(Nav().Match(home).Value).Select(m => m.Groups[1].Value).ToList();
            menus[userName] = links;
            foreach (var link in links)
            {
                using var response = await client.GetAsync(link, Ct);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{userName} {link}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.Empty(failures);
        Assert.Equal(["/staff", "/staff/items", "/staff/items/new", "/staff/requests", "/staff/requests/deadlines", "/staff/appeals", "/staff/reports", "/staff/calendar", "/staff/tokens", "/staff/account/2fa"], menus[StaffRole.Editor]);
        Assert.Equal(["/staff", "/staff/items", "/staff/review", "/staff/requests", "/staff/requests/deadlines", "/staff/appeals", "/staff/reports", "/staff/calendar", "/staff/tokens", "/staff/account/2fa"], menus[StaffRole.Reviewer]);
        Assert.Equal(["/staff", "/staff/items", "/staff/requests", "/staff/requests/deadlines", "/staff/appeals", "/staff/reports", "/staff/calendar", "/staff/agencies", "/staff/tokens", "/staff/account/2fa", "/staff/audit"], menus[StaffRole.Supervisor]);
        Assert.Contains("/staff/users", menus[StaffRole.AgencyAdmin]);
        Assert.Equal(15, menus["admin"].Count);
    }

    [Theory, BothDatabases]
    public async Task TheHeader_ShowsWhoIsSignedIn_TheirAgencyAndRole_AndOffersSigningOut(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var top = await app.SetUpAsync();
        await app.AddStaffAsync("clerk", top.Id, StaffRole.Editor);
        using var client = app.Client();
        await app.SignInAsync(client, "clerk");

        var who = Who().Match(await client.GetStringAsync("/staff/items", Ct)).Value;

        Assert.Contains("clerk", who, StringComparison.Ordinal);
        Assert.Contains("示例县人民政府", who, StringComparison.Ordinal);
        Assert.Contains(StaffRole.Label(StaffRole.Editor), who, StringComparison.Ordinal);
        Assert.Contains("退出", who, StringComparison.Ordinal);
    }

    [GeneratedRegex("<nav class=\"staff-nav\"[\\s\\S]*?</nav>")]
    private static partial Regex Nav();

    [GeneratedRegex("<a href=\"([^\"]+)\">")]
    private static partial Regex MenuLink();

    [GeneratedRegex("<div class=\"staff-who\">[\\s\\S]*?</div>")]
    private static partial Regex Who();
}
