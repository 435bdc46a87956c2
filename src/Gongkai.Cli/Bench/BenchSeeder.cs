using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Gongkai.Application.Accounts;
using Gongkai.Application.Agencies;
using Gongkai.Application.Audit;
using Gongkai.Application.Catalog;
using Gongkai.Application.Changes;
using Gongkai.Application.Data;
using Gongkai.Application.Demo;
using Gongkai.Application.Platform;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Gongkai.Cli.Bench;

internal sealed record BenchOptions(int Agencies, int Items, int Seed, bool Force);

/// <summary>
/// Generates a large, realistic data set for load tests: a city platform with counties, departments and townships, each
/// with the standard column tree, and many published items. Agencies and columns go through EF Core (thousands of rows);
/// items bypass it (millions): binary COPY on PostgreSQL, one transaction with a reused prepared INSERT on SQLite.
/// Generation runs on its own thread, so on two cores it overlaps with the database work.
/// </summary>
internal sealed class BenchSeeder(GongkaiDbContext db, PlatformClock clock, AuditLog audit, TextWriter output)
{
    public const int FirstYear = 2019;
    private const int BatchSize = 2000;

    /// <summary>Item columns written by the bulk paths; checked against the EF model so a schema change fails loudly.</summary>
    private static readonly BulkTable<Item> Items = new("Items",
    [
        ("AgencyId", NpgsqlDbType.Integer, i => i.AgencyId),
        ("ColumnId", NpgsqlDbType.Integer, i => i.ColumnId),
        ("Year", NpgsqlDbType.Integer, i => i.Year),
        ("Serial", NpgsqlDbType.Integer, i => i.Serial),
        ("IndexNo", NpgsqlDbType.Text, i => i.IndexNo),
        ("Title", NpgsqlDbType.Text, i => i.Title),
        ("PublishingOrg", NpgsqlDbType.Text, i => i.PublishingOrg),
        ("WrittenOn", NpgsqlDbType.Date, i => i.WrittenOn),
        ("FormedOn", NpgsqlDbType.Date, i => i.FormedOn),
        ("PublishedOn", NpgsqlDbType.Date, i => i.PublishedOn),
        ("DocNo", NpgsqlDbType.Text, i => i.DocNo),
        ("TopicCategory", NpgsqlDbType.Text, i => i.TopicCategory),
        ("DisclosureMode", NpgsqlDbType.Integer, i => (int)i.DisclosureMode),
        ("WithholdingReason", NpgsqlDbType.Integer, i => (int)i.WithholdingReason),
        ("DisclosureScope", NpgsqlDbType.Text, i => i.DisclosureScope),
        ("Summary", NpgsqlDbType.Text, i => i.Summary),
        ("BodyHtml", NpgsqlDbType.Text, i => i.BodyHtml),
        ("DocumentKind", NpgsqlDbType.Integer, i => (int)i.DocumentKind),
        ("Validity", NpgsqlDbType.Integer, i => (int)i.Validity),
        ("EffectiveOn", NpgsqlDbType.Date, i => i.EffectiveOn),
        ("InvalidatedOn", NpgsqlDbType.Date, i => i.InvalidatedOn),
        ("ReplacedById", NpgsqlDbType.Bigint, i => i.ReplacedById),
        ("InterpretationForm", NpgsqlDbType.Integer, i => (int)i.InterpretationForm),
        ("InterpretsId", NpgsqlDbType.Bigint, i => i.InterpretsId),
        ("Status", NpgsqlDbType.Integer, i => (int)i.Status),
        ("AuthorId", NpgsqlDbType.Text, i => i.AuthorId),
        ("ReviewerId", NpgsqlDbType.Text, i => i.ReviewerId),
        ("SecrecyReviewed", NpgsqlDbType.Boolean, i => i.SecrecyReviewed),
        ("ReviewNote", NpgsqlDbType.Text, i => i.ReviewNote),
        ("WithdrawReason", NpgsqlDbType.Text, i => i.WithdrawReason),
        ("Version", NpgsqlDbType.Integer, i => i.Version),
        ("CreatedAt", NpgsqlDbType.TimestampTz, i => i.CreatedAt),
        ("UpdatedAt", NpgsqlDbType.TimestampTz, i => i.UpdatedAt),
        ("PublishedAt", NpgsqlDbType.TimestampTz, i => i.PublishedAt),
        // A revision under review beside the published row; seeded items have none.
        ("PendingRevisionJson", NpgsqlDbType.Text, i => i.PendingRevisionJson),
        ("PendingStatus", NpgsqlDbType.Integer, i => (int?)i.PendingStatus),
    ]);

