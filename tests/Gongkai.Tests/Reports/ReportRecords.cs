using Gongkai.Application.Catalog;
using Gongkai.Application.Reports;
using Microsoft.Extensions.DependencyInjection;
using Gongkai.Application.Requests;
using Gongkai.Domain.Catalog;
using Gongkai.Domain.Requests;
using Gongkai.Tests.Support;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Reports;

/// <summary>
/// The annual report's fixture data set, written straight into the tables the generator reads: cases with outcomes of
/// several applicant types (some carried over 2019→2020, 2020→2021 and 2021→2022), 复议/诉讼, fees, and 规章/规范性文件
/// in the catalog. The expected reports for 2020 (2019 format) and 2021 (2021 format) are the golden files.
/// </summary>
internal static class ReportRecords
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task AddFixtureAsync(TestApp app, int agencyId, string prefix = "A")
    {
        var carriedInto2020 = await CaseAsync(app, agencyId, $"{prefix}01", ApplicantType.NaturalPerson, D(2019, 12, 20), D(2020, 1, 8), RequestOutcomes.Disclosed.Key);
        await CaseAsync(app, agencyId, $"{prefix}02", ApplicantType.NaturalPerson, D(2020, 3, 2), D(2020, 3, 20), RequestOutcomes.WithheldStateSecret.Key);
        await CaseAsync(app, agencyId, $"{prefix}03", ApplicantType.CommercialEnterprise, D(2020, 5, 11), D(2020, 5, 29), RequestOutcomes.PartlyDisclosed.Key);
        // 其他处理 outcomes: the single 三(六) row in 2020, their own rows from 2021.
        await CaseAsync(app, agencyId, $"{prefix}04", ApplicantType.ResearchInstitution, D(2020, 6, 1), D(2020, 6, 10), RequestOutcomes.NoCorrection.Key);
        await CaseAsync(app, agencyId, $"{prefix}05", ApplicantType.LegalServiceInstitution, D(2020, 12, 21), D(2021, 1, 15), RequestOutcomes.FeeNotPaid.Key);
        await CaseAsync(app, agencyId, $"{prefix}06", ApplicantType.NaturalPerson, D(2020, 12, 28), D(2021, 1, 20), RequestOutcomes.NotHeld.Key);
        await CaseAsync(app, agencyId, $"{prefix}07", ApplicantType.SocialWelfareOrganization, D(2021, 4, 6), D(2021, 4, 30), RequestOutcomes.Repeat.Key);
        await CaseAsync(app, agencyId, $"{prefix}08", ApplicantType.Other, D(2021, 7, 1), D(2021, 7, 20), RequestOutcomes.Other.Key);
        await CaseAsync(app, agencyId, $"{prefix}09", ApplicantType.NaturalPerson, D(2021, 12, 27), null, null);
        var paid = await CaseAsync(app, agencyId, $"{prefix}10", ApplicantType.NaturalPerson, D(2021, 8, 2), D(2021, 8, 20), RequestOutcomes.Disclosed.Key,
            feePaidOn: D(2021, 8, 18), feeFen: 5050);
        // Submitted online and never confirmed: not received, so in no report.
        await CaseAsync(app, agencyId, $"{prefix}11", ApplicantType.NaturalPerson, null, null, null);

        await AppealAsync(app, agencyId, carriedInto2020.Id, AppealKind.Reconsideration, D(2020, 4, 1), AppealResult.Upheld, D(2020, 6, 1));
        await AppealAsync(app, agencyId, carriedInto2020.Id, AppealKind.LitigationDirect, D(2020, 11, 1), AppealResult.Corrected, D(2021, 3, 1));
        await AppealAsync(app, agencyId, paid.Id, AppealKind.LitigationAfterReconsideration, D(2021, 9, 1), AppealResult.Pending, null);

        var column = await app.ColumnIdAsync(agencyId);
        await DocumentAsync(app, agencyId, column, $"{prefix}-R1", DocumentKind.Regulation, D(2019, 5, 1), D(2019, 5, 10), Validity.Valid, null);
        await DocumentAsync(app, agencyId, column, $"{prefix}-N1", DocumentKind.NormativeDocument, D(2020, 2, 1), D(2020, 2, 5), Validity.Repealed, D(2021, 6, 30));
        await DocumentAsync(app, agencyId, column, $"{prefix}-N2", DocumentKind.NormativeDocument, D(2021, 3, 1), D(2021, 3, 3), Validity.Valid, null);
        // Not counted: a draft (not issued) and a general item (not a 规章 or 规范性文件).
        await DocumentAsync(app, agencyId, column, $"{prefix}-N3", DocumentKind.NormativeDocument, D(2021, 10, 10), null, Validity.Valid, null, ItemStatus.Draft);
        await DocumentAsync(app, agencyId, column, $"{prefix}-G1", DocumentKind.General, D(2021, 5, 5), D(2021, 5, 6), Validity.NotApplicable, null);
    }

    public static Task<RequestRecord> CaseAsync(TestApp app, int agencyId, string code, ApplicantType type, DateOnly? received, DateOnly? finished,
        string? outcome, DateOnly? feePaidOn = null, long? feeFen = null) =>
        app.WithDbAsync(async db =>
        {
            var record = new RequestRecord
            {
                AgencyId = agencyId, TrackingCode = $"RPT{code}", SecretHash = new string('0', 64), ApplicantType = type,
                Channel = received is null ? SubmissionChannel.Online : SubmissionChannel.InPerson,
                NameProtected = "-", IdNumberProtected = "-", NameMasked = "张*", IdNumberMasked = "110***********002X",
                Description = "示例信息", WantedForm = "电子文档", Delivery = "在线获取",
                SubmittedAt = (received ?? D(2021, 6, 1)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                State = received is null ? null : finished is null ? RequestState.Received : RequestState.Answered,
                ReceivedOn = received, ReceivedYear = received?.Year, OutcomeKey = outcome, AnsweredOn = finished, FinishedOn = finished,
                FeePaidOn = feePaidOn, FeeAmountFen = feeFen,
            };
            db.Requests.Add(record);
            await db.SaveChangesAsync(Ct);
            return record;
        });

    private static Task<int> AppealAsync(TestApp app, int agencyId, long requestId, AppealKind kind, DateOnly filed, AppealResult result, DateOnly? concluded) =>
        app.WithDbAsync(db =>
        {
            db.RequestAppeals.Add(new RequestAppeal
            {
                AgencyId = agencyId, RequestId = requestId, Kind = kind, FiledOn = filed, Body = "示例市人民政府", Result = result, ConcludedOn = concluded,
            });
            return db.SaveChangesAsync(Ct);
        });

    private static Task<int> DocumentAsync(TestApp app, int agencyId, int columnId, string code, DocumentKind kind, DateOnly written, DateOnly? published,
        Validity validity, DateOnly? invalidated, ItemStatus status = ItemStatus.Published) =>
        app.WithDbAsync(db =>
        {
            db.Items.Add(new Item
            {
                AgencyId = agencyId, ColumnId = columnId, Year = written.Year, Serial = code.Aggregate(17, (h, c) => (h * 31 + c) & 0xFFFFF), IndexNo = $"RPT-{code}",
                Title = $"示例文件 {code}", PublishingOrg = "示例县人民政府", WrittenOn = written, FormedOn = written, PublishedOn = published,
                DisclosureMode = DisclosureMode.Proactive, DocumentKind = kind, Validity = validity, InvalidatedOn = invalidated, Status = status,
                AuthorId = "system",
            });
            return db.SaveChangesAsync(Ct);
        });
}

internal static class ReportKit
{
    public static Task<T> WithReportsAsync<T>(this TestApp app, Func<ReportStore, Task<T>> action) =>
        app.InScopeAsync(sp => action(sp.GetRequiredService<ReportStore>()));
}
