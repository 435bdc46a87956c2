using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Gongkai.Application.Accounts;
using Gongkai.Application.Audit;
using Gongkai.Application.Calendar;
using Gongkai.Application.Changes;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Application.Requests;
using Gongkai.Application.Requests.Intake;
using Gongkai.Application.Requests.Privacy;
using Gongkai.Application.Requests.Storage;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Fees;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NpgsqlTypes;

namespace Gongkai.Cli.Bench;

internal sealed record RequestBenchOptions(int Agencies, int Cases, int Seed, bool Force);

/// <summary>
/// Generates request cases (依申请公开) for the deadline dashboard benchmark: the same agency tree as
/// <c>bench seed</c>, then cases received 2019 → today with a realistic state mix — most answered or closed, a few
/// percent open with due dates around today (some overdue), some paused for consultation or payment, extended, waiting
/// for a 补正 or for the office to confirm receipt. Rows bypass EF Core like the items of <see cref="BenchSeeder"/>
/// (binary COPY / one prepared INSERT) but hold what the request use cases (<see cref="RequestIntake"/>, <see cref="RequestCaseStore"/>) would store: due dates from the platform
/// calendar with its version, personal data as real Data Protection ciphertext (one placeholder, protected once) and masks.
/// </summary>
internal sealed class RequestSeeder(GongkaiDbContext db, PlatformClock clock, AuditLog audit, ApplicantDataProtector protector,
    WorkingDayCalendarProvider calendars, BenchSeeder agencySeeder, TextWriter output)
{
    private const int BatchSize = 2000;

    /// <summary>Columns written by the bulk paths; checked against the EF model so a schema change fails loudly.</summary>
    private static readonly BulkTable<RequestRecord> Requests = new("Requests",
    [
        ("AgencyId", NpgsqlDbType.Integer, r => r.AgencyId),
        ("TrackingCode", NpgsqlDbType.Text, r => r.TrackingCode),
        ("SecretHash", NpgsqlDbType.Text, r => r.SecretHash),
        ("ApplicantType", NpgsqlDbType.Integer, r => (int)r.ApplicantType),
        ("Channel", NpgsqlDbType.Integer, r => (int)r.Channel),
        ("SubmissionKey", NpgsqlDbType.Uuid, r => r.SubmissionKey),
        ("NameProtected", NpgsqlDbType.Text, r => r.NameProtected),
        ("IdDocumentType", NpgsqlDbType.Integer, r => (int)r.IdDocumentType),
        ("IdNumberProtected", NpgsqlDbType.Text, r => r.IdNumberProtected),
        ("ContactPersonProtected", NpgsqlDbType.Text, r => r.ContactPersonProtected),
        ("PhoneProtected", NpgsqlDbType.Text, r => r.PhoneProtected),
        ("AddressProtected", NpgsqlDbType.Text, r => r.AddressProtected),
        ("EmailProtected", NpgsqlDbType.Text, r => r.EmailProtected),
        ("NameMasked", NpgsqlDbType.Text, r => r.NameMasked),
        ("IdNumberMasked", NpgsqlDbType.Text, r => r.IdNumberMasked),
        ("Description", NpgsqlDbType.Text, r => r.Description),
        ("DocumentNumber", NpgsqlDbType.Text, r => r.DocumentNumber),
        ("WantedForm", NpgsqlDbType.Text, r => r.WantedForm),
        ("ItemCount", NpgsqlDbType.Integer, r => r.ItemCount),
        ("Delivery", NpgsqlDbType.Text, r => r.Delivery),
        ("SubmittedAt", NpgsqlDbType.TimestampTz, r => r.SubmittedAt),
        ("SubmittedOn", NpgsqlDbType.Date, r => r.SubmittedOn),
        ("SignedForOn", NpgsqlDbType.Date, r => r.SignedForOn),
        ("ConfirmedOn", NpgsqlDbType.Date, r => r.ConfirmedOn),
        ("State", NpgsqlDbType.Integer, r => (int?)r.State),
        ("ReceivedOn", NpgsqlDbType.Date, r => r.ReceivedOn),
        ("ReceivedYear", NpgsqlDbType.Integer, r => r.ReceivedYear),
        ("ClockStartOn", NpgsqlDbType.Date, r => r.ClockStartOn),
        ("LastStepOn", NpgsqlDbType.Date, r => r.LastStepOn),
        ("ExtensionApprovedOn", NpgsqlDbType.Date, r => r.ExtensionApprovedOn),
        ("ExtensionWorkingDays", NpgsqlDbType.Integer, r => r.ExtensionWorkingDays),
        ("ExtensionApprovedBy", NpgsqlDbType.Text, r => r.ExtensionApprovedBy),
        ("ExtensionReason", NpgsqlDbType.Text, r => r.ExtensionReason),
        ("ReasonableDeadlineOn", NpgsqlDbType.Date, r => r.ReasonableDeadlineOn),
        ("ReasonableDeadlineDecidedOn", NpgsqlDbType.Date, r => r.ReasonableDeadlineDecidedOn),
        ("ReasonableDeadlineDecidedBy", NpgsqlDbType.Text, r => r.ReasonableDeadlineDecidedBy),
        ("ReasonableDeadlineReason", NpgsqlDbType.Text, r => r.ReasonableDeadlineReason),
        ("FeeNoticeReceivedOn", NpgsqlDbType.Date, r => r.FeeNoticeReceivedOn),
        ("FeeMethod", NpgsqlDbType.Integer, r => (int?)r.FeeMethod),
        ("FeeQuantity", NpgsqlDbType.Integer, r => r.FeeQuantity),
        ("FeePriorQuantity", NpgsqlDbType.Integer, r => r.FeePriorQuantity),
        ("FeeAmountFen", NpgsqlDbType.Bigint, r => r.FeeAmountFen),
        ("FeeBandsJson", NpgsqlDbType.Text, r => r.FeeBandsJson),
        ("FeePaymentDueOn", NpgsqlDbType.Date, r => r.FeePaymentDueOn),
        ("FeePaidOn", NpgsqlDbType.Date, r => r.FeePaidOn),
        ("OutcomeKey", NpgsqlDbType.Text, r => r.OutcomeKey),
        ("DecisionReason", NpgsqlDbType.Text, r => r.DecisionReason),
        ("DecidedOn", NpgsqlDbType.Date, r => r.DecidedOn),
        ("AnsweredOn", NpgsqlDbType.Date, r => r.AnsweredOn),
        ("ClosedOn", NpgsqlDbType.Date, r => r.ClosedOn),
        ("FinishedOn", NpgsqlDbType.Date, r => r.FinishedOn),
        ("DueOn", NpgsqlDbType.Date, r => r.DueOn),
        ("ClockRunning", NpgsqlDbType.Boolean, r => r.ClockRunning),
        ("CalendarVersion", NpgsqlDbType.Text, r => r.CalendarVersion),
        ("ApplicantDueOn", NpgsqlDbType.Date, r => r.ApplicantDueOn),
        ("HandlerId", NpgsqlDbType.Text, r => r.HandlerId),
        ("HandlerName", NpgsqlDbType.Text, r => r.HandlerName),
        ("UpdatedAt", NpgsqlDbType.TimestampTz, r => r.UpdatedAt),
        ("Version", NpgsqlDbType.Integer, r => r.Version),
    ]);

    private static readonly string[] Descriptions =
    [
        "申请公开本单位2023年度部门预算、决算及“三公”经费使用情况。",
        "申请公开××路拓宽工程的立项批复、环境影响评价文件及征收补偿方案。",
        "申请公开本村集体土地征收的批准文件、补偿标准及安置方案。",
        "申请公开对本人所在小区违法建设的查处决定书。",
        "申请公开某企业排污许可证及最近一年的监督性监测数据。",
        "申请公开本单位政府采购项目的中标结果和合同文本。",
    ];

    public async Task SeedAsync(RequestBenchOptions options, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        Requests.CheckAgainst(db);
        var existing = await db.Requests.LongCountAsync(ct);
        if (existing > 0 && !options.Force)
        {
            throw new CliException($"数据库中已有 {existing:N0} 件政府信息公开申请，基准测试数据只写入空库。确需追加请加 --force。");
        }
        var phase = Stopwatch.StartNew();
        var (agencies, _) = await agencySeeder.CreateAgenciesAsync(options.Agencies, withColumns: false, ct);
        await output.WriteLineAsync($"已创建 {agencies.Count:N0} 个单位（{phase.Elapsed.TotalSeconds:0.0} 秒）。");

        // One real ciphertext per field, produced by the application's protector (the key ring is created in the database
        // if missing), so decrypting any generated case works exactly as for a real one.
        var pii = new Pii(
            protector.Protect("测试申请人"), protector.Protect("110101199003071234"), protector.Protect("13800000000"),
            protector.Protect("测试市测试路1号（测试地址）"), protector.Protect("applicant@example.invalid"), ApplicantDataProtector.MaskName("测试申请人"), ApplicantDataProtector.MaskId("110101199003071234"));
        var calendar = await calendars.CurrentAsync(ct);

        phase.Restart();
        var channel = Channel.CreateBounded<RequestRecord[]>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
        var ids = agencies.Select(a => a.Id).ToArray();
        var producer = Task.Run(() => ProduceAsync(channel.Writer, ids, pii, calendar, options, ct), ct);
        var written = await Requests.WriteAsync(db, channel.Reader, options.Cases, output, ct);
        await producer;
        var casesTime = phase.Elapsed;
        await output.WriteLineAsync($"已写入 {written:N0} 件申请（{casesTime.TotalSeconds:0.0} 秒，{written / Math.Max(0.001, casesTime.TotalSeconds):N0} 件/秒）。");

        // The open pause of every paused case, as RequestCaseStore stores it (From = the step that paused the clock); a --force
        // run adds them only for the cases it wrote (the earlier ones have theirs).
        phase.Restart();
        var pauses = await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "RequestPauses" ("RequestId", "Seq", "Kind", "From", "To", "Counterparty")
            SELECT "Id", 1, CASE "State" WHEN 3 THEN 1 WHEN 4 THEN 2 ELSE 3 END, "LastStepOn", NULL, NULL
            FROM "Requests" WHERE "State" IN (3, 4, 6) AND "LastStepOn" IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM "RequestPauses" p WHERE p."RequestId" = "Requests"."Id")
            """, ct);
        await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        await output.WriteLineAsync($"已写入 {pauses:N0} 条中止记录并更新统计信息（{phase.Elapsed.TotalSeconds:0.0} 秒）。");

        audit.Record(StaffContext.System(agencies[0].Id), "bench.seed-requests", "Platform", 1,
            $"生成依申请公开基准测试数据：{agencies.Count}个单位，{written}件申请，随机种子{options.Seed}", agencies[0].Id);
        // New agencies were written in bulk (they appear on the portal): consumers rebuild everything.
        new ChangeFeed(db, clock).Reset("bench.seed-requests");
        await db.SaveChangesAsync(ct);
        var running = await db.Requests.CountAsync(r => r.ClockRunning, ct);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"完成：{agencies.Count:N0} 个单位（上级单位 {agencies[0].Code}），{written:N0} 件申请，其中 {running:N0} 件正在计时；总用时 {total.Elapsed.TotalSeconds:0.0} 秒。"));
    }

    private sealed record Pii(string Name, string IdNumber, string Phone, string Address, string Email, string NameMasked, string IdMasked);

    private async Task ProduceAsync(ChannelWriter<RequestRecord[]> writer, int[] agencyIds, Pii pii, WorkingDayCalendar calendar,
        RequestBenchOptions options, CancellationToken ct)
    {
        try
        {
            var rng = new Random(options.Seed);
            var today = clock.Today;
            var now = clock.UtcNow;
            var first = new LocalDate(BenchSeeder.FirstYear, 1, 1);
            var span = Period.Between(first, today, PeriodUnits.Days).Days;
            // Busier agencies get more requests (land, housing, planning departments in real reports): weights 1–8.
            var weighted = agencyIds.SelectMany(id => Enumerable.Repeat(id, 1 + rng.Next(8))).ToArray();
            var remaining = options.Cases;
            var serial = 0;
            while (remaining > 0)
            {
                var batch = new RequestRecord[Math.Min(BatchSize, remaining)];
                for (var b = 0; b < batch.Length; b++)
                {
                    batch[b] = NewCase(rng, weighted[rng.Next(weighted.Length)], serial++, first, span, today, now, pii, calendar);
                }
                remaining -= batch.Length;
                await writer.WriteAsync(batch, ct);
            }
            writer.Complete();
        }
        catch (Exception ex)
        {
            writer.Complete(ex);
            throw;
        }
    }

    /// <summary>
    /// State mix per 1,000 cases: 2 awaiting confirmation, 28 running (received in the last ~6 weeks, so due dates fall
    /// around today), 3 running long overdue, 8 paused (consultation or payment), 4 awaiting a 补正, 3 decided not yet
    /// served, 25 closed (no correction / fee not paid), the rest answered.
    /// </summary>
    private static RequestRecord NewCase(Random rng, int agencyId, int serial, LocalDate first, int span, LocalDate today, DateTime now, Pii pii,
        WorkingDayCalendar calendar)
    {
        var roll = rng.Next(1000);
        var channel = (SubmissionChannel)(rng.Next(100) switch { < 55 => 4, < 70 => 1, < 85 => 2, < 90 => 3, < 96 => 5, _ => 6 });
        var applicant = rng.Next(100) < 85 ? ApplicantType.NaturalPerson : (ApplicantType)(2 + rng.Next(5));
        LocalDate received = roll switch
        {
            < 2 => today.PlusDays(-rng.Next(0, 5)),
            < 30 => today.PlusDays(-rng.Next(0, 45)),
            < 33 => today.PlusDays(-rng.Next(45, 365)),
            < 48 => today.PlusDays(-rng.Next(0, 60)),
            _ => first.PlusDays(rng.Next(0, Math.Max(1, span - 40))),
        };
        var submittedAt = DateTime.SpecifyKind(received.PlusDays(channel is SubmissionChannel.RegisteredPost ? -2 : 0)
            .ToDateTimeUnspecified().AddHours(1 + rng.Next(9)).AddMinutes(rng.Next(60)), DateTimeKind.Utc);
        var r = new RequestRecord
        {
            AgencyId = agencyId,
            TrackingCode = TrackingCode(received, serial),
            SecretHash = TrackingSecrets.HashSecret(string.Create(CultureInfo.InvariantCulture, $"BENCH{serial}")),
            ApplicantType = applicant,
            Channel = channel,
            NameProtected = pii.Name,
            IdNumberProtected = pii.IdNumber,
            PhoneProtected = pii.Phone,
            AddressProtected = channel is SubmissionChannel.RegisteredPost or SubmissionChannel.OrdinaryLetter ? pii.Address : null,
            NameMasked = pii.NameMasked,
            IdNumberMasked = pii.IdMasked,
            Description = Descriptions[rng.Next(Descriptions.Length)],
            WantedForm = RequestFormChoices.Forms[rng.Next(RequestFormChoices.Forms.Count)],
            Delivery = RequestFormChoices.Deliveries[rng.Next(3)],
            SubmittedAt = submittedAt,
            SubmittedOn = channel is SubmissionChannel.Online or SubmissionChannel.InPerson ? received.ToDateOnly() : null,
            SignedForOn = channel == SubmissionChannel.RegisteredPost ? received.ToDateOnly() : null,
            ConfirmedOn = channel is SubmissionChannel.Online or SubmissionChannel.OrdinaryLetter or SubmissionChannel.Email or SubmissionChannel.Fax
                ? received.ToDateOnly() : null,
            UpdatedAt = now,
            Version = 2,
        };
        // RequestIntake refuses 电子邮件 delivery without an address.
        r.EmailProtected = r.Delivery == "电子邮件" ? pii.Email : null;
        if (roll < 2)
        {
            // Awaiting the office's confirmation of receipt (条例第三十一条): no receipt date, no clock.
            r.ConfirmedOn = null;
            r.SubmittedOn = received.ToDateOnly();
            r.Version = 1;
            return r;
        }
        r.ReceivedOn = received.ToDateOnly();
        r.ReceivedYear = received.Year;
        r.ClockStartOn = r.ReceivedOn;
        r.LastStepOn = r.ReceivedOn;
        r.CalendarVersion = calendar.Version;
        var extension = 0;
        if (roll < 48 && rng.Next(100) < 15)
        {
            extension = 1 + rng.Next(20);
            var approved = Min(received.PlusDays(5 + rng.Next(20)), today);
            r.ExtensionApprovedOn = approved.ToDateOnly();
            r.ExtensionWorkingDays = extension;
            r.ExtensionApprovedBy = "测试负责人";
            r.ExtensionReason = "需要调取档案、汇总多个科室的信息，20个工作日内无法答复。";
            r.LastStepOn = r.ExtensionApprovedOn;
        }
        switch (roll)
        {
            case < 33:
                r.State = extension > 0 ? RequestState.Extended : RequestState.Received;
                SetDue(r, calendar, received, 20 + extension, running: true);
                break;
            case < 41:
            {
                // Paused since some step after receipt; the open pause counts up to today (DeadlinePolicy).
                var kind = rng.Next(3);
                r.State = kind switch { 0 => RequestState.ThirdPartyConsultation, 1 => RequestState.InterAgencyConsultation, _ => RequestState.AwaitingPayment };
                var from = Min(received.PlusDays(3 + rng.Next(15)), today);
                r.LastStepOn = from.ToDateOnly();
                if (r.State == RequestState.AwaitingPayment)
                {
                    var fee = InformationProcessingFee.Assess(FeeMethod.PerItem, 11 + rng.Next(20), received);
                    r.FeeNoticeReceivedOn = from.ToDateOnly();
                    r.FeeMethod = fee.Method;
                    r.FeeQuantity = fee.Quantity;
                    r.FeePriorQuantity = fee.PriorQuantity;
                    r.FeeAmountFen = fee.AmountFen;
                    r.FeeBandsJson = JsonSerializer.Serialize(fee.Bands);
                    r.FeePaymentDueOn = TryAdd(calendar, from, 20)?.ToDateOnly();
                    r.ApplicantDueOn = r.FeePaymentDueOn;
                }
                // As DeadlinePolicy: an open consultation is excluded for its full 15 working days and stays on the dashboard;
                // an open fee period counts up to today.
                var consulting = r.State != RequestState.AwaitingPayment;
                SetDue(r, calendar, received, 20 + extension + (consulting ? DeadlinePolicy.ConsultationWorkingDays : calendar.CountWorkingDays(from, today)),
                    running: consulting);
                break;
            }
            case < 45:
                r.State = RequestState.AwaitingCorrection;
                r.LastStepOn = Min(received.PlusDays(1 + rng.Next(7)), today).ToDateOnly();
                r.ClockRunning = false;
                r.ApplicantDueOn = r.LastStepOn.Value.AddDays(15); // the 补正 period stated in the notice
                break;
            case < 48:
                r.State = RequestState.Decided;
                SetDue(r, calendar, received, 20 + extension, running: true); // owed until served (条例第三十三条)
                r.OutcomeKey = RequestOutcomes.All[rng.Next(18)].Key;
                r.DecisionReason = "经审查，依据条例相关规定作出决定。";
                r.DecidedOn = Min(received.PlusDays(5 + rng.Next(20)), today).ToDateOnly();
                r.LastStepOn = r.DecidedOn;
                break;
            case < 73:
                r.State = RequestState.ClosedAbandoned;
                r.OutcomeKey = rng.Next(5) == 0 ? RequestOutcomes.FeeNotPaid.Key : RequestOutcomes.NoCorrection.Key;
                var closed = received.PlusDays(10 + rng.Next(30));
                r.ClosedOn = closed.ToDateOnly();
                r.FinishedOn = r.ClosedOn;
                r.LastStepOn = r.ClosedOn;
                if (r.OutcomeKey != RequestOutcomes.NoCorrection.Key)
                {
                    SetDue(r, calendar, received, 20, running: false);
                }
                break;
            default:
            {
                r.State = RequestState.Answered;
                SetDue(r, calendar, received, 20, running: false);
                // Most are answered in time; about one in twenty late.
                var answered = received.PlusDays(rng.Next(100) < 95 ? 3 + rng.Next(25) : 29 + rng.Next(30));
                r.OutcomeKey = RequestOutcomes.All[rng.Next(100) < 50 ? 0 : rng.Next(18)].Key;
                r.DecisionReason = "经审查，依据条例相关规定作出决定。";
                r.DecidedOn = answered.PlusDays(-rng.Next(2)).ToDateOnly();
                r.AnsweredOn = answered.ToDateOnly();
                r.FinishedOn = r.AnsweredOn;
                r.LastStepOn = r.AnsweredOn;
                r.Version = 4;
                break;
            }
        }
        return r;
    }

    /// <summary>As RequestCaseStore.ApplyAsync: a due date beyond the calendar's years is stored as null, never guessed.</summary>
    private static void SetDue(RequestRecord r, WorkingDayCalendar calendar, LocalDate start, int workingDays, bool running)
    {
        r.DueOn = TryAdd(calendar, start, workingDays)?.ToDateOnly();
        r.ClockRunning = running;
    }

    private static LocalDate? TryAdd(WorkingDayCalendar calendar, LocalDate start, int workingDays)
    {
        try
        {
            return calendar.AddWorkingDays(start, workingDays);
        }
        catch (CalendarNotCoveredException)
        {
            return null;
        }
    }

    private static LocalDate Min(LocalDate a, LocalDate b) => a < b ? a : b;

    /// <summary>The request's format (YSQyyyyMMdd-XXXXXX); the suffix encodes the serial so codes are unique.</summary>
    private static string TrackingCode(LocalDate on, int serial)
    {
        Span<char> suffix = stackalloc char[6];
        for (var i = 5; i >= 0; i--)
        {
            suffix[i] = TrackingSecrets.CodeAlphabet[serial % TrackingSecrets.CodeAlphabet.Length];
            serial /= TrackingSecrets.CodeAlphabet.Length;
        }
        return string.Create(CultureInfo.InvariantCulture, $"YSQ{on:yyyyMMdd}-{suffix}");
    }
}
