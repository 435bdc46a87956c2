using System.CommandLine;
using System.Text;
using Gongkai.Application.Data;
using Gongkai.Application.Reports;
using Gongkai.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Commands;

/// <summary>
/// <c>gongkai report generate --agency &lt;code&gt; --year &lt;yyyy&gt; --format json [--out &lt;file&gt;]</c>: the annual report
/// generated from the records, in the JSON form the API and the checker share. The cases it carries into the next year
/// are listed on stderr, so stdout stays the JSON alone.
/// </summary>
internal static class ReportCommands
{
    /// <summary>Formats the command accepts; only json is written so far.</summary>
    private static readonly string[] Formats = ["json", "docx", "pdf", "xlsx", "html"];

    public static Command Build(CliContext cli)
    {
        var report = new Command("report", "政府信息公开工作年度报告");
        var agency = new Option<string>("--agency") { Description = "单位编码", Required = true };
        var year = new Option<int>("--year") { Description = "报告年度（yyyy）", Required = true };
        var format = new Option<string>("--format") { Description = "输出格式：json（docx、pdf、xlsx、html 尚未支持）", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--out") { Description = "输出文件；不指定时 json 写到标准输出" };
        var generate = new Command("generate", "从本平台的申请、复议诉讼、目录和收费记录生成年度报告") { agency, year, format, output };
        generate.SetAction((parse, ct) => cli.RunAsync(parse, async (sp, ct) =>
        {
            var chosen = parse.GetValue(format) ?? "json";
            if (chosen != "json")
            {
                throw new CliException($"输出格式 {chosen} 尚未支持，目前只能输出 json。");
            }
            var code = parse.GetRequiredValue(agency).Trim();
            var db = sp.GetRequiredService<GongkaiDbContext>();
            var agencyId = await db.Agencies.Where(a => a.Code == code).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct)
                ?? throw new CliException($"找不到编码为“{code}”的单位。");
            var reportYear = parse.GetValue(year);
            var generated = await sp.GetRequiredService<ReportGenerator>().GenerateAsync(agencyId, reportYear, ct);
            var json = AnnualReportJson.Write(generated.Report);
            if (parse.GetValue(output) is { Length: > 0 } file)
            {
                await File.WriteAllTextAsync(file, json, new UTF8Encoding(false), ct);
                await cli.Out.WriteLineAsync($"已生成 {generated.Report.Agency} {reportYear} 年度报告（{generated.Report.Template.Notice} 格式）：{file}");
            }
            else
            {
                await cli.Out.WriteAsync(json);
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
