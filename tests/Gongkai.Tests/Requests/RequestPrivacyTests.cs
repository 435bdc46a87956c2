using System.Net;
using System.Net.Http.Json;
using System.Text;
using Gongkai.Application;
using Gongkai.Application.Requests;
using Gongkai.Application.Requests.Privacy;
using Gongkai.Documents;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Requests;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Requests;

/// <summary>Applicant personal data: encrypted at rest, masked in lists, every view audited; tracking needs the secret; agency walls.</summary>
public sealed class RequestPrivacyTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task ApplicantIdPhoneAndAddress_AreNotStoredInPlaintext(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        await app.RegisterInPersonAsync(clerk);
        await app.WithIntakeAsync(s => s.SubmitOnlineAsync(agency.Code, Input(ApplicantType.CommercialEnterprise), null, null, Ct));

        var raw = await app.WithDbAsync(db => RawTableAsync(db, "Requests"));

        Assert.DoesNotContain(ResidentId, raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(CreditCode, raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Phone, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(Address, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(ApplicantName, raw, StringComparison.Ordinal);
        Assert.Contains("110***********002X", raw, StringComparison.Ordinal); // the masked form for lists
    }

    [Theory, BothDatabases]
    public async Task ListsShowMaskedValues_AndViewingTheUnmaskedData_WritesAPiiViewAuditEntry(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var record = await app.RegisterInPersonAsync(clerk);
        using var client = app.Client(await app.IssueTokenAsync(clerk));

        var list = await app.WithQueriesAsync(q => q.ListAsync(clerk, new RequestFilter(), Ct));
        var apiList = await client.GetStringAsync("/api/v1/staff/requests", Ct);
        var apiCase = await client.GetStringAsync($"/api/v1/staff/requests/{record.Id}", Ct);
        var auditBefore = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "request.pii.view", Ct));
        var personal = await app.WithPrivacyAsync(s => s.ViewPersonalDataAsync(clerk, record.Id, Ct));
        var views = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "request.pii.view").ToListAsync(Ct));

        Assert.Equal("欧***", Assert.Single(list.Items).NameMasked);
        foreach (var json in new[] { apiList, apiCase })
        {
            Assert.Contains("欧***", json, StringComparison.Ordinal);
            Assert.DoesNotContain(ApplicantName, json, StringComparison.Ordinal);
            Assert.DoesNotContain(ResidentId, json, StringComparison.Ordinal);
            Assert.DoesNotContain(Phone, json, StringComparison.Ordinal);
        }
        Assert.Equal(0, auditBefore);
        Assert.Equal(new ApplicantPersonalData(ApplicantName, ResidentId, Phone, Address, null, null, "居民身份证"), personal);
        var view = Assert.Single(views);
        Assert.Equal(clerk.UserId, view.UserId);
        Assert.Equal(record.Id.ToString(), view.EntityId);
        Assert.DoesNotContain(ResidentId, view.Detail ?? "", StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task TrackingPage_WithTheWrongSecret_ShowsNothingAndRefusesTheLetter(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var created = await app.WithIntakeAsync(s => s.RegisterAsync(clerk, agency.Id, SubmissionChannel.InPerson, Input(), app.Clock.Today, null, null, Ct));
        var code = created.Record.TrackingCode;
        await app.WithStepsAsync(s => s.DecideAsync(clerk, created.Record.Id, RequestOutcomes.Disclosed.Key, null, null, Ct));
        await app.WithStepsAsync(s => s.AnswerAsync(clerk, created.Record.Id, null, Ct));
        await app.InScopeAsync(sp => sp.GetRequiredService<AnswerLetters>().GenerateAsync(clerk, created.Record.Id, Ct));
        var letterId = await app.WithDbAsync(db => db.RequestLetters.Where(l => l.FileName.EndsWith(".docx")).Select(l => l.Id).SingleAsync(Ct));
        using var client = app.Client();
        var token = AntiforgeryToken(await client.GetStringAsync("/track", Ct));

        var wrong = await PostAsync(client, "/track", token, ("Code", code), ("Secret", "WRONGSECRET23456"));
        var wrongHtml = await wrong.Content.ReadAsStringAsync(Ct);
        var wrongLetter = await PostAsync(client, "/track?handler=Letter", token, ("Code", code), ("Secret", "WRONGSECRET23456"), ("letterId", letterId.ToString()));
        var right = await PostAsync(client, "/track", token, ("Code", code.ToLowerInvariant()), ("Secret", created.Secret!));
        var rightHtml = await right.Content.ReadAsStringAsync(Ct);
        var letter = await PostAsync(client, "/track?handler=Letter", token, ("Code", code), ("Secret", created.Secret!), ("letterId", letterId.ToString()));

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("查询码或查询密码不正确。", wrongHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("办理状态", wrongHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(agency.Name + "</td>", wrongHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("答复告知书-", wrongHtml, StringComparison.Ordinal);
        Assert.Equal("text/html", wrongLetter.Content.Headers.ContentType?.MediaType);
        Assert.Null(wrongLetter.Content.Headers.ContentDisposition);
        Assert.Contains("查询码或查询密码不正确。", await wrongLetter.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        // With the secret: status and letters, still no personal data.
        Assert.Contains("办理状态", rightHtml, StringComparison.Ordinal);
        Assert.Contains("已答复", rightHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(ApplicantName, rightHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(ResidentId, rightHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, rightHtml, StringComparison.Ordinal);
        Assert.True(right.Headers.CacheControl?.NoStore);
        Assert.Equal(WordWriter.ContentType, letter.Content.Headers.ContentType?.MediaType);
        Assert.True((await letter.Content.ReadAsByteArrayAsync(Ct)).Length > 0);
    }

    [Theory, BothDatabases]
    public async Task AnotherAgencysStaff_GetNotFoundForACase(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var top = await app.SetUpAsync();
        var education = await app.AddAgencyAsync("000014350", "示例县教育局", top.Id);
        var health = await app.AddAgencyAsync("000014351", "示例县卫生健康局", top.Id);
        var clerk = await app.AddStaffAsync("clerk", education.Id, Roles.Editor);
        var stranger = await app.AddStaffAsync("stranger", health.Id, Roles.Editor);
        var record = await app.RegisterInPersonAsync(clerk);
        using var client = app.Client(await app.IssueTokenAsync(stranger));

        var missing = await Assert.ThrowsAsync<NotFoundException>(() => app.WithStoreAsync(s => s.LoadReadableAsync(stranger, record.Id + 1000, Ct)));
        var read = await Assert.ThrowsAsync<NotFoundException>(() => app.WithStoreAsync(s => s.LoadReadableAsync(stranger, record.Id, Ct)));
        var pii = await Assert.ThrowsAsync<NotFoundException>(() => app.WithPrivacyAsync(s => s.ViewPersonalDataAsync(stranger, record.Id, Ct)));
        var act = await Assert.ThrowsAsync<NotFoundException>(() => app.WithStepsAsync(s => s.DecideAsync(stranger, record.Id, RequestOutcomes.Disclosed.Key, null, null, Ct)));
        var get = await client.GetAsync($"/api/v1/staff/requests/{record.Id}", Ct);
        var getMissing = await client.GetAsync($"/api/v1/staff/requests/{record.Id + 1000}", Ct);
        var step = await client.PostAsJsonAsync($"/api/v1/staff/requests/{record.Id}/decide", new { outcome = "disclosed" }, Ct);
        var list = await client.GetStringAsync("/api/v1/staff/requests", Ct);

        // The same answer as for a case that does not exist: nothing tells a stranger which ids are taken.
        Assert.Equal("找不到该申请，或您无权查看。", missing.Message);
        Assert.Equal(missing.Message, read.Message);
        Assert.NotNull(pii);
        Assert.NotNull(act);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, getMissing.StatusCode);
        Assert.Equal(await Detail(getMissing), await Detail(get));
        Assert.Equal(HttpStatusCode.NotFound, step.StatusCode);
        Assert.Equal("[]", list);
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "request.pii.view", Ct)));
        Assert.Equal(RequestState.Received, (await app.LoadAsync(record.Id)).State);
    }

    [Theory, BothDatabases]
    public async Task SupervisorOfTheParentAgency_CanReadButNotAct(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var top = await app.SetUpAsync();
        var education = await app.AddAgencyAsync("000014350", "示例县教育局", top.Id);
        var clerk = await app.AddStaffAsync("clerk", education.Id, Roles.Editor);
        var supervisor = await app.AddStaffAsync("supervisor", top.Id, StaffRole.Supervisor);
        var record = await app.RegisterInPersonAsync(clerk);
        using var client = app.Client(await app.IssueTokenAsync(supervisor));

        var read = await app.WithStoreAsync(s => s.LoadReadableAsync(supervisor, record.Id, Ct));
        var dashboard = await app.WithQueriesAsync(q => q.DeadlinesAsync(supervisor, null, Ct));
        var decide = await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.WithStepsAsync(s => s.DecideAsync(supervisor, record.Id, RequestOutcomes.Disclosed.Key, null, null, Ct)));
        var extend = await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.WithStepsAsync(s => s.ExtendAsync(supervisor, record.Id, null, 10, "李主任", "需调取档案", Ct)));
        var get = await client.GetAsync($"/api/v1/staff/requests/{record.Id}", Ct);
        var step = await client.PostAsJsonAsync($"/api/v1/staff/requests/{record.Id}/decide", new { outcome = "disclosed" }, Ct);
        var apiDashboard = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/staff/requests/deadlines", Ct);

        Assert.Equal(record.TrackingCode, read.TrackingCode);
        var byAgency = apiDashboard.GetProperty("byAgency").EnumerateArray().Single();
        Assert.Equal(("示例县教育局", 1), (byAgency.GetProperty("agency").GetString(), byAgency.GetProperty("running").GetInt32()));
        Assert.Equal("2025-03-14", apiDashboard.GetProperty("today").GetString());
        Assert.DoesNotContain(ApplicantName, apiDashboard.GetRawText(), StringComparison.Ordinal); // masked only
        Assert.Contains(dashboard.ByAgency, a => a.AgencyId == education.Id && a.Running == 1);
        Assert.Equal("您只能修改本单位的记录；上级监督单位对下级单位只读。", decide.Message);
        Assert.NotNull(extend);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, step.StatusCode);
        var after = await app.LoadAsync(record.Id);
        Assert.Equal(RequestState.Received, after.State);
        Assert.Equal(record.Version, after.Version);
    }

    private static async Task<string?> Detail(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("detail").GetString();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string token, params (string Name, string Value)[] fields)
    {
        var form = new FormUrlEncodedContent([.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value)), KeyValuePair.Create("__RequestVerificationToken", token)]);
        return await client.PostAsync(url, form, Ct);
    }

    /// <summary>Every value of every row of a table, read with plain SQL (what a database dump would show).</summary>
    private static async Task<string> RawTableAsync(Gongkai.Application.Data.GongkaiDbContext db, string table)
    {
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync(Ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await cmd.ExecuteReaderAsync(Ct);
        var text = new StringBuilder();
        var rows = 0;
        while (await reader.ReadAsync(Ct))
        {
            rows++;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                text.Append(reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
            }
            text.Append('\n');
        }
        Assert.True(rows > 0, $"no rows in {table}");
        return text.ToString();
    }

    [Theory, BothDatabases]
    public async Task WithACertificateConfigured_TheKeyRingInTheDatabaseIsEncrypted_AndApplicantDataStillDecrypt(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var pfx = Path.Combine(Path.GetTempPath(), $"gongkai-dp-{Guid.NewGuid():N}.pfx");
        using (var rsa = System.Security.Cryptography.RSA.Create(2048))
        {
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Gongkai Data Protection", rsa,
                System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "pfx-password"), Ct);
        }
        // The test host made its (unencrypted) key ring at start-up; a platform configured from the start has none such.
        await app.WithDbAsync(db => db.DataProtectionKeys.ExecuteDeleteAsync(Ct));
        try
        {
            await using var host = app.Factory.WithWebHostBuilder(b =>
            {
                b.UseSetting("DataProtection:CertificatePath", pfx);
                b.UseSetting("DataProtection:CertificatePassword", "pfx-password");
            });
            await using var scope = host.Services.CreateAsyncScope();
            var protector = scope.ServiceProvider.GetRequiredService<ApplicantDataProtector>();

            var sealedId = protector.Protect(ResidentId);
            var keys = await app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync(Ct));

            Assert.Equal(ResidentId, protector.Unprotect(sealedId));
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.True(xml.Contains("EncryptedXml", StringComparison.Ordinal), xml);
                Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal); // the master key in the clear
            });
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [Theory, BothDatabases]
    public async Task TheLedgerExport_IsAnExcelSheetWithMaskedApplicants_TextNeverFormulas_AndIsAudited(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var input = Input();
        input.Description = "=HYPERLINK(\"http://example.invalid\")";
        var record = await app.RegisterInPersonAsync(clerk, input: input);

        var (name, content) = await app.InScopeAsync(sp => sp.GetRequiredService<RequestLedger>().ExportAsync(clerk, 2025, null, Ct));
        using var stream = new MemoryStream(content);
        using var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        var rows = book.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
            .Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToList()).ToList();
        var formulas = book.WorkbookPart.WorksheetParts.Single().Worksheet!.Descendants<DocumentFormat.OpenXml.Spreadsheet.CellFormula>().Count();

        Assert.Equal("依申请公开台账-2025.xlsx", name);
        Assert.Equal(RequestLedger.Columns, rows[0]);
        Assert.Equal(2, rows.Count);
        Assert.Equal(record.TrackingCode, rows[1][0]);
        Assert.Equal(record.NameMasked, rows[1][2]);
        Assert.Equal("110***********002X", rows[1][3]);
        Assert.DoesNotContain(rows[1], v => v == ApplicantName || v == ResidentId);
        Assert.Equal(input.Description, rows[1][8]);
        Assert.Equal(["居民身份证", "1"], rows[1][^2..]);
        Assert.Equal(0, formulas);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "request.export", Ct)));

        // The same from the back-office list page.
        using var client = app.Client();
        await app.SignInAsync(client, "clerk");
        using var download = await client.GetAsync("/staff/requests?handler=Export&year=2025", Ct);
        Assert.Equal(ExcelWriter.ContentType, download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await download.Content.ReadAsByteArrayAsync(Ct))[..2]);
    }

    [Theory, BothDatabases]
    public async Task StaffApi_RegistersAnApplication_OncePerIdempotencyKey_AndRefusesABadIdNumberWithItsMessage(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        using var client = app.Client(await app.IssueTokenAsync(clerk));
        object Body(string idNumber) => new
        {
            channel = "Email",
            confirmedOn = "2025-03-14",
            applicant = new { applicantType = "NaturalPerson", name = ApplicantName, idNumber, phone = Phone, description = "示例县2024年度城乡低保资金发放情况", wantedForm = "电子文档", delivery = "电子邮件", email = "a@example.invalid" },
        };
        async Task<HttpResponseMessage> PostAsync(object body, string? key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/staff/requests") { Content = JsonContent.Create(body) };
            if (key is not null)
            {
                request.Headers.Add("Idempotency-Key", key);
            }
            return await client.SendAsync(request, Ct);
        }
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(Body(ResidentId), key);
        using var again = await PostAsync(Body(ResidentId), key);
        using var bad = await PostAsync(Body("110105194912310021"), null);
        using var badKey = await PostAsync(Body(ResidentId), "not-a-guid");
        var created = await first.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct);
        var replayed = await again.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True(replayed.GetProperty("resubmitted").GetBoolean());
        // The replayed key neither shows nor renews the secret handed to the applicant.
        Assert.Equal(System.Text.Json.JsonValueKind.Null, replayed.GetProperty("secret").ValueKind);
        Assert.NotNull(await app.WithQueriesAsync(q => q.TrackAsync(created.GetProperty("case").GetProperty("trackingCode").GetString(), created.GetProperty("secret").GetString(), Ct)));
        Assert.Equal(created.GetProperty("case").GetProperty("trackingCode").GetString(), replayed.GetProperty("case").GetProperty("trackingCode").GetString());
        Assert.Equal(RequestState.Received.Label(), created.GetProperty("case").GetProperty("state").GetString()); // e-mail confirmed: received
        Assert.DoesNotContain(ResidentId, await first.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal); // masked in the answer
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("居民身份证号码无效", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Requests.CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task RegistrableAgencies_AClerkTheirOwn_ASupervisorNotTheSubordinates_ThePlatformAdminAll(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var top = await app.SetUpAsync();
        var education = await app.AddAgencyAsync("000014350", "示例县教育局", top.Id);
        var clerk = await app.AddStaffAsync("clerk", education.Id, Roles.Editor);
        var supervisor = await app.AddStaffAsync("supervisor", top.Id, StaffRole.Supervisor);
        var admin = await app.AdminAsync();

        async Task<List<int>> IdsAsync(Gongkai.Application.Accounts.StaffContext actor) =>
            [.. (await app.WithIntakeAsync(i => i.RegistrableAgenciesAsync(actor, Ct))).Select(a => a.Id)];

        Assert.Equal([education.Id], await IdsAsync(clerk));
        Assert.Equal([top.Id], await IdsAsync(supervisor));
        Assert.Equal([top.Id, education.Id], await IdsAsync(admin));
    }

    // Found in the attack: an export with another agency's id wrote an audit entry naming that agency (into its log).
    [Theory, BothDatabases]
    public async Task AnExportOfAnotherAgencysLedger_IsNotFound_AndLoggedOnlyInTheActorsOwnAgency(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var top = await app.SetUpAsync();
        var own = await app.AddAgencyAsync("j000001", "县教育局", top.Id);
        var other = await app.AddAgencyAsync("j000002", "县卫健委", top.Id);
        var clerk = await app.AddStaffAsync("clerk", own.Id, StaffRole.AgencyAdmin);

        await Assert.ThrowsAsync<NotFoundException>(() =>
            app.InScopeAsync(sp => sp.GetRequiredService<RequestLedger>().ExportAsync(clerk, 2025, other.Id, Ct)));

        var entries = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action.StartsWith("request.export")).Select(e => new { e.Action, e.AgencyId }).ToListAsync(Ct));
        var refusal = Assert.Single(entries);
        Assert.Equal("request.export.refused", refusal.Action);
        Assert.Equal(own.Id, refusal.AgencyId);
    }
}
