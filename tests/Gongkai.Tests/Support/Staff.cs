using Gongkai.Domain.Agencies;

namespace Gongkai.Tests.Support;

/// <summary>Role sets used across the tests.</summary>
public static class Roles
{
    public static readonly string[] Editor = [StaffRole.Editor];
    public static readonly string[] Reviewer = [StaffRole.Reviewer];
    public static readonly string[] Supervisor = [StaffRole.Supervisor];
}
