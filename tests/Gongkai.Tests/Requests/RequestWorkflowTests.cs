using Gongkai.Application;
using Gongkai.Application.Requests;
using Gongkai.Application.Requests.Intake;
using Gongkai.Documents;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Fees;
using Gongkai.Domain.Requests;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Requests;

/// <summary>A case through the request use cases: receipt (条例第三十一条), the clock, each refused step, closes, decision.</summary>
public sealed class RequestWorkflowTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task Register_EachChannel_TakesTheArticle31ReceiptDate(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        Task<NewRequest> Register(SubmissionChannel channel, DateOnly? submitted, DateOnly? signedFor, DateOnly? confirmed) =>
            app.WithIntakeAsync(s => s.RegisterAsync(clerk, agency.Id, channel, Input(), submitted, signedFor, confirmed, Ct));

        var inPerson = await Register(SubmissionChannel.InPerson, D(2025, 3, 10), null, null);
        var registered = await Register(SubmissionChannel.RegisteredPost, D(2025, 3, 5), D(2025, 3, 7), null);
        var ordinary = await Register(SubmissionChannel.OrdinaryLetter, D(2025, 3, 6), null, D(2025, 3, 11));
        var fax = await Register(SubmissionChannel.Fax, D(2025, 3, 12), null, D(2025, 3, 12));
        var unconfirmedEmail = await Register(SubmissionChannel.Email, D(2025, 3, 12), null, null);
        var online = await app.WithIntakeAsync(s => s.SubmitOnlineAsync(agency.Code, Input(), "127.0.0.1", null, Ct));
        var confirmedOnline = await app.WithStepsAsync(s => s.ConfirmReceiptAsync(clerk, online.Record.Id, D(2025, 3, 14), Ct));

        Assert.Equal(D(2025, 3, 10), inPerson.Record.ReceivedOn);
        Assert.Equal(D(2025, 3, 7), registered.Record.ReceivedOn); // signed for, not the postmark
        Assert.Equal(D(2025, 3, 11), ordinary.Record.ReceivedOn);
        Assert.Equal(D(2025, 3, 12), fax.Record.ReceivedOn);
        // No confirmation yet: no receipt date and no clock.
        Assert.Null(unconfirmedEmail.Record.State);
        Assert.Null(unconfirmedEmail.Record.ReceivedOn);
        Assert.Null(unconfirmedEmail.Record.DueOn);
        Assert.False(unconfirmedEmail.Record.ClockRunning);
        Assert.Null(online.Record.ReceivedOn);
        Assert.Equal(D(2025, 3, 14), confirmedOnline.ReceivedOn);
        Assert.Equal(RequestState.Received, confirmedOnline.State);
        Assert.Equal(D(2025, 4, 14), confirmedOnline.DueOn); // 20 working days; 清明 4–6 April 2025 not counted
    }

    [Theory, BothDatabases]
    public async Task Register_ConfirmationBeforeSubmission_IsRefused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var email = await app.WithIntakeAsync(s => s.RegisterAsync(clerk, agency.Id, SubmissionChannel.Email, Input(), D(2025, 3, 12), null, null, Ct));

        var ex = await Assert.ThrowsAsync<ValidationException>(() => app.WithStepsAsync(s => s.ConfirmReceiptAsync(clerk, email.Record.Id, D(2025, 3, 11), Ct)));

        Assert.Equal("确认日期不能早于提交日期（2025-03-12）。", ex.Message);
        Assert.Null((await app.LoadAsync(email.Record.Id)).State);
    }

    [Theory, BothDatabases]
    public async Task Register_WithAWrongCheckDigit_IsRefusedAndNothingIsSaved(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);

        var person = await Assert.ThrowsAsync<ValidationException>(() => app.WithIntakeAsync(s => s.RegisterAsync(clerk, agency.Id,
            SubmissionChannel.InPerson, Input(idNumber: "110105194912310021"), app.Clock.Today, null, null, Ct)));
        var company = await Assert.ThrowsAsync<ValidationException>(() => app.WithIntakeAsync(s => s.RegisterAsync(clerk, agency.Id,
            SubmissionChannel.InPerson, Input(ApplicantType.CommercialEnterprise, idNumber: "91110000802100433C"), app.Clock.Today, null, null, Ct)));

        Assert.Equal("居民身份证号码无效：请核对18位号码（含出生日期和末位校验码）。", person.Message);
        Assert.Equal("统一社会信用代码无效：请核对18位代码（含末位校验码）。", company.Message);
        Assert.Equal(0, await app.WithDbAsync(db => db.Requests.CountAsync(Ct)));
        Assert.Equal(0, await app.WithDbAsync(db => db.RequestEvents.CountAsync(Ct)));
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Request", Ct)));
    }

    [Theory, BothDatabases]
    public async Task Decide_BeforeTheDayOfReceipt_IsRefusedAndNothingIsSaved(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var record = await app.RegisterInPersonAsync(clerk, D(2025, 3, 12));

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            app.WithStepsAsync(s => s.DecideAsync(clerk, record.Id, RequestOutcomes.Disclosed.Key, D(2025, 3, 11), null, Ct)));

        Assert.Equal("决定日期不能早于收到申请之日。", ex.Message);
        await AssertUnchangedAsync(app, record);
    }

    [Theory, BothDatabases]
    public async Task Decide_OnAnApplicationNotYetConfirmed_IsRefused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var online = await app.WithIntakeAsync(s => s.SubmitOnlineAsync(agency.Code, Input(), null, null, Ct));

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            app.WithStepsAsync(s => s.DecideAsync(clerk, online.Record.Id, RequestOutcomes.Disclosed.Key, null, null, Ct)));

        Assert.Equal("该申请尚未确认收到，请先确认收到申请（条例第三十一条）。", ex.Message);
        await AssertUnchangedAsync(app, online.Record);
    }

    [Theory, BothDatabases]
    public async Task Decide_WhilePausedForConsultation_IsRefusedAndNothingIsSaved(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var record = await app.RegisterInPersonAsync(clerk, D(2025, 3, 10));
        var paused = await app.WithStepsAsync(s => s.StartConsultationAsync(clerk, record.Id, PauseKind.ThirdPartyConsultation, D(2025, 3, 12), "示例公司", Ct));

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            app.WithStepsAsync(s => s.DecideAsync(clerk, record.Id, RequestOutcomes.Disclosed.Key, null, null, Ct)));

        Assert.Equal("征求意见期间不能作出答复决定，请先登记意见回复或征求期限届满。", ex.Message);
        Assert.Equal(RequestState.ThirdPartyConsultation, paused.State);
        await AssertUnchangedAsync(app, paused);
    }

    [Theory, BothDatabases]
    public async Task Extend_ASecondTime_IsRefusedAndNothingIsSaved(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var record = await app.RegisterInPersonAsync(clerk, D(2025, 3, 10));
        var extended = await app.WithStepsAsync(s => s.ExtendAsync(clerk, record.Id, D(2025, 3, 12), 10, "李主任", "需调取档案", Ct));

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            app.WithStepsAsync(s => s.ExtendAsync(clerk, record.Id, null, 10, "李主任", "仍需时间", Ct)));

        Assert.Equal("答复期限只能延长一次（条例第三十三条第二款）。", ex.Message);
        Assert.Equal("李主任", extended.ExtensionApprovedBy);
        await AssertUnchangedAsync(app, extended);
    }

    [Theory, BothDatabases]
    public async Task FeeNotice_OnAFreeRequest_IsRefusedAndNothingIsSaved(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var record = await app.RegisterInPersonAsync(clerk, D(2025, 3, 10));

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            app.WithFeesAsync(s => s.IssueFeeNoticeAsync(clerk, record.Id, null, FeeMethod.PerPage, 30, Ct)));

        Assert.Equal("未超过免费额度的申请不收费，不能发出收费通知（国办函〔2020〕109号）。", ex.Message);
        await AssertUnchangedAsync(app, record);
        Assert.Null((await app.LoadAsync(record.Id)).FeeNoticeReceivedOn);
    }

    [Theory, BothDatabases]
    public async Task RefusedStep_ThroughTheStaffApi_Answers400WithTheRuleAndSavesNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var record = await app.RegisterInPersonAsync(clerk, D(2025, 3, 10));
        await app.WithStepsAsync(s => s.StartConsultationAsync(clerk, record.Id, PauseKind.InterAgencyConsultation, D(2025, 3, 11), "县财政局", Ct));
        using var client = app.Client(await app.IssueTokenAsync(clerk));

        var response = await client.PostAsJsonAsync($"/api/v1/staff/requests/{record.Id}/decide", new { outcome = "disclosed" }, Ct);
        var problem = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("征求意见期间不能作出答复决定", problem, StringComparison.Ordinal);
        Assert.Equal(RequestState.InterAgencyConsultation, (await app.LoadAsync(record.Id)).State);
    }

    [Theory, BothDatabases]
    public async Task DueDate_IsStoredWithTheCalendarVersion_AndRecomputedAfterCorrectionPauseAndExtension(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        app.Today(D(2025, 3, 10));
        var received = await app.RegisterInPersonAsync(clerk);
        var awaiting = await app.WithStepsAsync(s => s.RequestCorrectionAsync(clerk, received.Id, null, D(2025, 3, 21), "请写明所需信息的年度", Ct));
        app.Today(D(2025, 3, 18));
        var corrected = await app.WithStepsAsync(s => s.ReceiveCorrectionAsync(clerk, received.Id, null, false, Ct));
        app.Today(D(2025, 3, 20));
        var consulting = await app.WithStepsAsync(s => s.StartConsultationAsync(clerk, received.Id, PauseKind.ThirdPartyConsultation, null, "示例公司", Ct));
        app.Today(D(2025, 3, 27));
        var consulted = await app.WithStepsAsync(s => s.EndConsultationAsync(clerk, received.Id, null, Ct));
        var extended = await app.WithStepsAsync(s => s.ExtendAsync(clerk, received.Id, null, 20, "李主任", "需调取档案", Ct));

        Assert.Equal(OfficialHolidays.Calendar.Version, received.CalendarVersion);
        Assert.Equal(D(2025, 4, 8), received.DueOn); // 20 working days after Monday 10 March, skipping 清明 4 April
        Assert.True(received.ClockRunning);
        Assert.False(awaiting.ClockRunning);
        Assert.Equal(D(2025, 3, 18), corrected.ClockStartOn);
        Assert.Equal(D(2025, 4, 16), corrected.DueOn); // counted afresh from the corrected application
        Assert.True(corrected.ClockRunning);
        // Consulting: excluded for at most 15 working days (条例第三十二条), so the due date is fixed and stays on the dashboard.
        Assert.True(consulting.ClockRunning);
        Assert.Equal(OfficialHolidays.Calendar.AddWorkingDays(NodaTime.LocalDate.FromDateOnly(corrected.DueOn!.Value), 15).ToDateOnly(), consulting.DueOn);
        Assert.True(consulted.ClockRunning);
        Assert.True(consulted.DueOn > corrected.DueOn, $"the consultation's days are added: {consulted.DueOn} after {corrected.DueOn}");
        Assert.Equal(OfficialHolidays.Calendar.AddWorkingDays(NodaTime.LocalDate.FromDateOnly(consulted.DueOn!.Value), 20).ToDateOnly(), extended.DueOn);
        Assert.All(new[] { received, awaiting, corrected, consulting, consulted, extended }, r => Assert.Equal(OfficialHolidays.Calendar.Version, r.CalendarVersion));
        var stored = await app.LoadAsync(received.Id);
        Assert.Equal(extended.DueOn, stored.DueOn);
        Assert.Equal(RequestState.Extended, stored.State);
    }

    [Theory, BothDatabases]
    public async Task Correction_NotReceivedByItsDate_ClosesTheCaseAsAbandoned(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var record = await app.RegisterInPersonAsync(clerk);
        await app.WithStepsAsync(s => s.RequestCorrectionAsync(clerk, record.Id, null, D(2025, 3, 21), "请写明所需信息的年度", Ct));

        app.Today(D(2025, 3, 21));
        var early = await Assert.ThrowsAsync<ValidationException>(() => app.WithStepsAsync(s => s.CloseForNoCorrectionAsync(clerk, record.Id, Ct)));
        app.Today(D(2025, 3, 24));
        var closed = await app.WithStepsAsync(s => s.CloseForNoCorrectionAsync(clerk, record.Id, Ct));

        Assert.Equal("补正期限至 2025-03-21 届满，届满前不能按逾期不补正终止。", early.Message);
        Assert.Equal(RequestState.ClosedAbandoned, closed.State);
        Assert.Equal(RequestOutcomes.NoCorrection.Key, closed.OutcomeKey);
        Assert.Equal(D(2025, 3, 24), closed.ClosedOn);
        Assert.Equal(D(2025, 3, 24), closed.FinishedOn);
        Assert.False(closed.ClockRunning);
    }

    [Theory, BothDatabases]
    public async Task FeeNotice_UnpaidWithin20WorkingDays_ClosesTheCase(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var record = await app.RegisterInPersonAsync(clerk);

        var noticed = await app.WithFeesAsync(s => s.IssueFeeNoticeAsync(clerk, record.Id, null, FeeMethod.PerPage, 100, Ct));
        app.Today(D(2025, 4, 14));
        var early = await Assert.ThrowsAsync<ValidationException>(() => app.WithFeesAsync(s => s.CloseForNonPaymentAsync(clerk, record.Id, Ct)));
        app.Today(D(2025, 4, 15));
        var closed = await app.WithFeesAsync(s => s.CloseForNonPaymentAsync(clerk, record.Id, Ct));

        Assert.Equal(RequestState.AwaitingPayment, noticed.State);
        Assert.True(noticed.FeeAmountFen > 0);
        Assert.Equal(D(2025, 4, 14), noticed.FeePaymentDueOn);
        Assert.False(noticed.ClockRunning);
        Assert.Equal("缴费期限至 2025-04-14 届满，届满前不能按逾期未缴费终止。", early.Message);
        Assert.Equal(RequestState.ClosedAbandoned, closed.State);
        Assert.Equal(RequestOutcomes.FeeNotPaid.Key, closed.OutcomeKey);
        Assert.Equal(D(2025, 4, 15), closed.FinishedOn);
    }

    [Theory, BothDatabases]
    public async Task Fees_CountTheApplicantsItemsOverTheMonth_ButPagesPerApplication(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var first = await app.RegisterInPersonAsync(clerk);
        var second = await app.RegisterInPersonAsync(clerk);
        var third = await app.RegisterInPersonAsync(clerk);

        // 12 件: the 11th and 12th cost 100 元 each (109号第四条).
        var items = await app.WithFeesAsync(s => s.IssueFeeNoticeAsync(clerk, first.Id, null, FeeMethod.PerItem, 12, Ct));
        // 20 pages: free, whatever came before this month (第五条 has no monthly accumulation).
        var pages = await app.WithFeesAsync(s => s.AssessFeeAsync(clerk, second.Id, FeeMethod.PerPage, 20, Ct));
        // 1 件 after 12 + 1 earlier 件 this month: the 14th, 100 元.
        var more = await app.WithFeesAsync(s => s.IssueFeeNoticeAsync(clerk, third.Id, null, FeeMethod.PerItem, 1, Ct));

        Assert.Equal(200_00, items.FeeAmountFen);
        Assert.True(pages.IsFree);
        Assert.Equal(0, pages.PriorQuantity);
        Assert.Equal(13, more.FeePriorQuantity);
        Assert.Equal(100_00, more.FeeAmountFen);
    }

    [Theory, BothDatabases]
    public async Task DecideAndAnswer_RecordsOneOutcome_AndTheLetterIsStoredAsWordAndPdf(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var record = await app.RegisterInPersonAsync(clerk, D(2025, 3, 10));

        var decided = await app.WithStepsAsync(s => s.DecideAsync(clerk, record.Id, RequestOutcomes.PartlyDisclosed.Key, null, "名单中的个人身份信息不予公开（条例第十五条）", Ct));
        var twice = await Assert.ThrowsAsync<ValidationException>(() =>
            app.WithStepsAsync(s => s.DecideAsync(clerk, record.Id, RequestOutcomes.Disclosed.Key, null, null, Ct)));
        var answered = await app.WithStepsAsync(s => s.AnswerAsync(clerk, record.Id, null, Ct));
        await app.InScopeAsync(sp => sp.GetRequiredService<AnswerLetters>().GenerateAsync(clerk, record.Id, Ct));
        var letters = await app.WithDbAsync(db => db.RequestLetters.Where(l => l.RequestId == record.Id).OrderBy(l => l.FileName).ToListAsync(Ct));
        var events = await app.WithDbAsync(db => db.RequestEvents.Where(e => e.RequestId == record.Id).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(Ct));
        // Letters are stored encrypted (they name the applicant): read them as a download does.
        var files = await Task.WhenAll(letters.Select(l => app.WithFilesAsync(f => f.LetterForStaffAsync(clerk, record.Id, l.Id, Ct))));

        Assert.Equal(RequestState.Decided, decided.State);
        Assert.StartsWith("当前状态（", twice.Message, StringComparison.Ordinal);
        Assert.Equal(RequestState.Answered, answered.State);
        Assert.Equal(RequestOutcomes.PartlyDisclosed.Key, answered.OutcomeKey);
        Assert.Equal(app.Clock.Today, answered.FinishedOn);
        Assert.Equal([$"答复告知书-{record.TrackingCode}.docx", $"答复告知书-{record.TrackingCode}.pdf"], letters.Select(l => l.FileName));
        Assert.Equal(WordWriter.ContentType, letters[0].ContentType);
        Assert.Equal("PK"u8.ToArray(), files[0]!.Data[..2]);
        Assert.Equal("application/pdf", letters[1].ContentType);
        Assert.Equal("%PDF"u8.ToArray(), files[1]!.Data[..4]);
        Assert.True(files[1]!.Data.Length < 1_000_000, $"PDF with a subset TrueType CJK font should be small, was {files[1]!.Data.Length} bytes");
        Assert.Equal(["request.create", "request.decide", "request.answer", "request.letter"], events);
    }

    [Theory, BothDatabases]
    public async Task TheLetter_CitesTheRegulationsInFull_AndAnInquiryIsDirectedToTheOtherLaw(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var partly = await app.RegisterInPersonAsync(clerk, D(2025, 3, 10));
        var inquiry = await app.RegisterInPersonAsync(clerk, D(2025, 3, 10));
        await app.WithStepsAsync(s => s.DecideAsync(clerk, partly.Id, RequestOutcomes.PartlyDisclosed.Key, null, "名单中的个人身份信息", Ct));
        await app.WithStepsAsync(s => s.DecideAsync(clerk, inquiry.Id, RequestOutcomes.WithheldAdministrativeInquiry.Key, null, "不动产登记资料的查询适用《不动产登记资料查询暂行办法》", Ct));

        var partlyText = await LetterTextAsync(app, clerk, partly.Id);
        var inquiryText = await LetterTextAsync(app, clerk, inquiry.Id);

        Assert.Contains("根据《中华人民共和国政府信息公开条例》第三十七条的规定，本机关决定部分公开", partlyText, StringComparison.Ordinal);
        Assert.Contains("欧阳明远：", partlyText, StringComparison.Ordinal);
        Assert.Contains("名单中的个人身份信息", partlyText, StringComparison.Ordinal);
        Assert.Contains("根据《中华人民共和国政府信息公开条例》第三十六条第（七）项的规定，请您依照有关法律、行政法规的规定办理", inquiryText, StringComparison.Ordinal);
        Assert.DoesNotContain("不予公开", inquiryText, StringComparison.Ordinal);
        Assert.DoesNotContain("》条例", partlyText + inquiryText, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task TheFeeNotice_StatesBasisTiersAmountAndPaymentDeadline_AndAFreeCaseHasNone(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var charged = await app.RegisterInPersonAsync(clerk);
        var free = await app.RegisterInPersonAsync(clerk);
        await app.WithFeesAsync(s => s.IssueFeeNoticeAsync(clerk, charged.Id, null, FeeMethod.PerPage, 150, Ct));

        await app.InScopeAsync(sp => sp.GetRequiredService<AnswerLetters>().GenerateFeeNoticeAsync(clerk, charged.Id, Ct));
        var docx = await app.LetterContentAsync(l => l.RequestId == charged.Id && l.FileName.EndsWith(".docx"));
        var text = DocxText(docx);
        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            app.InScopeAsync(sp => sp.GetRequiredService<AnswerLetters>().GenerateFeeNoticeAsync(clerk, free.Id, Ct)));
        var pdfs = await app.WithDbAsync(db => db.RequestLetters.CountAsync(l => l.RequestId == charged.Id && l.FileName == $"收费通知书-{charged.TrackingCode}.pdf", Ct));

        // 150 pages: 31–100 at 10 元 (700) + 101–150 at 20 元 (1,000) = 1,700 元 (109号第五条).
        Assert.Contains("《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）", text, StringComparison.Ordinal);
        Assert.Contains("第31—100页：10元/页，70页，小计700.00元。", text, StringComparison.Ordinal);
        Assert.Contains("第101—150页：20元/页，50页，小计1000.00元。", text, StringComparison.Ordinal);
        Assert.Contains("应缴信息处理费合计：1700.00元。", text, StringComparison.Ordinal);
        Assert.Contains("2025年4月14日前，含当日", text, StringComparison.Ordinal); // 20 working days after Friday 14 March, 清明 4 April skipped
        Assert.Contains("视为放弃申请", text, StringComparison.Ordinal);
        Assert.Equal(1, pdfs);
        Assert.Equal("本案未登记收费通知，不能生成收费通知书。", refused.Message);
    }

    [Theory, BothDatabases]
    public async Task TheApplicantSeesTheAnswerLetterOnlyOnceServed_AndOnlyItsNewestCopy(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var created = await app.WithIntakeAsync(s => s.RegisterAsync(clerk, agency.Id, SubmissionChannel.InPerson, Input(), app.Clock.Today, null, null, Ct));
        var (code, secret) = (created.Record.TrackingCode, created.Secret);
        await app.WithStepsAsync(s => s.DecideAsync(clerk, created.Record.Id, RequestOutcomes.Disclosed.Key, null, null, Ct));
        await app.InScopeAsync(sp => sp.GetRequiredService<AnswerLetters>().GenerateAsync(clerk, created.Record.Id, Ct));

        var draft = await app.WithQueriesAsync(q => q.TrackAsync(code, secret, Ct));
        await app.WithStepsAsync(s => s.AnswerAsync(clerk, created.Record.Id, null, Ct));
        app.Clock.Advance(NodaTime.Duration.FromMinutes(5));
        await app.InScopeAsync(sp => sp.GetRequiredService<AnswerLetters>().GenerateAsync(clerk, created.Record.Id, Ct));
        var served = await app.WithQueriesAsync(q => q.TrackAsync(code, secret, Ct));

        Assert.Empty(draft!.Letters);
        Assert.DoesNotContain(draft.Timeline, e => e.Action == "request.letter");
        Assert.Equal([$"答复告知书-{code}.docx", $"答复告知书-{code}.pdf"], served!.Letters.Select(l => l.FileName).Order(StringComparer.Ordinal));
        Assert.All(served.Letters, l => Assert.Equal(app.Clock.GetCurrentInstant().ToDateTimeUtc(), l.CreatedAt));
    }

    private static string DocxText(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        return string.Join("\n", word.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    private static async Task<string> LetterTextAsync(TestApp app, Gongkai.Application.Accounts.StaffContext clerk, long id)
    {
        await app.InScopeAsync(sp => sp.GetRequiredService<AnswerLetters>().GenerateAsync(clerk, id, Ct));
        return DocxText(await app.LetterContentAsync(l => l.RequestId == id && l.FileName.EndsWith(".docx")));
    }

    [Theory, BothDatabases]
    public async Task Appeals_AreCountedInTheReportsResultBuckets(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var record = await app.RegisterInPersonAsync(clerk, D(2025, 3, 3));
        await app.WithStepsAsync(s => s.DecideAsync(clerk, record.Id, RequestOutcomes.WithheldStateSecret.Key, D(2025, 3, 5), "属于国家秘密", Ct));
        await app.WithStepsAsync(s => s.AnswerAsync(clerk, record.Id, D(2025, 3, 6), Ct));

        var reconsideration = await app.WithAppealsAsync(s => s.AddAppealAsync(clerk, record.Id, AppealKind.Reconsideration, D(2025, 3, 10), "示例市人民政府", "示复〔2025〕1号", Ct));
        await app.WithAppealsAsync(s => s.ConcludeAppealAsync(clerk, reconsideration.Id, AppealResult.Upheld, D(2025, 3, 13), null, Ct));
        await app.WithAppealsAsync(s => s.AddAppealAsync(clerk, record.Id, AppealKind.LitigationAfterReconsideration, D(2025, 3, 14), "示例县人民法院", null, Ct));
        var early = await Assert.ThrowsAsync<ValidationException>(() =>
            app.WithAppealsAsync(s => s.AddAppealAsync(clerk, record.Id, AppealKind.LitigationDirect, D(2025, 3, 1), "示例县人民法院", null, Ct)));
        var statistics = await app.WithQueriesAsync(q => q.AnnualStatisticsAsync(agency.Id, 2025, Ct));

        Assert.Equal("复议或起诉日期不能早于收到申请之日。", early.Message);
        Assert.Equal(new Dictionary<(AppealKind, AppealResult), int>
        {
            [(AppealKind.Reconsideration, AppealResult.Upheld)] = 1,
            [(AppealKind.LitigationAfterReconsideration, AppealResult.Pending)] = 1,
        }, statistics.Appeals);
        Assert.Equal(1, statistics.Outcomes[(RequestOutcomes.WithheldStateSecret.Key, ApplicantType.NaturalPerson)]);
    }

    [Theory, BothDatabases]
    public async Task CaseOpenOn31December_CountsAsCarriedOverNextYear_AndTheReportBalances(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        app.Today(D(2024, 12, 20));
        var carried = await app.RegisterInPersonAsync(clerk);
        var finished2024 = await app.RegisterInPersonAsync(clerk, input: Input(ApplicantType.CommercialEnterprise));
        app.Today(D(2024, 12, 27));
        await app.WithStepsAsync(s => s.DecideAsync(clerk, finished2024.Id, RequestOutcomes.Disclosed.Key, null, null, Ct));
        await app.WithStepsAsync(s => s.AnswerAsync(clerk, finished2024.Id, null, Ct));
        app.Today(D(2025, 1, 10));
        await app.WithStepsAsync(s => s.DecideAsync(clerk, carried.Id, RequestOutcomes.NotHeld.Key, null, "本机关未制作该信息", Ct));
        await app.WithStepsAsync(s => s.AnswerAsync(clerk, carried.Id, null, Ct));
        app.Today(D(2025, 3, 14));
        await app.RegisterInPersonAsync(clerk); // new in 2025, still open at the end of the year
        await app.RegisterInPersonAsync(clerk, input: Input(ApplicantType.ResearchInstitution, name: "示例大学"));

        var y2024 = await app.WithQueriesAsync(q => q.AnnualStatisticsAsync(agency.Id, 2024, Ct));
        var y2025 = await app.WithQueriesAsync(q => q.AnnualStatisticsAsync(agency.Id, 2025, Ct));
        var dashboard = await app.WithQueriesAsync(q => q.DeadlinesAsync(clerk, agency.Id, Ct));

        Assert.Equal(1, y2024.CarriedOverToNextYear[ApplicantType.NaturalPerson]);
        Assert.Equal(1, y2025.CarriedOverFromLastYear[ApplicantType.NaturalPerson]);
        Assert.False(y2025.CarriedOverFromLastYear.ContainsKey(ApplicantType.CommercialEnterprise));
        Assert.Equal(1, y2025.Outcomes[(RequestOutcomes.NotHeld.Key, ApplicantType.NaturalPerson)]);
        Assert.Equal(1, dashboard.CarriedOverIntoThisYear);
        foreach (var statistics in new[] { y2024, y2025 })
        {
            foreach (var column in Enum.GetValues<ApplicantType>())
            {
                var incoming = statistics.NewlyReceived.GetValueOrDefault(column) + statistics.CarriedOverFromLastYear.GetValueOrDefault(column);
                var outgoing = statistics.Outcomes.Where(o => o.Key.ApplicantType == column).Sum(o => o.Value) + statistics.CarriedOverToNextYear.GetValueOrDefault(column);
                Assert.True(incoming == outgoing, $"{statistics.Year} {column}: 新收 + 上年结转 = {incoming}, 办理结果 + 结转下年 = {outgoing}");
            }
        }
        Assert.Equal(2, y2025.NewlyReceived.Values.Sum());
    }

    [Theory, BothDatabases]
    public async Task Dashboard_ListsDecidedButUnservedAsLate_ConsultationsWithTheirCappedDueDate_AndLapsedCorrections(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        app.Today(D(2025, 2, 10));
        var decided = await app.RegisterInPersonAsync(clerk);
        var consulting = await app.RegisterInPersonAsync(clerk);
        var silent = await app.RegisterInPersonAsync(clerk);
        app.Today(D(2025, 2, 12));
        await app.WithStepsAsync(s => s.StartConsultationAsync(clerk, consulting.Id, PauseKind.ThirdPartyConsultation, D(2025, 2, 12), "示例公司", Ct));
        await app.WithStepsAsync(s => s.RequestCorrectionAsync(clerk, silent.Id, D(2025, 2, 11), D(2025, 2, 21), "请写明所需信息的年份", Ct));
        app.Today(D(2025, 2, 20));
        await app.WithStepsAsync(s => s.DecideAsync(clerk, decided.Id, RequestOutcomes.Disclosed.Key, null, null, Ct));
        app.Today(D(2025, 3, 14));

        var dashboard = await app.WithQueriesAsync(q => q.DeadlinesAsync(clerk, agency.Id, Ct));
        var consultingNow = await app.LoadAsync(consulting.Id);

        // Decided on 02-20 but never served: 20 working days after 02-10 ended on 03-10 (条例第三十三条).
        Assert.Equal([decided.Id], dashboard.Overdue.Select(r => r.Id));
        // In consultation since 02-12: excluded for at most 15 working days, so due 03-31 and counted as running.
        Assert.Equal(D(2025, 3, 31), consultingNow.DueOn);
        Assert.Equal(2, dashboard.ByAgency.Single().Running);
        // The 补正 period ended 02-21 with no correction: the agency may close it.
        Assert.Equal([silent.Id], dashboard.ApplicantPeriodLapsed.Select(r => r.Id));
    }

    private static async Task AssertUnchangedAsync(TestApp app, RequestRecord before)
    {
        var after = await app.LoadAsync(before.Id);
        Assert.Equal(before.State, after.State);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.DueOn, after.DueOn);
        Assert.Equal(before.OutcomeKey, after.OutcomeKey);
        Assert.Equal(before.ExtensionWorkingDays, after.ExtensionWorkingDays);
        var events = await app.WithDbAsync(db => db.RequestEvents.CountAsync(e => e.RequestId == before.Id, Ct));
        var audits = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Request" && a.EntityId == before.Id.ToString(), Ct));
        Assert.Equal(events, audits);
    }

    [Theory, BothDatabases]
    public async Task ADamagedStoredCase_IsRefusedAtTheNextStep_InsteadOfBeingReplayedIntoAWrongDueDate(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var record = await app.RegisterInPersonAsync(clerk, D(2025, 3, 10));
        // 已延期 without the extension that makes it so: a hand edit, a half-restored backup.
        await app.WithDbAsync(db => db.Requests.Where(r => r.Id == record.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.State, RequestState.Extended), Ct));

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            app.WithStepsAsync(s => s.DecideAsync(clerk, record.Id, RequestOutcomes.Disclosed.Key, null, null, Ct)));
        var stored = await app.LoadAsync(record.Id);
        var events = await app.WithDbAsync(db => db.RequestEvents.CountAsync(e => e.RequestId == record.Id, Ct));

        Assert.StartsWith("存储的申请状态不一致：", refused.Message, StringComparison.Ordinal);
        Assert.Null(stored.OutcomeKey);
        Assert.Equal(1, events);
    }
}
