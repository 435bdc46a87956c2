using System.Text.RegularExpressions;
using Gongkai.Application.Accounts;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Audit;
using Gongkai.Application.Catalog;
using Gongkai.Application.Changes;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Agencies;

/// <summary>Input for a new agency.</summary>
public sealed record NewAgency(string Code, string Name, AgencyKind Kind, int? ParentId)
{
    public string? OfficeName { get; init; }
    public string? Address { get; init; }
    public string? PostalCode { get; init; }
    public string? OfficeHours { get; init; }
    public string? Phone { get; init; }
    public string? Fax { get; init; }
    public string? Email { get; init; }
    public string? Website { get; init; }
    public string? Functions { get; init; }
    public string? ReviewBody { get; init; }
    public string? LetterPrefix { get; init; }
}

/// <summary>Creates agencies with their standard disclosure column, and lets them extend it.</summary>
public sealed partial class AgencyService(GongkaiDbContext db, AgencyAccess access, AuditLog audit, ChangeFeed changes, PlatformClock clock)
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,39}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,79}$")]
    private static partial Regex KeyPattern();

    public async Task<Agency> CreateAsync(StaffContext actor, NewAgency input, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add(nameof(input.Name), "请填写单位名称。");
        }
        if (string.IsNullOrWhiteSpace(input.Code) || !CodePattern().IsMatch(input.Code))
        {
            errors.Add(nameof(input.Code), "单位编码只能包含字母、数字和连字符，最长40位（例如组织机构代码）。");
        }
        else if (await db.Agencies.AnyAsync(a => a.Code == input.Code, ct))
        {
            errors.Add(nameof(input.Code), $"单位编码“{input.Code}”已被使用。");
        }
        Agency? parent = null;
        if (input.ParentId is { } parentId)
        {
            parent = await db.Agencies.FirstOrDefaultAsync(a => a.Id == parentId, ct);
            if (parent is null)
            {
                errors.Add(nameof(input.ParentId), "上级单位不存在。");
            }
        }
        errors.ThrowIfAny();
        if (!actor.IsPlatformAdmin && (parent is null || !AgencyAccess.CanWrite(actor, parent.Id) || !actor.Has(Permission.AgenciesManage)))
        {
            throw new ForbiddenException("只有平台管理员或上级单位管理员可以新建单位。");
        }

        var agency = new Agency
        {
            Code = input.Code.Trim(),
            Name = input.Name.Trim(),
            Kind = input.Kind,
            ParentId = parent?.Id,
            Path = parent is null ? "/" : parent.Path + parent.Id + "/",
            OfficeName = input.OfficeName,
            Address = input.Address,
            PostalCode = input.PostalCode,
            OfficeHours = input.OfficeHours,
            Phone = input.Phone,
            Fax = input.Fax,
            Email = input.Email,
            Website = input.Website,
            Functions = input.Functions,
            CreatedAt = clock.UtcNow,
        };
        // Joins the caller's transaction when there is one (first-run setup).
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(ct);
        await SeedColumnsAsync(agency, ct);
        audit.Record(actor, "agency.create", "Agency", agency.Id, $"{agency.Code} {agency.Name}", agency.Id);
        // One record for the agency and its standard columns: consumers treat a new agency as a change to the whole tree.
        changes.Agency(ChangeKind.AgencyCreated, agency);
        await db.SaveChangesAsync(ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }
        return agency;
    }

    /// <summary>Seeds the standard column tree (<see cref="StandardColumns"/>).</summary>
    private async Task SeedColumnsAsync(Agency agency, CancellationToken ct)
    {
        var byKey = new Dictionary<string, Column>();
        var order = 0;
        foreach (var std in StandardColumns.For(agency.Kind))
        {
            var column = new Column
            {
                AgencyId = agency.Id,
                Key = std.Key,
                Name = std.Name,
                Article = std.Article,
                SortOrder = order++,
                IsStandard = true,
            };
            if (std.ParentKey is not null)
            {
                column.ParentId = byKey[std.ParentKey].Id;
            }
            db.Columns.Add(column);
            // Parents need their ids before children reference them.
            if (std.ParentKey is null)
            {
                await db.SaveChangesAsync(ct);
            }
            byKey[std.Key] = column;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds a column below an existing one (e.g. a 基层政务公开标准目录 entry).</summary>
    public async Task<Column> AddColumnAsync(StaffContext actor, int agencyId, int? parentId, string key, string name, CancellationToken ct = default)
    {
        await access.EnsureWritableAsync(actor, agencyId, ct);
        if (!actor.Has(Permission.ColumnsManage))
        {
            throw new ForbiddenException("只有单位管理员可以调整栏目。");
        }
        var errors = new ValidationErrors();
        key = key.Trim().ToLowerInvariant();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add("Name", "请填写栏目名称。");
        }
        if (!KeyPattern().IsMatch(key))
        {
            errors.Add("Key", "栏目标识只能包含小写字母、数字和连字符（用于网址）。");
        }
        else if (await db.Columns.AnyAsync(c => c.AgencyId == agencyId && c.Key == key, ct))
        {
            errors.Add("Key", $"栏目标识“{key}”在本单位已存在。");
        }
        if (parentId is not null && !await db.Columns.AnyAsync(c => c.Id == parentId && c.AgencyId == agencyId, ct))
        {
            errors.Add("ParentId", "上级栏目不存在。");
        }
        errors.ThrowIfAny();
        var maxOrder = await db.Columns.Where(c => c.AgencyId == agencyId).MaxAsync(c => (int?)c.SortOrder, ct) ?? 0;
        var column = new Column { AgencyId = agencyId, ParentId = parentId, Key = key, Name = name.Trim(), SortOrder = maxOrder + 1 };
        db.Columns.Add(column);
        audit.Record(actor, "column.create", "Column", key, name, agencyId);
        changes.Column(ChangeKind.ColumnCreated, await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agencyId, ct), column);
        await db.SaveChangesAsync(ct);
        return column;
    }

    public async Task UpdateContactAsync(StaffContext actor, int agencyId, NewAgency contact, CancellationToken ct = default)
    {
        await access.EnsureWritableAsync(actor, agencyId, ct);
        if (!actor.Has(Permission.AgenciesManage))
        {
            throw new ForbiddenException("只有单位管理员可以修改单位信息。");
        }
        var agency = await db.Agencies.SingleAsync(a => a.Id == agencyId, ct);
        if (string.IsNullOrWhiteSpace(contact.Name))
        {
            throw new ValidationException("Name", "请填写单位名称。");
        }
        agency.Name = contact.Name.Trim();
        agency.OfficeName = contact.OfficeName;
        agency.Address = contact.Address;
        agency.PostalCode = contact.PostalCode;
        agency.OfficeHours = contact.OfficeHours;
        agency.Phone = contact.Phone;
        agency.Fax = contact.Fax;
        agency.Email = contact.Email;
        agency.Website = contact.Website;
        agency.Functions = contact.Functions;
        agency.ReviewBody = Requests.Letters.LetterNumbers.CleanReviewBody(contact.ReviewBody);
        agency.LetterPrefix = Requests.Letters.LetterNumbers.CleanPrefix(contact.LetterPrefix);
        audit.Record(actor, "agency.update", "Agency", agencyId, "更新单位信息及指南联系方式", agencyId);
        changes.Agency(ChangeKind.AgencyChanged, agency);
        await db.SaveChangesAsync(ct);
    }
}
