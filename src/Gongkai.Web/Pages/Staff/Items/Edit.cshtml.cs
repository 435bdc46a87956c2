using Gongkai.Application;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Catalog;
using Gongkai.Application.Data;
using Gongkai.Domain.Catalog;
using Gongkai.Web.Errors;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Items;

[RequirePermission(Permission.ItemsEdit)]
public sealed class EditModel(ItemService items, GongkaiDbContext db, CurrentStaff staff, UploadLimits limits) : PageModel, IFormPage
{
    public sealed class ItemForm
    {
        public int ColumnId { get; set; }
        public string Title { get; set; } = "";
        public string PublishingOrg { get; set; } = "";
        public DateOnly? WrittenOn { get; set; }
        public DateOnly? FormedOn { get; set; }
        public string? DocNo { get; set; }
        public string? TopicCategory { get; set; }
        public DisclosureMode DisclosureMode { get; set; } = DisclosureMode.Proactive;
        public WithholdingReason WithholdingReason { get; set; }
        public string? DisclosureScope { get; set; }
        public string? Summary { get; set; }
        public string? BodyHtml { get; set; }
        public DocumentKind DocumentKind { get; set; }
        public Validity Validity { get; set; }
        public DateOnly? EffectiveOn { get; set; }
        public DateOnly? InvalidatedOn { get; set; }
        public string? ReplacedByIndexNo { get; set; }
        public InterpretationForm InterpretationForm { get; set; }
        public string? InterpretsIndexNo { get; set; }
        public int Version { get; set; }

        public ItemInput ToInput() => new()
        {
            ColumnId = ColumnId, Title = Title, PublishingOrg = PublishingOrg, WrittenOn = WrittenOn, FormedOn = FormedOn, DocNo = DocNo,
            TopicCategory = TopicCategory, DisclosureMode = DisclosureMode, WithholdingReason = WithholdingReason, DisclosureScope = DisclosureScope,
            Summary = Summary, BodyHtml = BodyHtml, DocumentKind = DocumentKind, Validity = Validity, EffectiveOn = EffectiveOn,
            InvalidatedOn = InvalidatedOn, ReplacedByIndexNo = ReplacedByIndexNo, InterpretationForm = InterpretationForm, InterpretsIndexNo = InterpretsIndexNo,
        };
    }

    [BindProperty(SupportsGet = true)] public long? Id { get; set; }
    [BindProperty] public ItemForm Form { get; set; } = new();
    [BindProperty] public IFormFile? Attachment { get; set; }

    public List<Column> Columns { get; private set; } = [];
    public bool WasPublished { get; private set; }
    public long MaxMegabytes => limits.MaxAttachmentBytes / 1024 / 1024;

    public async Task<IActionResult> OnGetAsync()
    {
        var actor = staff.Context;
        if (Id is { } id)
        {
            var item = await items.LoadWorkingAsync(actor, id, HttpContext.RequestAborted);
            await LoadColumnsAsync(item.AgencyId);
            WasPublished = item.PendingStatus is not null || item.Status == ItemStatus.Published;
            Form = await FromItemAsync(item);
        }
        else
        {
            await LoadColumnsAsync(actor.AgencyId);
            var agencyName = await db.Agencies.Where(a => a.Id == actor.AgencyId).Select(a => a.Name).FirstOrDefaultAsync();
            Form = new ItemForm { PublishingOrg = agencyName ?? "", ColumnId = Columns.FirstOrDefault(c => c.Key == "art20-01")?.Id ?? 0 };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var actor = staff.Context;
        var ct = HttpContext.RequestAborted;
        if (Id is { } id)
        {
            await items.UpdateAsync(actor, id, Form.ToInput(), Form.Version, ct);
            return Redirect($"/staff/items/{id}?saved=1");
        }
        // Check the file before creating anything, so a bad upload leaves nothing half-saved.
        var upload = await Uploads.ReadAsync(Attachment, limits, "File", ct);
        if (upload is { } u)
        {
            AttachmentInspector.Inspect(u.FileName, u.Content, limits.MaxAttachmentBytes);
        }
        var item = await items.CreateAsync(actor, actor.AgencyId, Form.ToInput(), ct);
        if (upload is { } file)
        {
            await items.AddAttachmentAsync(actor, item.Id, file.FileName, file.Content, ct);
        }
        return Redirect($"/staff/items/{item.Id}?saved=1");
    }

    public string ErrorPrefix => "Form.";

    public async Task RedisplayAsync()
    {
        var actor = staff.Context;
        var agencyId = Id is { } existing ? (await items.LoadReadableAsync(actor, existing, HttpContext.RequestAborted)).AgencyId : actor.AgencyId;
        await LoadColumnsAsync(agencyId);
    }

    private async Task LoadColumnsAsync(int agencyId) =>
        Columns = await db.Columns.AsNoTracking().Where(c => c.AgencyId == agencyId).OrderBy(c => c.SortOrder).ToListAsync();

    private async Task<ItemForm> FromItemAsync(Item i)
    {
        var replacedBy = await items.LinkedIndexNoAsync(i.ReplacedById);
        var interprets = await items.LinkedIndexNoAsync(i.InterpretsId);
        return new ItemForm
        {
            ColumnId = i.ColumnId, Title = i.Title, PublishingOrg = i.PublishingOrg, WrittenOn = i.WrittenOn, FormedOn = i.FormedOn, DocNo = i.DocNo,
            TopicCategory = i.TopicCategory, DisclosureMode = i.DisclosureMode, WithholdingReason = i.WithholdingReason, DisclosureScope = i.DisclosureScope,
            Summary = i.Summary, BodyHtml = i.BodyHtml, DocumentKind = i.DocumentKind, Validity = i.Validity, EffectiveOn = i.EffectiveOn,
            InvalidatedOn = i.InvalidatedOn, ReplacedByIndexNo = replacedBy, InterpretationForm = i.InterpretationForm, InterpretsIndexNo = interprets,
            Version = i.Version,
        };
    }
}
