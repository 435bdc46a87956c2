using System.Text;
using Gongkai.Application.Accounts;
using Gongkai.Application.Requests;
using Gongkai.Application.Requests.Delivery;
using Gongkai.Application.Requests.Intake;
using Gongkai.Application.Requests.Reminders;
using Gongkai.Domain.Requests;
using Gongkai.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Requests.Delivery;

/// <summary>Cases decided as disclosed, with the applicant's e-mail address, and the delivery services in a fresh scope.</summary>
public static class DeliveryKit
{
    public const string ApplicantEmail = "ouyang@example.com";

    /// <summary>A small PDF: the disclosed document.</summary>
    public static readonly byte[] Pdf = Encoding.UTF8.GetBytes(
        "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% 示例县2024年度城乡低保资金发放情况\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed record Case(int AgencyId, StaffContext Clerk, NewRequest Created)
    {
        public long Id => Created.Record.Id;
    }

    /// <summary>An in-person request with an e-mail address, decided with <paramref name="outcome"/> (default: 予以公开).</summary>
    public static async Task<Case> DecidedCaseAsync(TestApp app, RequestOutcome? outcome = null)
    {
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var input = Input();
        input.Email = ApplicantEmail;
        var created = await app.WithIntakeAsync(s => s.RegisterAsync(clerk, agency.Id, SubmissionChannel.InPerson, input, app.Clock.Today, null, null, Ct));
        var o = outcome ?? RequestOutcomes.Disclosed;
        await app.WithStepsAsync(s => s.DecideAsync(clerk, created.Record.Id, o.Key, null, o == RequestOutcomes.Disclosed ? null : "理由见告知书", Ct));
        return new Case(agency.Id, clerk, created);
    }

    public static Task<T> WithDocumentsAsync<T>(this TestApp app, Func<DisclosedDocuments, Task<T>> action) =>
        app.InScopeAsync(sp => action(sp.GetRequiredService<DisclosedDocuments>()));

    public static Task<T> WithDeliveriesAsync<T>(this TestApp app, Func<DocumentDeliveries, Task<T>> action) =>
        app.InScopeAsync(sp => action(sp.GetRequiredService<DocumentDeliveries>()));

    /// <summary>The delivery services as a host configured with <c>Smtp:*</c> pointing at <paramref name="port"/> would build them.</summary>
    public static Task<T> WithMailingDeliveriesAsync<T>(this TestApp app, int port, Func<DocumentDeliveries, Task<T>> action) =>
        app.InScopeAsync(sp => action(ActivatorUtilities.CreateInstance<DocumentDeliveries>(sp,
            new DeliveryMailer(new DeadlineReminderOptions { Smtp = new SmtpSettings("127.0.0.1", port, "gongkai@example.gov.cn", null, null, false) }))));

    public static Task<DisclosedDocument> AttachPdfAsync(this TestApp app, Case c, string name = "低保资金发放情况.pdf") =>
        app.WithDocumentsAsync(d => d.AttachFileAsync(c.Clerk, c.Id, name, Pdf, Ct));

    public static Task<RequestRecord> AnswerAsync(this TestApp app, Case c) =>
        app.WithStepsAsync(s => s.AnswerAsync(c.Clerk, c.Id, null, Ct));

    /// <summary>The tracking page's view of the case, as the applicant opens it with code and secret.</summary>
    public static async Task<TrackingView> TrackAsync(this TestApp app, Case c) =>
        (await app.WithQueriesAsync(q => q.TrackAsync(c.Created.Record.TrackingCode, c.Created.Secret, Ct)))!;
}
