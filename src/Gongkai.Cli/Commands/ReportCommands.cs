using System.CommandLine;
using Gongkai.Application.Data;
using Gongkai.Application.Reports;
using Gongkai.Documents;
using Gongkai.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Commands;

/// <summary>
/// <c>gongkai report generate --agency &lt;code&gt; --year &lt;yyyy&gt; --format json|docx|pdf|xlsx|html [--out &lt;file&gt;]</c>: the
/// annual report generated from the records, in the JSON form the API and the checker share, or as the Word, PDF, Excel
/// and HTML files the portal offers (<see cref="ReportAttachmentFiles"/>). JSON without <c>--out</c> goes to stdout; the
/// other formats are files and need <c>--out</c>. The cases it carries into the next year are listed on stderr.
/// </summary>
internal static class ReportCommands
{
    public static Command Build(CliContext cli)
    {
        var report = new Command("report", "政府信息公开工作年度报告");
        var agency = new Option<string>("--agency") { Description = "单位编码", Required = true };
        var year = new Option<int>("--year") { Description = "报告年度（yyyy）", Required = true };
        var format = new Option<string>("--format") { Description = "输出格式：json、docx、pdf、xlsx 或 html", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong([.. ReportAttachmentFiles.Formats]);
        var output = new Option<string?>("--out") { Description = "输出文件；不指定时 json 写到标准输出" };
        var generate = new Command("generate", "从本平台的申请、复议诉讼、目录和收费记录生成年度报告") { agency, year, format, output };
        generate.SetAction((parse, ct) => cli.RunAsync(parse, async (sp, ct) =>
        {
            var chosen = parse.GetValue(format) ?? "json";
            var file = parse.GetValue(output) is { Length: > 0 } o ? o : null;
            if (chosen != "json" && file is null)
            {
                throw new CliException($"输出格式 {chosen} 是文件，请用 --out 指定输出文件。");
            }
            var code = parse.GetRequiredValue(agency).Trim();
            var db = sp.GetRequiredService<GongkaiDbContext>();
            var agencyId = await db.Agencies.Where(a => a.Code == code).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct)
                ?? throw new CliException($"找不到编码为“{code}”的单位。");
            var reportYear = parse.GetValue(year);
            var generated = await sp.GetRequiredService<ReportGenerator>().GenerateAsync(agencyId, reportYear, ct);
            if (file is not null)
            {
                var written = sp.GetRequiredService<ReportAttachmentFiles>().For(generated.Report, chosen)
                    ?? throw new CliException(CjkFontResolver.FindFontFile(sp.GetRequiredService<IConfiguration>()["Letters:FontPath"]) is null
                        ? CjkFontResolver.MissingFontMessage
                        : "未配置 PDF 组件许可，无法生成 PDF：请设置环境变量 Letters__PdfSharpLicense（AGPL 或商业许可密钥）。");
                await File.WriteAllBytesAsync(file, written.Data, ct);
                await cli.Out.WriteLineAsync($"已生成 {generated.Report.Agency} {reportYear} 年度报告（{generated.Report.Template.Notice} 格式，{chosen}）：{file}");
            }
            else
            {
                await cli.Out.WriteAsync(AnnualReportJson.Write(generated.Report));
            }
            foreach (var carried in generated.CarriedOver)
            {
                await cli.Error.WriteLineAsync($"{carried.TrackingCode}（{carried.ReceivedOn:yyyy-MM-dd} 收到）：{carried.HowCounted(reportYear)}");
            }
            return 0;
        }, ct));
        report.Subcommands.Add(generate);
        return report;
    }
}
