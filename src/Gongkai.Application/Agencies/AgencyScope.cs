using Gongkai.Application.Accounts;

namespace Gongkai.Application.Agencies;

/// <summary>
/// The reasons for which code may read agency-owned records outside the current actor's agencies. Each member is an
/// audited hole in the agency scope: adding one is a deliberate, reviewable change (docs/decisions/0003-agency-scope.md).
/// </summary>
public enum ScopeOptOut
{
    /// <summary>The public portal and the public catalog API: every agency's published records, to anyone.</summary>
    Portal,

    /// <summary>An applicant on the public site, who proves by tracking code and secret that the case is theirs.</summary>
    Applicant,

    /// <summary>Signing in: the account and its API token are looked up before anyone is known.</summary>
    SignIn,

    /// <summary>First-run setup and the demo county, on an empty platform before any account exists.</summary>
    PlatformSetup,

    /// <summary>Work done by the platform for every agency: deadline reminders, recomputing deadlines after a calendar change.</summary>
    BackgroundJob,

    /// <summary>Verifying the audit log's hash chain, which runs through every agency's entries in one sequence.</summary>
    AuditVerification,
}

/// <summary>
/// Which agencies' records the current request or command may read: the actor's own agency; a supervisor's own and
/// every agency below it (<see cref="Agency.Path"/>); the platform admin's whole tree. With no actor, nothing — unless
/// inside a named <see cref="Unrestricted"/> opt-out. One per DI scope; the database context's query filter reads it
/// at each query (<see cref="Data.AgencyScopeFilters"/>), so it must be set before the first query of the scope.
/// Deciding writes stays with <see cref="AgencyAccess"/>: a supervisor reads subordinates but writes only its own.
/// </summary>
public sealed class AgencyScope
{
    private readonly List<ScopeOptOut> _active = [];
    private bool _everyAgency;
    private int _optOuts;

    /// <summary>Who the scope was set for; null before (anonymous requests, background work).</summary>
    public StaffContext? Actor { get; private set; }

    /// <summary>Every agency's records are visible: a platform admin, the CLI operator, or inside an opt-out.</summary>
    public bool AllVisible => _everyAgency || _optOuts > 0;

    /// <summary>The visible agencies when not <see cref="AllVisible"/>. Read by the query filter at each query.</summary>
    public IReadOnlyList<int> VisibleAgencyIds => FilterIds;

    /// <summary>The same, as the array the query filter binds as a parameter (never modified once set).</summary>
    internal int[] FilterIds { get; private set; } = [];

    /// <summary>The opt-outs in effect, innermost last (for logs and tests).</summary>
    public IReadOnlyList<ScopeOptOut> ActiveOptOuts => [.. _active];

    /// <summary>Limits the scope to <paramref name="visibleAgencyIds"/> (see <see cref="AgencyScopeBinding.ActAsAsync"/>).</summary>
    internal void Restrict(StaffContext actor, IEnumerable<int> visibleAgencyIds)
    {
        Actor = actor;
        _everyAgency = false;
        FilterIds = [.. visibleAgencyIds.Distinct().Order()];
    }

    /// <summary>A platform admin: the whole tree.</summary>
    internal void AllowEveryAgency(StaffContext actor)
    {
        Actor = actor;
        _everyAgency = true;
        FilterIds = [];
    }

    /// <summary>The platform itself acting (the command line's operator): the whole tree, as <see cref="StaffContext.System"/>.</summary>
    public void ActAsSystem() => AllowEveryAgency(StaffContext.System());

    /// <summary>
    /// Reads every agency's records until disposed, for <paramref name="reason"/>. Keep the block short and say why at the
    /// call site: a read inside it is filtered by nothing but its own WHERE clause.
    /// </summary>
    public IDisposable Unrestricted(ScopeOptOut reason)
    {
        _optOuts++;
        _active.Add(reason);
        return new OptOut(this, reason);
    }

    private sealed class OptOut(AgencyScope scope, ScopeOptOut reason) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            scope._optOuts--;
            scope._active.Remove(reason);
        }
    }
}
