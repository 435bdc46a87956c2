using Gongkai.Application.Accounts;
using Gongkai.Application.Agencies;
using Gongkai.Application.Audit;
using Gongkai.Application.Data;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Catalog;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Platform;

/// <summary>Input for first-run setup.</summary>
public sealed record SetupInput(string PlatformName, string AgencyCode, string AgencyName, AgencyKind AgencyKind,
    string AdminUserName, string AdminDisplayName, string AdminPassword, string? IndexNoFormat = null);

/// <summary>First-run setup: the first administrator and the top agency, on an empty database only.</summary>
public sealed class PlatformSetupService(
    GongkaiDbContext db,
    AgencyService agencies,
    UserManager<StaffUser> users,
    RoleManager<IdentityRole> roles,
    AuditLog audit,
    PlatformClock clock)
{
    /// <summary>
    /// What the top agency of a platform may be, with the setup form's labels: a county-level government hosting its
    /// departments and townships, or a city platform hosting several counties. A department or township has a parent, so
    /// it is added under the top agency after setup. The web form and <c>gongkai setup</c> offer and check this one list.
    /// </summary>
    public static IReadOnlyList<(AgencyKind Kind, string Label)> TopLevelKinds { get; } =
    [
        (AgencyKind.Government, "县（市、区）人民政府"),
        (AgencyKind.Platform, "市级集约化平台（承载多个县）"),
    ];

    public async Task<bool> IsSetUpAsync(CancellationToken ct = default) =>
        await db.PlatformSettings.AnyAsync(s => s.SetupCompletedAt != null, ct);

    public async Task EnsureRolesAsync()
    {
        foreach (var role in StaffRole.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    public async Task<Agency> SetUpAsync(SetupInput input, CancellationToken ct = default)
    {
        if (await IsSetUpAsync(ct))
        {
            throw new ForbiddenException("平台已完成初始化，不能重复设置。");
        }
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.PlatformName))
        {
            errors.Add(nameof(input.PlatformName), "请填写平台名称。");
        }
        if (string.IsNullOrWhiteSpace(input.AdminUserName))
        {
            errors.Add(nameof(input.AdminUserName), "请填写管理员用户名。");
        }
        if (!TopLevelKinds.Any(k => k.Kind == input.AgencyKind))
        {
            errors.Add(nameof(input.AgencyKind), $"顶级单位类型只能是{string.Join("或", TopLevelKinds.Select(k => k.Label))}；部门、乡镇（街道）请在初始化后添加到顶级单位之下。");
        }
        if (input.IndexNoFormat is { Length: > 0 } f)
        {
            try
            {
                _ = new IndexNumberFormat(f);
            }
            catch (FormatException ex)
            {
                errors.Add(nameof(input.IndexNoFormat), ex.Message);
            }
        }
        errors.ThrowIfAny();
        // The platform is empty and nobody is signed in yet: the first agency and administrator are made outside any scope.
        using var unrestricted = db.AgencyScope.Unrestricted(ScopeOptOut.PlatformSetup);
        await EnsureRolesAsync();
        // Setup is all or nothing: without an administrator the new agency would be unreachable. One transaction
        // (the agency, its columns, the administrator and their audit entries) is rolled back if any step fails.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var agency = await agencies.CreateAsync(StaffContext.System(), new NewAgency(input.AgencyCode, input.AgencyName, input.AgencyKind, null), ct);
        await CreateUserAsync(input.AdminUserName, input.AdminDisplayName, input.AdminPassword, agency.Id, [StaffRole.PlatformAdmin, StaffRole.AgencyAdmin]);
        var settings = await db.PlatformSettings.FirstOrDefaultAsync(s => s.Id == 1, ct);
        if (settings is null)
        {
            settings = new PlatformSettings();
            db.PlatformSettings.Add(settings);
        }
        settings.PlatformName = input.PlatformName.Trim();
        settings.IndexNoFormat = string.IsNullOrWhiteSpace(input.IndexNoFormat) ? IndexNumberFormat.Default : input.IndexNoFormat;
        settings.SetupCompletedAt = clock.UtcNow;
        audit.Record(StaffContext.System(agency.Id), "platform.setup", "Platform", 1, $"{settings.PlatformName}; 管理员 {input.AdminUserName}", agency.Id);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return agency;
    }

    /// <summary>Creates a staff account; Identity's password rules apply, and their messages are returned in Chinese.</summary>
    /// <remarks>The optional e-mail address receives the daily deadline reminders (期限提醒).</remarks>
    public async Task<StaffUser> CreateUserAsync(string userName, string displayName, string password, int agencyId, IEnumerable<string> roleNames, string? email = null)
    {
        await EnsureRolesAsync();
        var user = new StaffUser { UserName = userName.Trim(), DisplayName = string.IsNullOrWhiteSpace(displayName) ? userName.Trim() : displayName.Trim(), AgencyId = agencyId, LockoutEnabled = true };
        if (!string.IsNullOrWhiteSpace(email))
        {
            if (!System.Net.Mail.MailAddress.TryCreate(email.Trim(), out var address) || address.Address != email.Trim())
            {
                throw new ValidationException("Email", "电子邮箱格式不正确。");
            }
            user.Email = address.Address;
        }
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            // One message per problem (each a sentence of its own): a form lists them, the CLI prints one per line.
            throw new ValidationException(new Dictionary<string, string[]> { ["Password"] = [.. result.Errors.Select(IdentityMessages.Translate)] });
        }
        var roleResult = await users.AddToRolesAsync(user, roleNames);
        if (!roleResult.Succeeded)
        {
            await users.DeleteAsync(user);
            throw new ValidationException(new Dictionary<string, string[]> { ["Roles"] = [.. roleResult.Errors.Select(IdentityMessages.Translate)] });
        }
        return user;
    }
}

/// <summary>Identity's error codes, in the language of the back office.</summary>
public static class IdentityMessages
{
    public static string Translate(IdentityError e) => e.Code switch
    {
        "PasswordTooShort" => "密码太短（至少10位）。",
        "PasswordRequiresDigit" => "密码必须包含数字。",
        "PasswordRequiresLower" => "密码必须包含小写字母。",
        "PasswordRequiresUpper" => "密码必须包含大写字母。",
        "PasswordRequiresNonAlphanumeric" => "密码必须包含符号。",
        "DuplicateUserName" => "用户名已存在。",
        "InvalidUserName" => "用户名只能包含字母、数字和 -._@+。",
        _ => e.Description,
    };
}
