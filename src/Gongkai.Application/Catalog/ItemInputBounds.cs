using Gongkai.Domain.Catalog;

namespace Gongkai.Application.Catalog;

/// <summary>An item's choices must be ones the law names: a number like 99 posted for one is refused, not stored.</summary>
public static class ItemInputBounds
{
    public static void CheckChoices(ValidationErrors errors, ItemInput input)
    {
        InputBounds.CheckDefined(errors, nameof(input.DisclosureMode), input.DisclosureMode, "请选择公开方式。");
        InputBounds.CheckDefined(errors, nameof(input.WithholdingReason), input.WithholdingReason, "请选择不予公开的法定理由。");
        InputBounds.CheckDefined(errors, nameof(input.DocumentKind), input.DocumentKind, "请选择文件类型。");
        InputBounds.CheckDefined(errors, nameof(input.Validity), input.Validity, "请选择有效性。");
        InputBounds.CheckDefined(errors, nameof(input.InterpretationForm), input.InterpretationForm, "请选择解读形式。");
    }
}
