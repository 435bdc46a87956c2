using Gongkai.Application.Audit;
using Gongkai.Application.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Accounts.Permissions;

/// <summary>
/// Applicants' identity and contact details are read only where the case is handled. Reading another agency's case
/// (a supervisor over its subordinates, the platform admin over the tree) does not include decrypting its applicants:
/// that takes a per-user grant the platform admin sets, and both setting it and using it are audited.
/// The grant is an Identity user claim, read from the database on each use, so revoking it takes effect at once
/// (not at the next sign-in).
/// </summary>
public sealed class PersonalDataGrants(GongkaiDbContext db, AuditLog audit)
{
    public const string ClaimType = "gongkai:grant";
    public const string SubordinatesPersonalData = "requests.view-personal-data:subordinates";

    /// <summary>Throws unless <paramref name="actor"/> may decrypt the applicants of a case of <paramref name="agencyId"/> they can already read.</summary>
    public async Task EnsureMayDecryptAsync(StaffContext actor, int agencyId, CancellationToken ct = default)
    {
        if (actor.IsSystem)
        {
            return;
        }
        if (!actor.Has(Permission.RequestsViewPersonalData))
        {
            throw new ForbiddenException("您的角色不能查看申请人身份及联系方式。");
        }
        if (agencyId != actor.AgencyId && !await HasGrantAsync(actor.UserId, ct))
        {
            throw new ForbiddenException("查看其他单位申请人的身份及联系方式，须经平台管理员授权。");
        }
    }

    public Task<bool> HasGrantAsync(string userId, CancellationToken ct = default) =>
        db.UserClaims.AnyAsync(c => c.UserId == userId && c.ClaimType == ClaimType && c.ClaimValue == SubordinatesPersonalData, ct);

    /// <summary>Users holding the grant, for the account list.</summary>
    public async Task<IReadOnlySet<string>> HoldersAsync(CancellationToken ct = default) =>
        (await db.UserClaims.Where(c => c.ClaimType == ClaimType && c.ClaimValue == SubordinatesPersonalData).Select(c => c.UserId).ToListAsync(ct))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Grants or withdraws the grant; only the platform admin may (<see cref="Permission.GrantsManage"/>).</summary>
    public async Task SetAsync(StaffContext actor, string userId, bool granted, CancellationToken ct = default)
    {
        if (!actor.Has(Permission.GrantsManage))
        {
            throw new ForbiddenException("只有平台管理员可以授予查看其他单位申请人信息的权限。");
        }
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.UserName, u.AgencyId }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("找不到该账号。");
        var existing = await db.UserClaims
            .Where(c => c.UserId == userId && c.ClaimType == ClaimType && c.ClaimValue == SubordinatesPersonalData).ToListAsync(ct);
        if (granted == (existing.Count > 0))
        {
            return;
        }
        if (granted)
        {
            db.UserClaims.Add(new IdentityUserClaim<string> { UserId = userId, ClaimType = ClaimType, ClaimValue = SubordinatesPersonalData });
        }
        else
        {
            db.UserClaims.RemoveRange(existing);
        }
        audit.Record(actor, granted ? "user.grant" : "user.revoke", "StaffUser", userId,
            $"{user.UserName}：{(granted ? "授予" : "收回")}查看其他单位申请人身份及联系方式的权限", user.AgencyId);
        await db.SaveChangesAsync(ct);
    }
}
