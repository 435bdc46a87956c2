using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Demo;

/// <summary>The setup page's 载入示例县演示数据 button, over HTTP without a browser.</summary>
public sealed partial class DemoSetupPageTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task SetupPageDemoButton_OnEmptyPlatform_LoadsDemoCountyShownOnPortal(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        using var client = app.Client();
        using var form = await client.GetAsync("/setup", Ct);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var token = FormFields.AntiforgeryToken(await form.Content.ReadAsStringAsync(Ct));
        Assert.NotEmpty(token);

        using var posted = await client.PostAsync("/setup?handler=Demo",
            new FormUrlEncodedContent([new("__RequestVerificationToken", WebUtility.HtmlDecode(token))]), Ct);

        var page = await posted.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Matches(@"已载入演示数据“示例县”：46 个单位，\d{4,} 条信息。", page);
        Assert.Contains("demo-admin", page, StringComparison.Ordinal);

        using var home = await client.GetAsync("/", Ct);
        var portal = await home.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("示例县人民政府", portal, StringComparison.Ordinal);
        Assert.Contains("演示", portal, StringComparison.Ordinal);

        // Once loaded, the setup page is closed: a second POST redirects home and loads nothing.
        using var again = await client.PostAsync("/setup?handler=Demo",
            new FormUrlEncodedContent([new("__RequestVerificationToken", WebUtility.HtmlDecode(token))]), Ct);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }
}
