using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Gongkai.Web.Infrastructure;

/// <summary>Form values that cannot be read (a malformed date, an unknown option) are reported in Chinese.</summary>
public static class ChineseBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider p)
    {
        p.SetAttemptedValueIsInvalidAccessor((value, field) => $"“{value}”不是有效的{Label(field)}。");
        p.SetMissingBindRequiredValueAccessor(field => $"缺少{Label(field)}。");
        p.SetMissingKeyOrValueAccessor(() => "缺少值。");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空。");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”无效。");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "提交的值无效。");
        p.SetUnknownValueIsInvalidAccessor(field => $"{Label(field)}的值无效。");
        p.SetValueIsInvalidAccessor(value => $"“{value}”无效。");
        p.SetValueMustBeANumberAccessor(field => $"{Label(field)}必须是数字。");
        p.SetValueMustNotBeNullAccessor(value => $"“{value}”不能为空。");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "必须是数字。");
    }

    private static string Label(string field) => field switch
    {
        "FormedOn" => "信息形成日期",
        "WrittenOn" => "成文日期",
        "EffectiveOn" => "施行日期",
        "InvalidatedOn" => "失效/废止日期",
        "ColumnId" => "栏目",
        "DisclosureMode" => "公开属性",
        "DocumentKind" => "文件类型",
        "Validity" => "有效性",
        _ => "输入项",
    };
}
