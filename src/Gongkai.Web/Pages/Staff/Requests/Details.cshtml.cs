using Gongkai.Application;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Agencies;
using Gongkai.Application.Calendar;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Application.Requests;
using Gongkai.Application.Requests.Appeals;
using Gongkai.Application.Requests.Fees;
using Gongkai.Application.Requests.Handling;
using Gongkai.Application.Requests.Privacy;
using Gongkai.Application.Requests.Steps;
using Gongkai.Domain.Fees;
using Gongkai.Domain.Requests;
using Gongkai.Web.Errors;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Requests;

/// <summary>
/// The case page: a header (code, state, 承办人, due date and working days left), the likely next step open and the other
/// steps the state allows collapsed (<see cref="CaseSteps"/>), 承办人 and internal notes, letters and delivery, appeals,
/// timeline, the application, and how today's due date was computed.
/// </summary>
[RequirePermission(Permission.RequestsView)]
public sealed class DetailsModel(
    RequestSteps steps, RequestFees fees, RequestAppealRegister appeals, ApplicantPrivacy privacy, RequestQueries queries, AnswerLetters letters,
    RequestFiles files, CaseHandling handling, DeadlineStandings standings, CurrentStaff staff, PlatformClock clock) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }

    public RequestRecord Record { get; private set; } = null!;
    public string AgencyName { get; private set; } = "";
    public DeadlineComputation? Deadline { get; private set; }
    public string? DeadlineError { get; private set; }
    public string CurrentCalendarVersion { get; private set; } = "";
    public bool CanWrite { get; private set; }
    public bool CarriedOver { get; private set; }
    [TempData] public string? Message { get; set; }
    public ApplicantPersonalData? Personal { get; private set; }
    public FeeAssessment? FeePreview { get; private set; }
    public List<RequestEvent> Events { get; private set; } = [];
    public List<LetterInfo> Letters { get; private set; } = [];
    public List<RequestAppeal> Appeals { get; private set; } = [];
    public List<(Guid Id, string FileName, long Size)> Attachments { get; private set; } = [];
    public DateOnly Today => clock.TodayDate;

    /// <summary>Today (Beijing) as a date input's value: the default of every step's date.</summary>
    public string TodayIso => Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The steps offered today, the likely next one first.</summary>
    public IReadOnlyList<CaseStep> Steps { get; private set; } = [];

    /// <summary>The step whose form is open: the likely next one, or the one just posted and refused.</summary>
    public CaseStep? OpenStep { get; private set; }

    /// <summary>"剩余 N 个工作日 / 已逾期 N 个工作日", or null while the clock stands still.</summary>
    public DeadlineStanding? Standing { get; private set; }

    public List<CaseHandlerOption> Handlers { get; private set; } = [];
    public List<CaseNote> Notes { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostPersonalAsync()
    {
        Personal = await privacy.ViewPersonalDataAsync(staff.Context, Id, HttpContext.RequestAborted);
        return await LoadAsync();
    }

    public Task<IActionResult> OnPostConfirmAsync(DateOnly? on) => ActAsync(() => steps.ConfirmReceiptAsync(staff.Context, Id, on), "已确认收到申请，答复期限开始计算。");

    public Task<IActionResult> OnPostCorrectionAsync(DateOnly? on, DateOnly? dueOn, string? content) =>
        ActAsync(() => steps.RequestCorrectionAsync(staff.Context, Id, on, dueOn, content), "已登记补正通知。");

    public Task<IActionResult> OnPostCorrectedAsync(DateOnly? on, bool late) => ActAsync(() => steps.ReceiveCorrectionAsync(staff.Context, Id, on, late), "已收到补正，答复期限重新计算。");

    public Task<IActionResult> OnPostCloseNoCorrectionAsync() => ActAsync(() => steps.CloseForNoCorrectionAsync(staff.Context, Id), "已终止办理（逾期未补正）。");

    public Task<IActionResult> OnPostConsultAsync(PauseKind kind, DateOnly? on, string? counterparty) =>
        ActAsync(() => steps.StartConsultationAsync(staff.Context, Id, kind, on, counterparty), "已开始征求意见，答复期限暂停计算。");

    public Task<IActionResult> OnPostConsultEndAsync(DateOnly? on) => ActAsync(() => steps.EndConsultationAsync(staff.Context, Id, on), "征求意见结束，答复期限继续计算。");

    public Task<IActionResult> OnPostExtendAsync(DateOnly? on, int days, string? approvedBy, string? reason) =>
        ActAsync(() => steps.ExtendAsync(staff.Context, Id, on, days, approvedBy, reason), "已延长答复期限。");

    public async Task<IActionResult> OnPostFeePreviewAsync(FeeMethod method, int quantity)
    {
        FeePreview = await fees.AssessFeeAsync(staff.Context, Id, method, quantity, HttpContext.RequestAborted);
        return await LoadAsync();
    }

    public Task<IActionResult> OnPostFeeAsync(DateOnly? on, FeeMethod method, int quantity) =>
        ActAsync(() => fees.IssueFeeNoticeAsync(staff.Context, Id, on, method, quantity), "已登记收费通知送达。");

    public Task<IActionResult> OnPostPaidAsync(DateOnly? on) => ActAsync(() => fees.RecordPaymentAsync(staff.Context, Id, on), "已登记缴费。");

    public Task<IActionResult> OnPostCloseUnpaidAsync() => ActAsync(() => fees.CloseForNonPaymentAsync(staff.Context, Id), "已终止办理（逾期未缴费）。");

    public Task<IActionResult> OnPostDecideAsync(string? outcome, DateOnly? on, string? reason) =>
        ActAsync(() => steps.DecideAsync(staff.Context, Id, outcome, on, reason), "已作出答复决定。");

    public Task<IActionResult> OnPostAnswerAsync(DateOnly? on) => ActAsync(() => steps.AnswerAsync(staff.Context, Id, on), "已登记答复送达。");

    public Task<IActionResult> OnPostFeeLetterAsync() => ActAsync(() => letters.GenerateFeeNoticeAsync(staff.Context, Id, HttpContext.RequestAborted), "已生成收费通知书（Word 和 PDF）。");

    public Task<IActionResult> OnPostLetterAsync() => ActAsync(() => letters.GenerateAsync(staff.Context, Id, HttpContext.RequestAborted), "已生成答复告知书（Word 和 PDF）。");

    public Task<IActionResult> OnPostAssignAsync(string? handlerId) =>
        ActAsync(() => handling.AssignAsync(staff.Context, Id, handlerId, HttpContext.RequestAborted), "已更新承办人。");

    public Task<IActionResult> OnPostNoteAsync(string? note) =>
        ActAsync(() => handling.AddNoteAsync(staff.Context, Id, note, HttpContext.RequestAborted), "已添加内部备注。");

    public Task<IActionResult> OnPostAppealAsync(AppealKind kind, DateOnly? filedOn, string? body, string? caseNumber) =>
        ActAsync(() => appeals.AddAppealAsync(staff.Context, Id, kind, filedOn, body, caseNumber), "已登记复议/诉讼。");

    public Task<IActionResult> OnPostAppealResultAsync(long appealId, AppealResult result, DateOnly? concludedOn, string? note) =>
        ActAsync(() => appeals.ConcludeAppealAsync(staff.Context, appealId, result, concludedOn, note), "已登记复议/诉讼结果。");

    public async Task<IActionResult> OnGetLetterFileAsync(Guid letterId) =>
        Download(await files.LetterForStaffAsync(staff.Context, Id, letterId, HttpContext.RequestAborted));

    public async Task<IActionResult> OnGetAttachmentAsync(Guid attachmentId) =>
        Download(await files.AttachmentForStaffAsync(staff.Context, Id, attachmentId, HttpContext.RequestAborted));

    private IActionResult Download(StoredFile? file) => file is null ? NotFound() : File(file.Data, file.ContentType, file.FileName);

    /// <summary>Post/Redirect/Get: a refusal is shown by PageErrorFilter; a success redirects, so a reload repeats nothing.</summary>
    private async Task<IActionResult> ActAsync(Func<Task> action, string done)
    {
        await action();
        Message = done;
        return RedirectToPage();
    }

    public Task RedisplayAsync() => LoadAsync();

    /// <summary>The step of the handler a refused POST came from, so its form is shown open with the message.</summary>
    private CaseStep? PostedStep() => HttpMethods.IsPost(Request.Method) ? Request.Query["handler"].ToString() switch
    {
        "Confirm" => CaseStep.ConfirmReceipt,
        "Correction" => CaseStep.RequestCorrection,
        "Corrected" => CaseStep.ReceiveCorrection,
        "CloseNoCorrection" => CaseStep.CloseForNoCorrection,
        "Consult" => CaseStep.StartConsultation,
        "ConsultEnd" => CaseStep.EndConsultation,
        "Extend" => CaseStep.Extend,
        "Fee" or "FeePreview" => CaseStep.IssueFeeNotice,
        "Paid" => CaseStep.RecordPayment,
        "CloseUnpaid" => CaseStep.CloseForNonPayment,
        "Decide" => CaseStep.Decide,
        "Answer" => CaseStep.Answer,
        _ => null,
    } : null;

    private async Task<IActionResult> LoadAsync()
    {
        var file = await queries.CaseFileAsync(staff.Context, Id, HttpContext.RequestAborted);
        Record = file.Record;
        AgencyName = file.AgencyName;
        CanWrite = file.CanWrite;
        CarriedOver = file.CarriedOver;
        Deadline = file.Deadline.Computation;
        DeadlineError = file.Deadline.Error;
        CurrentCalendarVersion = file.CalendarVersion;
        Events = [.. file.Events];
        Letters = [.. file.Letters];
        Appeals = [.. file.Appeals];
        Attachments = [.. file.Attachments];
        Steps = OfferedSteps.Of(Record, clock.Today);
        OpenStep = PostedStep() is { } posted && Steps.Contains(posted) ? posted : Steps.Count > 0 ? Steps[0] : null;
        var dueOn = Deadline?.DueOn?.ToDateOnly() ?? Record.DueOn;
        Standing = (await standings.TodayAsync(HttpContext.RequestAborted)).Of(dueOn, Record.ClockRunning);
        Notes = await handling.NotesAsync(staff.Context, Id, HttpContext.RequestAborted);
        if (CanWrite)
        {
            Handlers = await handling.CandidatesAsync(staff.Context, Id, HttpContext.RequestAborted);
        }
        return Page();
    }
}