    /// <summary>Columns that see more traffic on real platforms (documents, permits, penalties, budgets, procurement, livelihood).</summary>
    private static readonly HashSet<string> BusyColumns = ["art20-01", "art20-05", "art20-06", "art20-07", "art20-09", "art20-11"];

    public async Task SeedAsync(BenchOptions options, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        Items.CheckAgainst(db);
        var existing = await db.Items.LongCountAsync(ct);
        if (existing > 0 && !options.Force)
        {
            throw new CliException($"数据库中已有 {existing:N0} 条信息，基准测试数据只写入空库。确需追加请加 --force。");
        }
        var settings = await db.PlatformSettings.FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = new PlatformSettings { PlatformName = "测试市政府信息公开平台（基准测试数据）", IsDemo = true, SetupCompletedAt = clock.UtcNow };
            db.PlatformSettings.Add(settings);
            await db.SaveChangesAsync(ct);
        }
        var format = new IndexNumberFormat(settings.IndexNoFormat);

        var phase = Stopwatch.StartNew();
        var (agencies, leaves) = await CreateAgenciesAsync(options.Agencies, withColumns: true, ct);
        var columnCount = leaves.Sum(l => l.Value.Count);
        await output.WriteLineAsync($"已创建 {agencies.Count:N0} 个单位及其标准栏目（{phase.Elapsed.TotalSeconds:0.0} 秒）。");

        phase.Restart();
        var channel = Channel.CreateBounded<Item[]>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(() => ProduceAsync(channel.Writer, agencies, leaves, format, options, ct), ct);
        var written = await Items.WriteAsync(db, channel.Reader, options.Items, output, ct);
        await producer;
        var itemsTime = phase.Elapsed;
        await output.WriteLineAsync($"已写入 {written:N0} 条信息（{itemsTime.TotalSeconds:0.0} 秒，{written / Math.Max(0.001, itemsTime.TotalSeconds):N0} 条/秒）。");

        phase.Restart();
        // Fresh statistics, as the planner would have on a database that grew over years.
        await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        await output.WriteLineAsync($"已更新统计信息（{phase.Elapsed.TotalSeconds:0.0} 秒）。");

