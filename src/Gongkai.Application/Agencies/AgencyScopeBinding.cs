using Gongkai.Application.Accounts;
using Gongkai.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Agencies;

/// <summary>Sets a context's <see cref="AgencyScope"/> for an actor: the web host per request, tests per actor.</summary>
public static class AgencyScopeBinding
{
    /// <summary>
    /// Makes <paramref name="actor"/>'s visible agencies the scope of every later query on <paramref name="db"/>. One query
    /// for a supervisor (the subtree by <see cref="Agency.Path"/> prefix), none for anyone else.
    /// </summary>
    public static async Task ActAsAsync(this GongkaiDbContext db, StaffContext actor, CancellationToken ct = default)
    {
        if (actor.IsPlatformAdmin)
        {
            db.AgencyScope.AllowEveryAgency(actor);
        }
        else if (actor.IsSupervisor)
        {
            var ids = await new AgencyAccess(db).Readable(actor).Select(a => a.Id).ToListAsync(ct);
            db.AgencyScope.Restrict(actor, ids);
        }
        else
        {
            db.AgencyScope.Restrict(actor, [actor.AgencyId]);
        }
    }
}
