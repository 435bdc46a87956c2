extern alias cli;

using System.Text.RegularExpressions;
using cli::Gongkai.Cli;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Cli;

/// <summary>The operator reads Chinese, one message per line, and an exit code that says what went wrong.</summary>
public sealed partial class MessagesTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UsageErrors_AreChinese_OnePerLine_WithoutDoubledPunctuation_AndExit2()
    {
        var cases = new[]
        {
            await GongkaiCli.RunOnAsync("Data Source=unused.db", "setup", "--agency-code", "000014349"),
            await GongkaiCli.RunOnAsync("Data Source=unused.db", "calendar", "add-workdays", "2026-09-30", "many"),
            await GongkaiCli.RunOnAsync("Data Source=unused.db", "calendar"),
            await GongkaiCli.RunOnAsync("Data Source=unused.db", "no-such-command"),
            await GongkaiCli.RunOnAsync("Data Source=unused.db", "setup", "--agency-code", "1", "--agency-name", "x", "--admin-user", "a", "--admin-password", "b", "--agency-kind", "County"),
        };

        Assert.All(cases, r =>
        {
            Assert.Equal(CliApp.UsageError, r.ExitCode);
            Assert.Equal("", r.Out);
            foreach (var line in r.Error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries))
            {
                Assert.DoesNotMatch(Latin(), line.Replace("--help", "", StringComparison.Ordinal));
                Assert.DoesNotContain("。.", line, StringComparison.Ordinal);
                Assert.DoesNotContain("“'", line, StringComparison.Ordinal);
            }
        });
        Assert.Contains("参数错误：缺少必填选项 --agency-name。", cases[0].Error, StringComparison.Ordinal);
        Assert.Contains("参数错误：参数“many”无效，应为整数。", cases[1].Error, StringComparison.Ordinal);
        Assert.Contains("参数错误：缺少子命令。", cases[2].Error, StringComparison.Ordinal);
        Assert.Contains("参数错误：无法识别的命令或参数“no-such-command”。", cases[3].Error, StringComparison.Ordinal);
        Assert.Contains("参数错误：选项 --agency-kind 的值“County”无效，可选：", cases[4].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_IsChinese_AndStatesTheExitCodes()
    {
        var root = await GongkaiCli.RunOnAsync("Data Source=unused.db", "--help");
        var setup = await GongkaiCli.RunOnAsync("Data Source=unused.db", "setup", "--help");

        Assert.Equal(0, root.ExitCode);
        Assert.Contains("退出码：0 成功；1 输入有误", root.Out, StringComparison.Ordinal);
        Assert.Contains("3 数据库无法连接", root.Out, StringComparison.Ordinal);
        Assert.Contains("显示帮助和用法", root.Out, StringComparison.Ordinal);
        foreach (var english in new[] { "Description:", "Usage:", "Options:", "Show help", "[default:", "(REQUIRED)" })
        {
            Assert.DoesNotContain(english, root.Out + setup.Out, StringComparison.Ordinal);
        }
        Assert.Contains("（必填）", setup.Out, StringComparison.Ordinal);
        Assert.Contains("--agency-kind <Government|Platform>", setup.Out, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Setup_WithADepartmentAsTopAgency_IsRefusedAsTheWebFormRefusesIt_AndNothingIsSaved(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);

        var result = await GongkaiCli.RunAsync(database, "setup", "--agency-code", "000014349", "--agency-name", "示例县财政局",
            "--agency-kind", "Department", "--admin-user", "admin", "--admin-password", GongkaiCli.AdminPassword);

        Assert.Equal(CliApp.BadInput, result.ExitCode);
        Assert.Equal("错误：顶级单位类型只能是县（市、区）人民政府或市级集约化平台（承载多个县）；部门、乡镇（街道）请在初始化后添加到顶级单位之下。" + Environment.NewLine, result.Error);
        Assert.Equal(0, await GongkaiCli.QueryAsync(database, db => db.Agencies.CountAsync(Ct)));
        Assert.Equal(0, await GongkaiCli.QueryAsync(database, db => db.Users.CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task AWeakPassword_IsRefused_OneProblemPerLine_WithoutDoubledPunctuation(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);

        var result = await GongkaiCli.RunAsync(database, "setup", "--agency-code", "000014349", "--agency-name", "示例县人民政府",
            "--admin-user", "admin", "--admin-password", "short");
        var lines = result.Error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(CliApp.BadInput, result.ExitCode);
        Assert.Contains("错误：密码太短（至少10位）。", lines);
        Assert.True(lines.Length > 1, result.ToString());
        Assert.All(lines, l => Assert.Matches("^错误：[^；]+。$", l));
        Assert.Equal(0, await GongkaiCli.QueryAsync(database, db => db.Agencies.CountAsync(Ct))); // all or nothing
    }

    [Fact]
    public async Task TheWebSetupForm_OffersOnlyTopLevelKinds_AndRefusesAPostedDepartmentWithTheSameMessage()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, postgres);
        using var client = app.Client();
        var form = await client.GetStringAsync("/setup", Ct);

        using var posted = await client.PostAsync("/setup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(FormFields.AntiforgeryToken(form)),
            ["Input.PlatformName"] = "示例县政府信息公开平台",
            ["Input.AgencyCode"] = "000014349",
            ["Input.AgencyName"] = "示例县财政局",
            ["Input.AgencyKind"] = "Department",
            ["Input.AdminUserName"] = "admin",
            ["Input.AdminPassword"] = GongkaiCli.AdminPassword,
        }), Ct);
        var page = await posted.Content.ReadAsStringAsync(Ct);

        Assert.Contains("value=\"Government\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"Department\"", form, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("顶级单位类型只能是县（市、区）人民政府或市级集约化平台（承载多个县）", page, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Agencies.CountAsync(Ct)));
    }

    /// <summary>A run of Latin words: an English sentence left untranslated (option names and values are allowed).</summary>
    [GeneratedRegex(@"\b(is|was|the|for|Cannot|Option|required|expected|Did you)\b")]
    private static partial Regex Latin();
}
