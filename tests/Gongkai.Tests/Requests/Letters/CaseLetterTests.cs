using Gongkai.Application;
using Gongkai.Application.Accounts;
using Gongkai.Application.Agencies;
using Gongkai.Application.Requests.Letters;
using Gongkai.Domain.Fees;
using Gongkai.Domain.Requests;
using Gongkai.Domain.Requests.Letters;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Requests.Letters;

/// <summary>Every letter kind, as an office sends it: numbered, addressed, with its facts, signed and dated, Word and PDF.</summary>
public sealed class CaseLetterTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void HasTheLetterParts(LetterKit.Opened letter, string title, string? addressee, string date, params string[] facts)
    {
        foreach (var text in new[] { letter.Word, letter.Pdf })
        {
            Assert.Contains(title, text, StringComparison.Ordinal);
            Assert.Contains(letter.Letter.Number, text, StringComparison.Ordinal);
            if (addressee is not null)
            {
                Assert.Contains(addressee + "：", text, StringComparison.Ordinal);
            }
            Assert.Contains("示例县人民政府", text, StringComparison.Ordinal);
            Assert.Contains(date, text, StringComparison.Ordinal);
            foreach (var fact in facts)
            {
                Assert.True(text.Contains(fact, StringComparison.Ordinal), $"“{fact}” is missing from: {text}");
            }
            LetterKit.HasNoDoubledPunctuation(text);
        }
        Assert.Matches(@"^示政公开〔\d{4}〕\d+号$", letter.Letter.Number);
    }

    [Theory, BothDatabases]
    public async Task EachLetterKind_IsGeneratedInItsState_AndReopensWithItsRequiredParts(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        app.Today(D(2026, 3, 2));
        var record = await app.RegisterInPersonAsync(clerk);

        var receipt = await app.GenerateAndOpenAsync(clerk, record.Id, LetterKind.Receipt);
        app.Today(D(2026, 3, 3));
        await app.WithStepsAsync(s => s.RequestCorrectionAsync(clerk, record.Id, D(2026, 3, 3), D(2026, 3, 17), "请写明所需信息的年份和文件名称。。", Ct));
        var correction = await app.GenerateAndOpenAsync(clerk, record.Id, LetterKind.CorrectionNotice);
        app.Today(D(2026, 3, 6));
        await app.WithStepsAsync(s => s.ReceiveCorrectionAsync(clerk, record.Id, D(2026, 3, 5), false, Ct));
        await app.WithStepsAsync(s => s.StartConsultationAsync(clerk, record.Id, PauseKind.ThirdPartyConsultation, D(2026, 3, 6), "示例建设有限公司", Ct));
        var toThirdParty = await app.GenerateAndOpenAsync(clerk, record.Id, LetterKind.ThirdPartyConsultation);
        var toApplicant = await app.GenerateAndOpenAsync(clerk, record.Id, LetterKind.ConsultationNotice);
        app.Today(D(2026, 3, 30));
        await app.WithStepsAsync(s => s.EndConsultationAsync(clerk, record.Id, D(2026, 3, 13), Ct));
        var extended = await app.WithStepsAsync(s => s.ExtendAsync(clerk, record.Id, D(2026, 3, 30), 20, "王主任", "所涉信息分散于多个档案卷宗", Ct));
        var extension = await app.GenerateAndOpenAsync(clerk, record.Id, LetterKind.ExtensionNotice);
        app.Today(D(2026, 3, 31));
        await app.WithFeesAsync(s => s.IssueFeeNoticeAsync(clerk, record.Id, D(2026, 3, 31), FeeMethod.PerPage, 150, Ct));
        var fee = await app.GenerateAndOpenAsync(clerk, record.Id, LetterKind.FeeNotice);
        app.Today(D(2026, 4, 8));
        await app.WithFeesAsync(s => s.RecordPaymentAsync(clerk, record.Id, D(2026, 4, 2), Ct));
        await app.WithStepsAsync(s => s.DecideAsync(clerk, record.Id, RequestOutcomes.PartlyDisclosed.Key, null, "其中第3页载有第三方的商业秘密。", Ct));
        await app.WithStepsAsync(s => s.AnswerAsync(clerk, record.Id, null, Ct));
        var answer = await app.GenerateAndOpenAsync(clerk, record.Id, LetterKind.Answer);
        var service = await app.GenerateAndOpenAsync(clerk, record.Id, LetterKind.ServiceReceipt);

        HasTheLetterParts(receipt, "政府信息公开申请受理回执", ApplicantName, "2026年3月2日",
            "收到申请的日期为2026年3月2日", "第三十一条", "20个工作日内");
        HasTheLetterParts(correction, "政府信息公开申请补正告知书", ApplicantName, "2026年3月3日",
            "请写明所需信息的年份和文件名称。", "2026年3月17日前", "第三十条", "视为放弃申请");
        HasTheLetterParts(toThirdParty, "政府信息公开征求第三方意见函", "示例建设有限公司", "2026年3月6日", "第三十二条", "15个工作日内");
        Assert.DoesNotContain(ApplicantName, toThirdParty.Word, StringComparison.Ordinal);
        HasTheLetterParts(toApplicant, "政府信息公开申请征求第三方意见告知书", ApplicantName, "2026年3月6日", "第三十三条第三款", "不计算在答复期限内");
        HasTheLetterParts(extension, "政府信息公开申请延期答复告知书", ApplicantName, "2026年3月30日",
            "王主任", "所涉信息分散于多个档案卷宗", "延长20个工作日", $"至{extended.DueOn!.Value.Year}年{extended.DueOn.Value.Month}月{extended.DueOn.Value.Day}日");
        HasTheLetterParts(fee, "政府信息公开信息处理费收费通知书", ApplicantName, "2026年3月31日", "应缴信息处理费合计：1700.00元。", "在线获取");
        HasTheLetterParts(answer, "政府信息公开申请答复告知书", ApplicantName, "2026年4月8日",
            "部分公开", "其中第3页载有第三方的商业秘密。", "《中华人民共和国政府信息公开条例》第三十七条", "“电子文档”形式", "“在线获取”的方式",
            "申请行政复议（《中华人民共和国行政复议法》第二十条）", "第二十三条第一款第（四）项");
        Assert.DoesNotContain("六个月", answer.Word, StringComparison.Ordinal);
        HasTheLetterParts(service, "送达回证", null, "2026年4月8日", "送达文书名称政府信息公开申请答复告知书", "文号" + answer.Letter.Number, "受送达人" + ApplicantName, "送达方式在线获取", "送达地点" + Address, "送达人", "签收");
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], new[] { receipt, correction, toThirdParty, toApplicant, extension, fee, answer, service }.Select(l => l.Letter.Seq));
        Assert.Equal("示政公开〔2026〕7号", answer.Letter.Number);
    }

    [Theory, BothDatabases]
    public async Task RefusalLetters_Dated29December2023_KeepTheChoice_And2January2024_GoToReconsiderationFirst(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        await app.InScopeAsync(sp => sp.GetRequiredService<AgencyService>().UpdateContactAsync(StaffContext.System(), agency.Id,
            new NewAgency("", agency.Name, Gongkai.Domain.Agencies.AgencyKind.Government, null) { ReviewBody = "示例市人民政府" }, Ct));
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var before = await RefusedOnAsync(app, clerk, D(2023, 12, 18), D(2023, 12, 29));
        var after = await RefusedOnAsync(app, clerk, D(2023, 12, 18), D(2024, 1, 2));

        Assert.Contains("或者自收到本告知书之日起六个月内依法向人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）", before.Word, StringComparison.Ordinal);
        Assert.Contains("《中华人民共和国行政复议法》第九条", before.Word, StringComparison.Ordinal);
        Assert.Equal("示政公开〔2023〕1号", before.Letter.Number);
        Assert.Contains("六十日内向示例市人民政府申请行政复议（《中华人民共和国行政复议法》第二十条）", after.Word, StringComparison.Ordinal);
        Assert.Contains("自收到行政复议决定书之日起十五日内", after.Word, StringComparison.Ordinal);
        Assert.DoesNotContain("六个月", after.Word, StringComparison.Ordinal);
        Assert.DoesNotContain("六个月", after.Pdf, StringComparison.Ordinal);
        Assert.Equal("示政公开〔2024〕1号", after.Letter.Number);
        Assert.All(new[] { before.Word, after.Word }, t => Assert.DoesNotContain("第五十一条", t, StringComparison.Ordinal));
    }

    private static async Task<LetterKit.Opened> RefusedOnAsync(TestApp app, StaffContext clerk, DateOnly received, DateOnly answered)
    {
        app.Today(received);
        var record = await app.RegisterInPersonAsync(clerk);
        app.Today(answered);
        await app.WithStepsAsync(s => s.DecideAsync(clerk, record.Id, RequestOutcomes.WithheldStateSecret.Key, null, "属于国家秘密", Ct));
        await app.WithStepsAsync(s => s.AnswerAsync(clerk, record.Id, null, Ct));
        return await app.GenerateAndOpenAsync(clerk, record.Id, LetterKind.Answer);
    }

    [Theory, BothDatabases]
    public async Task ADisclosedAnswer_KeepsTheChoice_AndSaysHowTheInformationIsProvided(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        app.Today(D(2026, 3, 2));
        var record = await app.RegisterInPersonAsync(clerk);
        await app.WithStepsAsync(s => s.DecideAsync(clerk, record.Id, RequestOutcomes.Disclosed.Key, null, null, Ct));

        var letter = await app.GenerateAndOpenAsync(clerk, record.Id, LetterKind.Answer);

        Assert.Contains("或者自收到本告知书之日起六个月内依法向人民法院提起行政诉讼", letter.Word, StringComparison.Ordinal);
        Assert.Contains(RemedyNotice.GenericReviewBody, letter.Word, StringComparison.Ordinal);
        Assert.Contains("所申请信息以“电子文档”形式，通过“在线获取”的方式提供", letter.Word, StringComparison.Ordinal);
        LetterKit.HasNoDoubledPunctuation(letter.Word);
    }

    [Theory, BothDatabases]
    public async Task ADepartmentsRefusal_NamesItsCountyGovernmentAsTheReviewBody_WhenNoneIsConfigured(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var county = await app.SetUpAsync();
        var bureau = await app.AddAgencyAsync("000014350", "示例县教育局", county.Id);
        var clerk = await app.AddStaffAsync("clerk", bureau.Id, Roles.Editor);

        var letter = await RefusedOnAsync(app, clerk, D(2026, 3, 2), D(2026, 3, 9));

        // 《行政复议法》(2023) 第二十四条第一款第（一）项: the 本级人民政府 decides 复议 against its departments.
        Assert.Contains("六十日内向示例县人民政府申请行政复议", letter.Word, StringComparison.Ordinal);
        Assert.Equal("示教公开〔2026〕1号", letter.Letter.Number);
    }

    [Theory, BothDatabases]
    public async Task ALetterTheStateHasNot_IsRefusedInChinese_AndNothingIsSaved(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var record = await app.RegisterInPersonAsync(clerk);
        var eventsBefore = await app.WithDbAsync(db => db.RequestEvents.CountAsync(e => e.RequestId == record.Id, Ct));

        var extension = await Assert.ThrowsAsync<ValidationException>(() => app.GenerateAsync(clerk, record.Id, LetterKind.ExtensionNotice));
        var service = await Assert.ThrowsAsync<ValidationException>(() => app.GenerateAsync(clerk, record.Id, LetterKind.ServiceReceipt));
        var unknown = await Assert.ThrowsAsync<ValidationException>(() => app.GenerateAsync(clerk, record.Id, (LetterKind)99));
        var available = await app.InScopeAsync(sp => sp.GetRequiredService<CaseLetters>().AvailableAsync(clerk, record.Id, Ct));

        Assert.Equal("本案未延长答复期限，不能生成延期答复告知书。", extension.Message);
        Assert.Equal("本案尚无已生成的告知书，不能生成送达回证。", service.Message);
        Assert.Equal("请选择文书种类。", unknown.Message);
        Assert.Equal([LetterKind.Receipt], available);
        Assert.Equal(0, await app.LetterCountAsync(record.Id));
        Assert.Equal(0, await app.WithDbAsync(db => db.RequestLetters.CountAsync(l => l.RequestId == record.Id, Ct)));
        Assert.Equal(eventsBefore, await app.WithDbAsync(db => db.RequestEvents.CountAsync(e => e.RequestId == record.Id, Ct)));
    }

    [Theory, BothDatabases]
    public async Task LettersGeneratedAtOnce_NeverShareANumber(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var cases = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            cases.Add((await app.RegisterInPersonAsync(clerk)).Id);
        }

        var issued = await Task.WhenAll(cases.Concat(cases).Select(id => Task.Run(() => app.GenerateAsync(clerk, id, LetterKind.Receipt), Ct)));
        var stored = await app.WithDbAsync(db => db.IssuedLetters.Where(l => l.AgencyId == agency.Id).Select(l => l.Seq).ToListAsync(Ct));

        Assert.Equal(Enumerable.Range(1, 12), issued.Select(l => l.Seq).Order());
        Assert.Equal(Enumerable.Range(1, 12), stored.Order());
        Assert.Equal(12, issued.Select(l => l.Number).Distinct().Count());
    }

    [Theory]
    [InlineData("示例县人民政府", null, "示政公开")]
    [InlineData("示例县教育局", null, "示教公开")]
    [InlineData("示例县人民政府办公室", null, "示政公开")]
    [InlineData("示例县教育局", "示教依复", "示教依复")]
    public void ThePrefix_IsConfiguredOrDerivedFromTheShortName(string name, string? configured, string expected) =>
        Assert.Equal(expected, LetterNumbers.PrefixOf(new Agency { Code = "1", Name = name, LetterPrefix = configured }));

    [Theory, BothDatabases]
    public async Task APrefixWithItsOwnBrackets_IsRefusedInChinese_AndTheAgencyKeepsItsSettings(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();

        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.InScopeAsync(sp => sp.GetRequiredService<AgencyService>().UpdateContactAsync(
            StaffContext.System(), agency.Id, new NewAgency("", "示例县人民政府", Gongkai.Domain.Agencies.AgencyKind.Government, null)
            {
                ReviewBody = "示例市人民政府", LetterPrefix = "示政〔公开〕",
            }, Ct)));
        var stored = await app.WithDbAsync(db => db.Agencies.SingleAsync(a => a.Id == agency.Id, Ct));

        Assert.Equal("文号的机关代字不超过20个字，且不含括号或“号”字（例如：示政公开）。", refused.Message);
        Assert.Null(stored.ReviewBody);
        Assert.Null(stored.LetterPrefix);
    }
}