        audit.Record(StaffContext.System(agencies[0].Id), "bench.seed", "Platform", 1,
            $"生成基准测试数据：{agencies.Count}个单位，{written}条信息，随机种子{options.Seed}", agencies[0].Id);
        // Rows were copied in bulk, past the use cases: one Reset record tells feed consumers to rebuild everything.
        new ChangeFeed(db, clock).Reset("bench.seed");
        await db.SaveChangesAsync(ct);
        var agencyTotal = await db.Agencies.CountAsync(ct);
        var columnTotal = await db.Columns.CountAsync(ct);
        var itemTotal = await db.Items.LongCountAsync(ct);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"完成：数据库现有 {agencyTotal:N0} 个单位，{columnTotal:N0} 个栏目，{itemTotal:N0} 条信息；本次生成 {agencies.Count:N0} 个单位（{columnCount:N0} 个末级栏目），{written:N0} 条信息；总用时 {total.Elapsed.TotalSeconds:0.0} 秒。"));
    }

    /// <summary>
    /// One city platform root → counties (about one per 50 agencies) → departments (2/3) and townships (1/3). The first
    /// agency returned is the root. Also used by <see cref="RequestSeeder"/>, which needs no column trees.
    /// </summary>
    internal async Task<(List<GeneratedAgency> Agencies, Dictionary<int, List<(GeneratedColumn Column, int Weight)>> Leaves)> CreateAgenciesAsync(
        int agencyCount, bool withColumns, CancellationToken ct)
    {
        var runs = await db.Agencies.CountAsync(a => a.ParentId == null && a.Code.StartsWith("BENCH"), ct);
        var run = (runs + 1).ToString(CultureInfo.InvariantCulture);
        var now = clock.UtcNow;
        var prev = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var root = new Agency { Code = $"BENCH{run}", Name = runs == 0 ? "测试市人民政府" : $"测试市人民政府（第{run}批）", Kind = AgencyKind.Platform, Path = "/", CreatedAt = now };
            db.Agencies.Add(root);
            await db.SaveChangesAsync(ct);
            var countyCount = Math.Max(1, (int)Math.Round((agencyCount - 1) / 50.0));
            countyCount = Math.Min(countyCount, agencyCount - 1);
            var counties = new List<Agency>();
            for (var k = 1; k <= countyCount; k++)
            {
                counties.Add(new Agency
                {
                    Code = $"BENCH{run}-C{k:000}", Name = $"测试市第{k}县人民政府", Kind = AgencyKind.Government, ParentId = root.Id,
                    Path = $"/{root.Id}/", SortOrder = k, CreatedAt = now, Phone = "0000-0000000", Address = $"测试市第{k}县政府大道1号（测试地址）",
                });
            }
            db.Agencies.AddRange(counties);
            await db.SaveChangesAsync(ct);
            var children = new List<Agency>();
            var remaining = agencyCount - 1 - countyCount;
            for (var i = 0; i < remaining; i++)
            {
                var county = counties[i % countyCount];
                var k = i % countyCount + 1;
                var nth = i / countyCount;
                var isTownship = nth % 3 == 2;
                var name = isTownship
                    ? $"测试市第{k}县第{nth / 3 + 1}镇人民政府"
                    : $"测试市第{k}县" + DemoCounty.Departments[(nth - nth / 3) % DemoCounty.Departments.Count].Name + ((nth - nth / 3) >= DemoCounty.Departments.Count ? $"（{nth}）" : "");
                children.Add(new Agency
                {
                    Code = $"BENCH{run}-C{k:000}-{(isTownship ? "T" : "D")}{nth:000}", Name = name,
                    Kind = isTownship ? AgencyKind.Township : AgencyKind.Department, ParentId = county.Id, Path = $"/{root.Id}/{county.Id}/",
                    SortOrder = nth, CreatedAt = now, Phone = "0000-0000000",
                });
            }
            db.Agencies.AddRange(children);
            await db.SaveChangesAsync(ct);
            List<Agency> all = [root, .. counties, .. children];
            if (!withColumns)
            {
                return (all.Select(a => new GeneratedAgency(a.Id, a.Code, a.Name, DocNoPrefix(a))).ToList(), []);
            }

            // Standard column trees: parents first (their ids are needed), then children.
            var byAgencyKey = new Dictionary<(int, string), Column>();
            foreach (var level in new[] { true, false })
            {
                foreach (var a in all)
                {
                    var order = 0;
                    foreach (var std in StandardColumns.For(a.Kind))
                    {
                        order++;
                        if ((std.ParentKey is null) != level)
                        {
                            continue;
                        }
                        var c = new Column { AgencyId = a.Id, Key = std.Key, Name = std.Name, Article = std.Article, SortOrder = order, IsStandard = true };
                        if (std.ParentKey is not null)
                        {
                            c.ParentId = byAgencyKey[(a.Id, std.ParentKey)].Id;
                        }
                        byAgencyKey[(a.Id, std.Key)] = c;
                        db.Columns.Add(c);
                    }
                }
                await db.SaveChangesAsync(ct);
            }
            var parents = byAgencyKey.Values.Where(c => c.ParentId is not null).Select(c => c.ParentId!.Value).ToHashSet();
            var leaves = byAgencyKey.Values.Where(c => !parents.Contains(c.Id)).GroupBy(c => c.AgencyId)
                .ToDictionary(g => g.Key, g => g.Select(c => (new GeneratedColumn(c.Id, c.Key, c.Name), BusyColumns.Contains(c.Key) ? 5 : 1)).ToList());
            var generated = all.Select(a => new GeneratedAgency(a.Id, a.Code, a.Name, DocNoPrefix(a))).ToList();
            return (generated, leaves);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = prev;
            db.ChangeTracker.Clear();
        }
    }

    private static string DocNoPrefix(Agency a) => a.Kind switch
    {
        AgencyKind.Platform => "测政发",
        AgencyKind.Government => "测县政发",
        _ => "测" + a.Name.Replace("测试市", "", StringComparison.Ordinal)[..Math.Min(4, a.Name.Length - 3)] + "发",
    };

    private async Task ProduceAsync(ChannelWriter<Item[]> writer, List<GeneratedAgency> agencies, Dictionary<int, List<(GeneratedColumn Column, int Weight)>> leaves,
        IndexNumberFormat format, BenchOptions options, CancellationToken ct)
    {
        try
        {
            var rng = new Random(options.Seed);
            var gen = new CatalogTextGenerator(rng, format);
            var today = clock.TodayDate;
            var from = new DateOnly(FirstYear, 1, 1);
            var createdAt = clock.UtcNow;
            // Weighted column pick per agency: a flat array with each column repeated by its weight.
            var picks = leaves.ToDictionary(l => l.Key, l => l.Value.SelectMany(c => Enumerable.Repeat(c.Column, c.Weight)).ToArray());
            var remaining = options.Items;
            while (remaining > 0)
            {
                var batch = new Item[Math.Min(BatchSize, remaining)];
                for (var b = 0; b < batch.Length; b++)
                {
                    var agency = agencies[rng.Next(agencies.Count)];
                    var column = gen.Pick(picks[agency.Id]);
                    var formedOn = gen.Day(from, today);
                    batch[b] = NewItem(gen, agency, column, formedOn, today, createdAt);
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

    private static Item NewItem(CatalogTextGenerator gen, GeneratedAgency agency, GeneratedColumn column, DateOnly formedOn, DateOnly today, DateTime createdAt)
    {
        var rng = gen.Random;
        var (serial, indexNo) = gen.NextIndexNo(agency, formedOn.Year);
        var title = gen.Title(agency, column, formedOn.Year);
        var published = formedOn.AddDays(rng.Next(0, 20));
        if (published > today)
        {
            published = today;
        }
        var publishedAt = DateTime.SpecifyKind(published.ToDateTime(new TimeOnly(2 + rng.Next(8), rng.Next(60))), DateTimeKind.Utc);
        var item = new Item
        {
            AgencyId = agency.Id,
            ColumnId = column.Id,
            Year = formedOn.Year,
            Serial = serial,
            IndexNo = indexNo,
            Title = title,
            PublishingOrg = agency.Name,
            WrittenOn = formedOn,
            FormedOn = formedOn,
            PublishedOn = published,
            TopicCategory = column.Name.Length <= 20 ? column.Name : null,
            DisclosureMode = DisclosureMode.Proactive,
            Summary = title.Length > 60 ? title[..60] : title,
            BodyHtml = gen.BodyHtml(title, agency, formedOn, rng.Next(2, 7)),
            Status = ItemStatus.Published,
            AuthorId = "bench",
            ReviewerId = "bench-reviewer",
            SecrecyReviewed = true,
            Version = 3,
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
            PublishedAt = publishedAt,
        };
        if (CatalogTextGenerator.IsNormativeColumn(column.Key))
        {
            item.DocumentKind = DocumentKind.NormativeDocument;
            item.DocNo = gen.NextDocNo(agency, formedOn.Year);
            item.EffectiveOn = published;
            var roll = rng.Next(100);
            var end = published.AddYears(2);
            (item.Validity, item.InvalidatedOn) = roll switch
            {
                < 10 when end <= today => (Validity.Lapsed, end),
                < 20 when end <= today => (Validity.Repealed, (DateOnly?)end),
                _ => (Validity.Valid, null),
            };
        }
        else if (title.Contains("通知", StringComparison.Ordinal))
        {
            item.DocNo = gen.NextDocNo(agency, formedOn.Year);
        }
        return item;
    }
}
