using BenchmarkDotNet.Attributes;
using Gongkai.Application.Reports.Outputs;
using Gongkai.Domain.Reports;

namespace Gongkai.Benchmarks;

/// <summary>
/// One full annual report (2021 template, every cell known, sections 一/五/六 of published length) as .docx — the
/// layout of the tables plus the Open XML writer — against the target of 0.2 s; the Excel workbook for comparison.
/// </summary>
[MemoryDiagnoser]
public class ReportDocxBenchmarks
{
    private AnnualReport _report = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _report = AnnualReport.Create("示例县人民政府办公室", 2025);
        foreach (var (table, row, column, _) in _report.Section2.Cells().ToList())
        {
            _report.Section2[table.Key, row, column.Label] = random.Next(0, 5000);
        }
        foreach (var row in _report.Template.ApplicationRows)
        {
            var values = Enumerable.Range(0, ApplicantColumns.Count - 1).Select(_ => (int?)random.Next(0, 200)).ToList();
            _report.WithApplications(row.Key, [.. values, values.Sum()]);
        }
        _report.WithReviewLitigation([.. Enumerable.Range(0, ReviewLitigationColumns.Count).Select(_ => (int?)random.Next(0, 20))]);
        var paragraph = string.Concat(Enumerable.Repeat("本机关坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。", 8));
        _report.Text.Overview = string.Join("\n", Enumerable.Repeat(paragraph, 12));
        _report.Text.Problems = string.Join("\n", Enumerable.Repeat(paragraph, 3));
        _report.Text.Other = string.Join("\n", Enumerable.Repeat(paragraph, 2));
    }

    [Benchmark(Description = ".docx of one full report")]
    public byte[] Docx() => ReportFiles.Docx(_report);

    [Benchmark(Description = ".xlsx of one full report")]
    public byte[] Xlsx() => ReportFiles.Xlsx(_report);
}
