using System.Security.Cryptography;
using System.Text;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Agencies;
using Gongkai.Application.Audit;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Domain.Agencies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Accounts;

public sealed record StaffUserRow(string Id, string UserName, string DisplayName, int AgencyId, string AgencyName, IReadOnlyList<string> Roles, bool LockedOut, string? Email = null);

/// <summary>Staff accounts and their API tokens.</summary>
public sealed class AccountService(
    GongkaiDbContext db, UserManager<StaffUser> users, PlatformSetupService setup, AgencyAccess access, AuditLog audit, PlatformClock clock, LoginThrottle throttle)
{
    public const string TokenPrefix = "gk_";

    public async Task<List<StaffUserRow>> ListAsync(StaffContext actor, CancellationToken ct = default)
    {
        var readable = access.Readable(actor).Select(a => a.Id);
        var rows = await db.Users.AsNoTracking().Where(u => readable.Contains(u.AgencyId))
            .Join(db.Agencies, u => u.AgencyId, a => a.Id, (u, a) => new { u.Id, u.UserName, u.DisplayName, u.AgencyId, a.Name, u.LockoutEnd, u.Email })
            .OrderBy(u => u.AgencyId).ThenBy(u => u.UserName).Take(1000).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var roles = await db.UserRoles.Where(ur => ids.Contains(ur.UserId)).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = DateTimeOffset.UtcNow;
        return rows.Select(r => new StaffUserRow(r.Id, r.UserName ?? "", r.DisplayName, r.AgencyId, r.Name,
            roles.Where(x => x.UserId == r.Id).Select(x => x.Name!).ToList(), r.LockoutEnd > now, r.Email)).ToList();
    }

    /// <summary>Agency admins create accounts in their own agency; only a platform admin grants the platform-admin role.</summary>
    public async Task<StaffUser> CreateAsync(StaffContext actor, int agencyId, string userName, string displayName, string password, IReadOnlyList<string> roles, string? email = null, CancellationToken ct = default)
    {
        await access.EnsureWritableAsync(actor, agencyId, ct);
        if (!actor.Has(Permission.UsersManage))
        {
            throw new ForbiddenException("只有单位管理员可以新建账号。");
        }
        if (roles.Count == 0 || roles.Any(r => !StaffRole.All.Contains(r)))
        {
            throw new ValidationException("Roles", "请至少选择一个有效角色。");
        }
        if (roles.Contains(StaffRole.PlatformAdmin) && !actor.IsPlatformAdmin)
        {
            throw new ForbiddenException("只有平台管理员可以授予平台管理员角色。");
        }
        if (string.IsNullOrWhiteSpace(userName))
        {
            throw new ValidationException("UserName", "请填写用户名。");
        }
        var user = await setup.CreateUserAsync(userName, displayName, password, agencyId, roles, email);
        audit.Record(actor, "user.create", "StaffUser", user.Id, $"{user.UserName}：{string.Join("、", roles.Select(StaffRole.Label))}", agencyId);
        await db.SaveChangesAsync(ct);
        return user;
    }

    /// <summary>An agency admin unlocks an account of their agency locked after many failed sign-ins, and forgets the failures.</summary>
    public async Task UnlockAsync(StaffContext actor, string userId, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("找不到该账号，或您无权查看。");
        await access.EnsureWritableAsync(actor, user.AgencyId, ct);
        if (!actor.Has(Permissions.Permission.UsersManage))
        {
            throw new ForbiddenException("只有单位管理员可以解除账号锁定。");
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await throttle.ResetAsync(LoginThrottle.UserKey(user.UserName ?? ""), ct);
        audit.Record(actor, "user.unlock", "StaffUser", user.Id, user.UserName, user.AgencyId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Creates an API token for the actor; the plaintext is returned once and never stored.</summary>
    public async Task<string> CreateTokenAsync(StaffContext actor, string name, int days, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ValidationException("Name", "请填写令牌用途。");
        }
        if (days is < 1 or > 366)
        {
            throw new ValidationException("Days", "有效期应为1至366天。");
        }
        var token = TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var row = new ApiToken { UserId = actor.UserId, Name = name.Trim(), TokenHash = HashToken(token), CreatedAt = clock.UtcNow, ExpiresAt = clock.UtcNow.AddDays(days) };
        db.ApiTokens.Add(row);
        audit.Record(actor, "token.create", "ApiToken", null, row.Name);
        await db.SaveChangesAsync(ct);
        return token;
    }

    public async Task RevokeTokenAsync(StaffContext actor, int tokenId, CancellationToken ct = default)
    {
        var row = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == actor.UserId, ct) ?? throw new NotFoundException("令牌不存在。");
        row.Revoked = true;
        audit.Record(actor, "token.revoke", "ApiToken", tokenId, row.Name);
        await db.SaveChangesAsync(ct);
    }

    public Task<List<ApiToken>> TokensAsync(StaffContext actor, CancellationToken ct = default) =>
        db.ApiTokens.AsNoTracking().Where(t => t.UserId == actor.UserId).OrderByDescending(t => t.Id).ToListAsync(ct);

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public Task<bool> UserExistsAsync(string userName) => users.Users.AnyAsync(u => u.UserName == userName);
}
