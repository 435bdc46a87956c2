using Gongkai.Application;
using Gongkai.Application.Catalog;

namespace Gongkai.Web.Infrastructure;

/// <summary>Reading a posted file for the use cases, which check its content (<see cref="AttachmentInspector"/>).</summary>
public static class Uploads
{
    /// <summary>
    /// The file's name and bytes, or null when none was chosen. The size is checked before reading, so an oversized upload
    /// is refused without being buffered; the message is the one every form shows.
    /// </summary>
    public static async Task<(string FileName, byte[] Content)?> ReadAsync(IFormFile? file, UploadLimits limits, string field, CancellationToken ct)
    {
        if (file is not { Length: > 0 })
        {
            return null;
        }
        if (file.Length > limits.MaxAttachmentBytes)
        {
            throw new ValidationException(field, $"附件“{file.FileName}”超过上限 {limits.MaxAttachmentBytes / 1024 / 1024} MB。");
        }
        using var ms = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
        await file.CopyToAsync(ms, ct);
        return (file.FileName, ms.ToArray());
    }
}
