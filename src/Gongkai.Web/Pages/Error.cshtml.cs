using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "出错了";
    public string Message { get; private set; } = "服务器处理请求时出错，请稍后再试。";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Title, Message) = code switch
        {
            404 => ("页面不存在", "您访问的页面不存在，或信息已撤回。"),
            403 => ("无权访问", "您没有权限访问此页面。"),
            400 => ("请求有误", "请求内容有误，请检查后重试。"),
            429 => ("请求过于频繁", "请稍候再试。"),
            _ => (Title, Message),
        };
    }
}
