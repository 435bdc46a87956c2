using System.Net;
using AngleSharp.Html.Parser;
using Gongkai.Tests.Support;
using Gongkai.Web.Pages.Shared.Reports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Tests.Reports.Outputs.ReportSamples;

namespace Gongkai.Tests.Reports.Outputs;

/// <summary>
/// The partial rendered by the application's own Razor engine (no page route: the portal page that uses it comes with the
/// workflow), parsed as HTML; and the chart scripts it loads served by the platform under its CSP.
/// </summary>
public sealed class AnnualReportPartialTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Partial_RendersRealTables_WithSpansScopesAndCaption_AndTheChartData()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, postgres);
        var report = Golden("report-2021.json");

        var html = await RenderAsync(app, AnnualReportView.For(report, [new(2019, 20), new(2020, 22)]));

        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal("示例县人民政府办公室2021年政府信息公开工作年度报告", document.QuerySelector("h2")!.TextContent);
        Assert.Equal(report.Template.Sections, document.QuerySelectorAll("h3").Select(h => h.TextContent).Take(6));
        var section3 = document.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")!.TextContent == "三、收到和处理政府信息公开申请情况");
        var note = section3.QuerySelector("thead td")!;
        Assert.Equal(("3", "3"), (note.GetAttribute("colspan"), note.GetAttribute("rowspan")));
        var applicants = section3.QuerySelectorAll("thead th")[0];
        Assert.Equal(("申请人情况", "colgroup", "7"), (applicants.TextContent, applicants.GetAttribute("scope"), applicants.GetAttribute("colspan")));
        var first = section3.QuerySelectorAll("tbody tr")[0];
        Assert.Equal("一、本年新收政府信息公开申请数量", first.QuerySelector("th[scope=row]")!.TextContent);
        Assert.Equal(report.Applications["一"].Select(Printed), first.QuerySelectorAll("td.num").Select(td => td.TextContent));
        var data = document.QuerySelector("script[type='application/json']")!.TextContent;
        Assert.Contains("\"trend\":[{\"year\":2019,\"received\":20},{\"year\":2020,\"received\":22},{\"year\":2021,\"received\":25}]", data, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("section.report-charts[hidden]"));
        Assert.Contains(document.QuerySelectorAll("script[src]"), s => s.GetAttribute("src")!.StartsWith("/lib/echarts/echarts.min.js", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChartScripts_AreServedByThePlatform_UnderAScriptSrcSelfPolicy()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, postgres);
        await app.SetUpAsync();
        using var client = app.Client();

        using var echarts = await client.GetAsync("/lib/echarts/echarts.min.js", Ct);
        using var script = await client.GetAsync("/js/annual-report-charts.js", Ct);
        using var home = await client.GetAsync("/", Ct);

        Assert.Equal(HttpStatusCode.OK, echarts.StatusCode);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("echarts", await echarts.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var csp = string.Join(";", home.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
    }

    internal static async Task<string> RenderAsync(TestApp app, AnnualReportView model)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var http = new DefaultHttpContext { RequestServices = services };
        var action = new ActionContext(http, new RouteData(), new ActionDescriptor());
        var engine = services.GetRequiredService<IRazorViewEngine>();
        var view = engine.GetView(null, "/Pages/Shared/Reports/_AnnualReport.cshtml", isMainPage: false).View
            ?? throw new InvalidOperationException("The partial was not found.");
        await using var writer = new StringWriter();
        var viewData = new ViewDataDictionary<AnnualReportView>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        var tempData = new TempDataDictionary(http, services.GetRequiredService<ITempDataProvider>());
        await view.RenderAsync(new ViewContext(action, view, viewData, tempData, writer, new HtmlHelperOptions()));
        return writer.ToString();
    }
}
