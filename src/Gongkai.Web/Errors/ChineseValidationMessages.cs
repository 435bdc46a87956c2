using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Gongkai.Web.Errors;

/// <summary>
/// Model binding's own messages in Chinese. Left alone, a number or date that does not parse ("?p=abc",
/// "on=yesterday") shows "The value 'abc' is not valid for PageNumber." on a Chinese page. Every accessor of
/// <see cref="Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.DefaultModelBindingMessageProvider"/> is set, so no English
/// message is left for a case nobody thought of; the field is not named, because its C# name means nothing to the reader.
/// </summary>
public static class ChineseValidationMessages
{
    public const string NotValid = "填写的内容格式不正确，请检查后重新提交。";
    public const string Required = "此项为必填项。";

    public static IServiceCollection AddChineseValidationMessages(this IServiceCollection services)
    {
        services.Configure<MvcOptions>(o => Apply(o.ModelBindingMessageProvider));
        return services;
    }

    public static void Apply(DefaultModelBindingMessageProvider m)
    {
        m.SetAttemptedValueIsInvalidAccessor((_, _) => NotValid);
        m.SetMissingBindRequiredValueAccessor(_ => Required);
        m.SetMissingKeyOrValueAccessor(() => Required);
        m.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空。");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => NotValid);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => NotValid);
        m.SetNonPropertyValueMustBeANumberAccessor(() => "此项须填写数字。");
        m.SetUnknownValueIsInvalidAccessor(_ => NotValid);
        m.SetValueIsInvalidAccessor(_ => NotValid);
        m.SetValueMustBeANumberAccessor(_ => "此项须填写数字。");
        m.SetValueMustNotBeNullAccessor(_ => Required);
    }
}
