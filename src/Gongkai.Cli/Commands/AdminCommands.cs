using System.CommandLine;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai admin …</c>: staff administrators.</summary>
internal static class AdminCommands
{
    public static Command Build(CliContext cli)
    {
        var admin = new Command("admin", "管理员账号");
        var user = new Option<string>("--user") { Description = "用户名", Required = true };
        var password = new Option<string>("--password") { Description = "密码（至少10位，含大小写字母和数字）", Required = true };
        var name = new Option<string?>("--name") { Description = "显示名称（默认同用户名）" };
        var agency = new Option<string?>("--agency") { Description = "所属单位编码：指定时创建该单位的单位管理员；不指定时在顶级单位创建平台管理员" };
        var create = new Command("create", "创建管理员账号") { user, password, name, agency };
        create.SetAction((parse, ct) => cli.RunAsync(parse, async (sp, ct) =>
        {
            await CliContext.EnsureDatabaseAsync(sp, ct);
            var db = sp.GetRequiredService<GongkaiDbContext>();
            var setup = sp.GetRequiredService<PlatformSetupService>();
            var code = parse.GetValue(agency);
            int agencyId;
            string[] roles;
            string agencyName;
            if (string.IsNullOrWhiteSpace(code))
            {
                if (!await setup.IsSetUpAsync(ct))
                {
                    throw new CliException("平台尚未初始化，还没有任何单位。请先运行 gongkai setup --platform-name … --agency-code … --agency-name … --admin-user … --admin-password …，"
                        + "或在网页 /setup 完成初始化；之后再用 --agency 指定单位创建管理员。");
                }
                var top = await db.Agencies.Where(a => a.ParentId == null).OrderBy(a => a.Id).Select(a => new { a.Id, a.Name }).FirstAsync(ct);
                (agencyId, agencyName, roles) = (top.Id, top.Name, [StaffRole.PlatformAdmin, StaffRole.AgencyAdmin]);
            }
            else
            {
                var found = await db.Agencies.Where(a => a.Code == code.Trim()).Select(a => new { a.Id, a.Name }).FirstOrDefaultAsync(ct)
                    ?? throw new CliException($"找不到编码为“{code}”的单位。");
                (agencyId, agencyName, roles) = (found.Id, found.Name, [StaffRole.AgencyAdmin]);
            }
            var userName = parse.GetRequiredValue(user);
            var created = await setup.CreateUserAsync(userName, parse.GetValue(name) ?? "", parse.GetRequiredValue(password), agencyId, roles);
            await cli.Out.WriteLineAsync($"已创建管理员“{created.UserName}”（{agencyName}，角色：{string.Join("、", roles.Select(StaffRole.Label))}）。");
            return 0;
        }, ct));
        admin.Subcommands.Add(create);
        return admin;
    }
}
