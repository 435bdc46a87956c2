using Gongkai.Application.Accounts;
using Gongkai.Application.Agencies;
using Gongkai.Application.Audit;
using Gongkai.Application.Catalog;
using Gongkai.Application.Requests;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Data;

/// <summary>
/// The agency scope's one query filter (docs/decisions/0003-agency-scope.md), its name and its named opt-out.
/// </summary>
public static class AgencyScopeFilters
{
    /// <summary>The filter's key in the model: <c>IgnoreQueryFilters([Name])</c> lifts this filter and no other.</summary>
    public const string Name = "AgencyScope";

    /// <summary>
    /// Entity types that belong to no agency, so carry no agency filter: the agency tree itself and the platform's settings
    /// are public; answer templates and the working-day calendar are shared by all agencies; the key ring serves every
    /// host; Identity's role, claim, login and token rows are read by user id by the sign-in machinery before anyone is
    /// known (the accounts themselves are filtered). Anything not listed here must carry the filter (convention test).
    /// </summary>
    public static readonly IReadOnlySet<Type> NotAgencyOwned = new HashSet<Type>
    {
        typeof(Agency),
        typeof(Platform.PlatformSettings),
        typeof(AnswerTemplate),
        typeof(CalendarOverrideRow),
        // One row: the audit chain's head (sequence and hash), shared by every agency's entries.
        typeof(Audit.AuditChainHead),
        // A consumer's read position in the change feed; the feed's records themselves are scoped (the consumers opt out).
        typeof(Changes.ChangeFeedPosition),
        // Leases of background work, held by nodes, not agencies.
        typeof(Operations.Lease),
        // Failed sign-ins by typed name or client address, before anyone is known.
        typeof(Accounts.LoginFailure),
        typeof(DataProtectionKey),
        typeof(IdentityRole),
        typeof(IdentityRoleClaim<string>),
        typeof(IdentityUserRole<string>),
        typeof(IdentityUserClaim<string>),
        typeof(IdentityUserLogin<string>),
        typeof(IdentityUserToken<string>),
    };

    /// <summary>
    /// This query reads every agency's rows, for <paramref name="reason"/>. The per-query form of
    /// <see cref="AgencyScope.Unrestricted"/>: the only place <c>IgnoreQueryFilters</c> is called with the scope's filter.
    /// </summary>
    public static IQueryable<T> OutsideAgencyScope<T>(this IQueryable<T> query, ScopeOptOut reason) where T : class =>
        Enum.IsDefined(reason) ? query.IgnoreQueryFilters([Name]) : throw new ArgumentOutOfRangeException(nameof(reason));
}

public abstract partial class GongkaiDbContext
{
    /// <summary>
    /// One filter, <see cref="AgencyScopeFilters.Name"/>, on every agency-owned entity. It reads <see cref="AgencyScope"/>
    /// through this instance, so EF Core turns it into parameters of each query rather than baking one actor into the
    /// cached model: <c>@all OR "AgencyId" IN (@ids…)</c>. Rows that belong to an agency only through their parent (an
    /// item's revisions and attachments, a case's events and letters, an account's tokens) are filtered through that parent
    /// by primary key (an EXISTS probe), so they need no AgencyId column of their own; they are read per parent anyway.
    /// </summary>
    private void ApplyAgencyScope(ModelBuilder builder)
    {
        foreach (var type in builder.Model.GetEntityTypes().Select(t => t.ClrType).ToList())
        {
            if (typeof(IAgencyOwned).IsAssignableFrom(type))
            {
                ApplyOwnedMethod.MakeGenericMethod(type).Invoke(this, [builder]);
            }
            else if (typeof(IAgencyOrPlatformOwned).IsAssignableFrom(type))
            {
                ApplyOptionallyOwnedMethod.MakeGenericMethod(type).Invoke(this, [builder]);
            }
        }
        Child<ItemRevision>(builder, r => AgencyScope.AllVisible || Set<Item>().Any(i => i.Id == r.ItemId));
        Child<Attachment>(builder, a => AgencyScope.AllVisible || Set<Item>().Any(i => i.Id == a.ItemId));
        Child<AttachmentContent>(builder, c => AgencyScope.AllVisible || Set<Attachment>().Any(a => a.Id == c.Id));
        Child<RequestCorrectionRow>(builder, c => AgencyScope.AllVisible || Set<RequestRecord>().Any(r => r.Id == c.RequestId));
        Child<RequestPauseRow>(builder, p => AgencyScope.AllVisible || Set<RequestRecord>().Any(r => r.Id == p.RequestId));
        Child<RequestEvent>(builder, e => AgencyScope.AllVisible || Set<RequestRecord>().Any(r => r.Id == e.RequestId));
        Child<RequestAttachment>(builder, a => AgencyScope.AllVisible || Set<RequestRecord>().Any(r => r.Id == a.RequestId));
        Child<RequestLetter>(builder, l => AgencyScope.AllVisible || Set<RequestRecord>().Any(r => r.Id == l.RequestId));
        Child<ApiToken>(builder, t => AgencyScope.AllVisible || Set<StaffUser>().Any(u => u.Id == t.UserId));
    }

    private static readonly System.Reflection.MethodInfo ApplyOwnedMethod =
        typeof(GongkaiDbContext).GetMethod(nameof(ApplyOwned), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;

    private static readonly System.Reflection.MethodInfo ApplyOptionallyOwnedMethod =
        typeof(GongkaiDbContext).GetMethod(nameof(ApplyOptionallyOwned), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;

    private void ApplyOwned<T>(ModelBuilder builder) where T : class, IAgencyOwned =>
        builder.Entity<T>().HasQueryFilter(AgencyScopeFilters.Name, e => AgencyScope.AllVisible || AgencyScope.FilterIds.Contains(e.AgencyId));

    private void ApplyOptionallyOwned<T>(ModelBuilder builder) where T : class, IAgencyOrPlatformOwned =>
        builder.Entity<T>().HasQueryFilter(AgencyScopeFilters.Name,
            e => AgencyScope.AllVisible || (e.AgencyId != null && AgencyScope.FilterIds.Contains(e.AgencyId.Value)));

    private static void Child<T>(ModelBuilder builder, System.Linq.Expressions.Expression<Func<T, bool>> filter) where T : class =>
        builder.Entity<T>().HasQueryFilter(AgencyScopeFilters.Name, filter);
}
