namespace Gongkai.Documents;

/// <summary>
/// A file the readers refuse: not the format it claims, damaged, or beyond <see cref="ReadLimits"/>. The message is Chinese,
/// fit to show the person who uploaded the file; the parser's own exception, if any, is the inner one.
/// </summary>
public sealed class UnreadableDocumentException : Exception
{
    public UnreadableDocumentException()
    {
    }

    public UnreadableDocumentException(string message)
        : base(message)
    {
    }

    public UnreadableDocumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
