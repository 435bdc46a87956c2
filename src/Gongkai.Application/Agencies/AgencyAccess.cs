using Gongkai.Application.Accounts;
using Gongkai.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Agencies;

/// <summary>
/// Which agencies a member of staff may see and change. Staff see and change only their own agency;
/// a supervisor (政务公开办) also sees — read only — every agency below its own; a platform admin sees all.
/// </summary>
public sealed class AgencyAccess(GongkaiDbContext db)
{
    /// <summary>Agencies whose records the actor may read.</summary>
    public IQueryable<Agency> Readable(StaffContext actor)
    {
        if (actor.IsPlatformAdmin)
        {
            return db.Agencies;
        }
        if (actor.IsSupervisor)
        {
            var prefix = db.Agencies.Where(a => a.Id == actor.AgencyId).Select(a => a.Path + a.Id + "/");
            return db.Agencies.Where(a => a.Id == actor.AgencyId || prefix.Any(p => a.Path.StartsWith(p)));
        }
        return db.Agencies.Where(a => a.Id == actor.AgencyId);
    }

    public async Task<bool> CanReadAsync(StaffContext actor, int agencyId, CancellationToken ct = default) =>
        actor.IsPlatformAdmin || agencyId == actor.AgencyId || await Readable(actor).AnyAsync(a => a.Id == agencyId, ct);

    /// <summary>Changing records is limited to one's own agency (platform admins: any).</summary>
    public static bool CanWrite(StaffContext actor, int agencyId) => actor.IsPlatformAdmin || agencyId == actor.AgencyId;

    /// <summary>Throws the same "not found" for a record that does not exist and one the actor may not see.</summary>
    public async Task EnsureReadableAsync(StaffContext actor, int agencyId, CancellationToken ct = default)
    {
        if (!await CanReadAsync(actor, agencyId, ct))
        {
            throw new NotFoundException("找不到该记录，或您无权查看。");
        }
    }

    public async Task EnsureWritableAsync(StaffContext actor, int agencyId, CancellationToken ct = default)
    {
        await EnsureReadableAsync(actor, agencyId, ct);
        if (!CanWrite(actor, agencyId))
        {
            throw new ForbiddenException("您只能修改本单位的记录；上级监督单位对下级单位只读。");
        }
    }
}
