using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Requests.Letters;

/// <summary>The editable answer-letter templates, one per outcome group, seeded from <see cref="AnswerLetters.DefaultBodies"/>.</summary>
internal static class AnswerTemplates
{
    /// <summary>Seeds missing defaults; returns the templates in group order.</summary>
    public static async Task<List<AnswerTemplate>> SeedAsync(GongkaiDbContext db, PlatformClock clock, CancellationToken ct)
    {
        var existing = await db.AnswerTemplates.ToListAsync(ct);
        var added = false;
        foreach (var (group, body) in AnswerLetters.DefaultBodies)
        {
            if (existing.All(t => t.Group != group))
            {
                var t = new AnswerTemplate { Group = group, Title = "政府信息公开申请答复告知书", Body = body, UpdatedAt = clock.UtcNow, UpdatedByName = "系统默认" };
                db.AnswerTemplates.Add(t);
                existing.Add(t);
                added = true;
            }
        }
        if (added)
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another request seeded them first (unique index on Group): use theirs.
                db.ChangeTracker.Clear();
                existing = await db.AnswerTemplates.ToListAsync(ct);
            }
        }
        return [.. existing.OrderBy(t => t.Group)];
    }

    /// <summary>The seeded template of <paramref name="group"/> (call <see cref="SeedAsync"/> first, outside any transaction).</summary>
    public static Task<AnswerTemplate> ForAsync(GongkaiDbContext db, OutcomeGroup group, CancellationToken ct) =>
        db.AnswerTemplates.AsNoTracking().SingleAsync(t => t.Group == group, ct);
}
