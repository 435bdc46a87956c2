namespace Gongkai.Web.Limits;

/// <summary>A request over one of <see cref="RequestLimits"/>; the message is Chinese and names the limit.</summary>
public sealed class RequestLimitExceededException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
