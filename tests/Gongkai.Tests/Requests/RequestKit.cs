using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Gongkai.Application.Accounts;
using Gongkai.Application.Requests;
using Gongkai.Application.Requests.Appeals;
using Gongkai.Application.Requests.Fees;
using Gongkai.Application.Requests.Intake;
using Gongkai.Application.Requests.Privacy;
using Gongkai.Application.Requests.Steps;
using Gongkai.Application.Requests.Storage;
using Gongkai.Domain.Requests;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Gongkai.Tests.Requests;

/// <summary>Helpers for the 依申请公开 tests: valid applicants, registration, the services in a fresh scope, the clock.</summary>
public static partial class RequestKit
{
    /// <summary>GB 11643 example number (check character X).</summary>
    public const string ResidentId = "11010519491231002X";

    /// <summary>A valid 统一社会信用代码 (GB 32100 check character).</summary>
    public const string CreditCode = "91110000802100433B";

    public const string Phone = "13912345678";
    public const string Address = "示例省示例县人民路88号3单元502室";
    public const string ApplicantName = "欧阳明远";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static RequestForm Input(ApplicantType type = ApplicantType.NaturalPerson, string? idNumber = null, string? name = null) => new()
    {
        ApplicantType = type,
        Name = name ?? (type == ApplicantType.NaturalPerson ? ApplicantName : "示例科技有限公司"),
        IdNumber = idNumber ?? (type == ApplicantType.NaturalPerson ? ResidentId : CreditCode),
        ContactPerson = type == ApplicantType.NaturalPerson ? null : "李四",
        Phone = Phone,
        Address = Address,
        Description = "示例县2024年度城乡低保资金发放情况",
        WantedForm = "电子文档",
        Delivery = "在线获取",
    };

    public static Task<T> WithIntakeAsync<T>(this TestApp app, Func<RequestIntake, Task<T>> action) => app.WithAsync(action);

    public static Task<T> WithStepsAsync<T>(this TestApp app, Func<RequestSteps, Task<T>> action) => app.WithAsync(action);

    public static Task<T> WithFeesAsync<T>(this TestApp app, Func<RequestFees, Task<T>> action) => app.WithAsync(action);

    public static Task<T> WithAppealsAsync<T>(this TestApp app, Func<RequestAppealRegister, Task<T>> action) => app.WithAsync(action);

    public static Task<T> WithPrivacyAsync<T>(this TestApp app, Func<ApplicantPrivacy, Task<T>> action) => app.WithAsync(action);

    public static Task<T> WithFilesAsync<T>(this TestApp app, Func<RequestFiles, Task<T>> action) => app.WithAsync(action);

    /// <summary>The content of the one letter matching <paramref name="which"/>, decrypted (letters are encrypted at rest).</summary>
    public static async Task<byte[]> LetterContentAsync(this TestApp app, Expression<Func<RequestLetter, bool>> which)
    {
        var stored = await app.WithDbAsync(db => db.RequestLetters.Where(which).Select(l => l.Data).SingleAsync(Ct));
        return await app.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<ApplicantDataProtector>().UnprotectFile(stored)));
    }

    public static Task<T> WithStoreAsync<T>(this TestApp app, Func<RequestCaseStore, Task<T>> action) => app.WithAsync(action);

    /// <summary>Runs <paramref name="action"/> on a service resolved in a fresh scope, as one web request would.</summary>
    private static Task<T> WithAsync<TService, T>(this TestApp app, Func<TService, Task<T>> action) where TService : notnull =>
        app.InScopeAsync(sp => action(sp.GetRequiredService<TService>()));

    public static Task<T> WithQueriesAsync<T>(this TestApp app, Func<RequestQueries, Task<T>> action) =>
        app.InScopeAsync(sp => action(sp.GetRequiredService<RequestQueries>()));

    /// <summary>A request handed in at the office on <paramref name="on"/> (default: today): received that day.</summary>
    public static async Task<RequestRecord> RegisterInPersonAsync(this TestApp app, StaffContext clerk, DateOnly? on = null, RequestForm? input = null) =>
        (await app.WithIntakeAsync(s => s.RegisterAsync(clerk, clerk.AgencyId, SubmissionChannel.InPerson, input ?? Input(),
            on ?? app.Clock.Today, null, null, Ct))).Record;

    public static Task<RequestRecord> LoadAsync(this TestApp app, long id) =>
        app.WithStoreAsync(s => s.LoadReadableAsync(StaffContext.System(), id, Ct));

    /// <summary>Sets the fake clock to 10:00 Beijing time on <paramref name="day"/>.</summary>
    public static void Today(this TestApp app, DateOnly day) =>
        app.Clock.Set(new LocalDateTime(day.Year, day.Month, day.Day, 10, 0).InZoneStrictly(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).ToInstant());

    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    /// <summary>The antiforgery token of the first form on an HTML page.</summary>
    public static string AntiforgeryToken(string html) => FormFields.AntiforgeryToken(html);
}
