namespace Gongkai.Application.Agencies;

/// <summary>
/// A record that belongs to one agency. Implementing it is all an entity needs to be covered by the agency scope: the
/// model gives every implementing type the one query filter of <see cref="Data.AgencyScopeFilters"/>, and
/// <c>AgencyScopeConventionTests</c> fails for any entity with an AgencyId that lacks it.
/// </summary>
public interface IAgencyOwned
{
    int AgencyId { get; }
}

/// <summary>
/// A record that belongs to an agency or, with no agency, to the platform as a whole (an audit entry of a platform-level
/// action). Records without an agency are visible only where every agency is.
/// </summary>
public interface IAgencyOrPlatformOwned
{
    int? AgencyId { get; }
}
