using System.Text;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Agencies;
using Gongkai.Application.Audit;
using Gongkai.Application.Data;
using Gongkai.Domain.Agencies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Accounts.TwoFactor;

/// <summary>What a member of staff needs to add the platform to an authenticator app.</summary>
/// <param name="Key">The shared key (Base32).</param>
/// <param name="GroupedKey">The shared key in groups of four, for typing it in by hand.</param>
/// <param name="Uri">The <c>otpauth://totp/…</c> URI an authenticator app reads from the QR code.</param>
public sealed record AuthenticatorSetup(string Key, string GroupedKey, string Uri);

/// <summary>
/// The optional second factor of staff accounts: a time-based one-time code (RFC 6238) from an authenticator app, through
/// Identity's authenticator token provider, with ten single-use recovery codes. Each change is audited.
/// </summary>
public sealed class StaffTwoFactor(UserManager<StaffUser> users, IUserStore<StaffUser> store, GongkaiDbContext db, AgencyAccess access, AuditLog audit)
{
    public const string Issuer = "Gongkai";
    public const int RecoveryCodeCount = 10;

    private readonly IUserAuthenticatorKeyStore<StaffUser> keys = (IUserAuthenticatorKeyStore<StaffUser>)store;

    /// <summary>Roles for which <c>Accounts:RequireTwoFactorForAdmins</c> makes the second factor compulsory.</summary>
    public static bool IsAdministrator(IEnumerable<string> roles) =>
        roles.Any(r => r is StaffRole.PlatformAdmin or StaffRole.AgencyAdmin);

    public async Task<bool> IsEnabledAsync(string userId) =>
        await users.FindByIdAsync(userId) is { } user && await users.GetTwoFactorEnabledAsync(user);

    public async Task<int> RecoveryCodesLeftAsync(StaffContext actor) =>
        await users.CountRecoveryCodesAsync(await OwnAsync(actor));

    /// <summary>
    /// A new authenticator key to show the actor, not stored yet: it is stored only when <see cref="EnableAsync"/> receives
    /// a right code for it, so opening the page changes nothing and an abandoned set-up leaves nothing behind.
    /// </summary>
    public AuthenticatorSetup Propose(StaffContext actor, string? key = null)
    {
        key = IsKey(key) ? key!.ToUpperInvariant() : users.GenerateNewAuthenticatorKey();
        var label = Uri.EscapeDataString($"{Issuer}:{actor.UserName}");
        return new AuthenticatorSetup(key, Group(key), $"otpauth://totp/{label}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6");
    }

    /// <summary>
    /// Turns the second factor on with <paramref name="key"/> once the app's code for it is right; returns the recovery
    /// codes, shown only once.
    /// </summary>
    public async Task<IReadOnlyList<string>> EnableAsync(StaffContext actor, string? key, string? code, CancellationToken ct = default)
    {
        var user = await OwnAsync(actor);
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            throw new ValidationException("Code", "双因素认证已经启用。");
        }
        if (!IsKey(key))
        {
            throw new ValidationException("Code", "绑定密钥无效，请刷新页面后重新扫描二维码。");
        }
        CheckFormat(code);
        // Set on the tracked token, verified, and saved together with the flag; a wrong code saves nothing.
        await keys.SetAuthenticatorKeyAsync(user, key!.ToUpperInvariant(), ct);
        await VerifyAsync(user, code);
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        audit.Record(actor, "user.2fa.enable", "StaffUser", user.Id, user.UserName, user.AgencyId);
        await db.SaveChangesAsync(ct);
        return codes;
    }

    /// <summary>Turns the second factor off with a current code (not a recovery code: whoever holds a leaked one should not).</summary>
    public async Task DisableAsync(StaffContext actor, string? code, CancellationToken ct = default)
    {
        var user = await OwnAsync(actor);
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            throw new ValidationException("Code", "双因素认证尚未启用。");
        }
        await VerifyAsync(user, code);
        await TurnOffAsync(user);
        audit.Record(actor, "user.2fa.disable", "StaffUser", user.Id, user.UserName, user.AgencyId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// An administrator resets a colleague's second factor (a lost phone): off, with a new key, so the old app's codes are
    /// worthless. The colleague signs in with the password and sets it up again. An agency admin does so in their agency only.
    /// </summary>
    public async Task ResetAsync(StaffContext actor, string userId, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("找不到该账号，或您无权查看。");
        await access.EnsureWritableAsync(actor, user.AgencyId, ct);
        if (!actor.Has(Permission.UsersManage))
        {
            throw new ForbiddenException("只有单位管理员可以重置双因素认证。");
        }
        await TurnOffAsync(user);
        audit.Record(actor, "user.2fa.reset", "StaffUser", user.Id, user.UserName, user.AgencyId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Of the given accounts, those with the second factor on (for the users page).</summary>
    public async Task<IReadOnlySet<string>> EnabledAmongAsync(IEnumerable<string> userIds, CancellationToken ct = default)
    {
        var ids = userIds.ToList();
        return (await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.TwoFactorEnabled).Select(u => u.Id).ToListAsync(ct)).ToHashSet();
    }

    private async Task TurnOffAsync(StaffUser user)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        // No recovery codes survive a reset: they belong to the old set-up.
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
    }

    private static void CheckFormat(string? code)
    {
        var digits = Normalize(code);
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit))
        {
            throw new ValidationException("Code", "请输入验证器应用显示的6位数字验证码。");
        }
    }

    /// <summary>Identity's keys: 20 random bytes in Base32, 32 characters.</summary>
    private static bool IsKey(string? key) =>
        key is { Length: 32 } && key.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '2' and <= '7'));

    private async Task VerifyAsync(StaffUser user, string? code)
    {
        CheckFormat(code);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Normalize(code)))
        {
            throw new ValidationException("Code", "验证码不正确或已过期，请核对手机时间后输入最新的验证码。");
        }
    }

    private async Task<StaffUser> OwnAsync(StaffContext actor) =>
        await users.FindByIdAsync(actor.UserId) ?? throw new NotFoundException("找不到您的账号。");

    /// <summary>What people type: spaces and dashes between digit groups are ignored.</summary>
    public static string Normalize(string? code) => (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();

    private static string Group(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }
}
