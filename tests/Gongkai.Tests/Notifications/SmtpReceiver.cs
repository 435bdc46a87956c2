using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Tests.Notifications;

/// <summary>A message the receiver accepted: the envelope and the decoded subject and plain-text body.</summary>
public sealed record ReceivedMail(string MailFrom, IReadOnlyList<string> RcptTo, string Raw)
{
    public string Subject => DecodeWords(Header("Subject") ?? "");

    public string Body
    {
        get
        {
            var split = Raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var body = split < 0 ? "" : Raw[(split + 4)..];
            return (Header("Content-Transfer-Encoding") ?? "").Trim().Equals("base64", StringComparison.OrdinalIgnoreCase)
                ? Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Split("\r\n").Select(l => l.Trim()))))
                : body;
        }
    }

    /// <summary>A header's value, unfolded.</summary>
    public string? Header(string name)
    {
        var split = Raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = (split < 0 ? Raw : Raw[..split]).Replace("\r\n ", " ").Replace("\r\n\t", " ");
        return headers.Split("\r\n").Where(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            .Select(l => l[(name.Length + 1)..].Trim()).FirstOrDefault();
    }

    /// <summary>RFC 2047 encoded words (B and Q, UTF-8); adjacent words are joined before decoding, as their bytes may split a character.</summary>
    private static string DecodeWords(string value)
    {
        var bytes = new List<byte>();
        var result = new StringBuilder();
        var last = 0;
        foreach (Match m in Regex.Matches(value, @"=\?utf-8\?([BbQq])\?([^?]*)\?=\s*"))
        {
            if (m.Index > last)
            {
                Flush();
                result.Append(value, last, m.Index - last);
            }
            bytes.AddRange(m.Groups[1].Value is "B" or "b" ? Convert.FromBase64String(m.Groups[2].Value) : QDecode(m.Groups[2].Value));
            last = m.Index + m.Length;
        }
        Flush();
        result.Append(value[last..]);
        return result.ToString();

        void Flush()
        {
            result.Append(Encoding.UTF8.GetString([.. bytes]));
            bytes.Clear();
        }
    }

    private static byte[] QDecode(string q)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < q.Length; i++)
        {
            if (q[i] == '=' && i + 2 < q.Length)
            {
                bytes.Add(Convert.ToByte(q.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add(q[i] == '_' ? (byte)' ' : (byte)q[i]);
            }
        }
        return [.. bytes];
    }
}

/// <summary>
/// A minimal SMTP server on 127.0.0.1 (a free port): speaks EHLO/HELO, MAIL FROM, RCPT TO, DATA, RSET, NOOP and QUIT —
/// enough for System.Net.Mail's client to deliver — and keeps every accepted message. A real protocol peer, not a mock.
/// </summary>
public sealed class SmtpReceiver : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private readonly List<ReceivedMail> _messages = [];
    private readonly Task _loop;
    private readonly Func<string, bool>? _rejects;

    /// <param name="rejects">Recipients the server refuses with 550 (an unknown mailbox: the bounce a real server answers).</param>
    public SmtpReceiver(Func<string, bool>? rejects = null)
    {
        _rejects = rejects;
        _listener.Start();
        _loop = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public IReadOnlyList<ReceivedMail> Messages
    {
        get
        {
            lock (_lock)
            {
                return [.. _messages];
            }
        }
    }

    private async Task AcceptLoopAsync()
    {
        var sessions = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                sessions.Add(SessionAsync(client));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        catch (SocketException)
        {
            // Listener closed.
        }
        await Task.WhenAll(sessions);
    }

    private async Task SessionAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.Latin1, false, 4096, leaveOpen: true);
            await using var writer = new StreamWriter(stream, Encoding.ASCII, 4096, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 127.0.0.1 gongkai-test ESMTP");
            string? from = null;
            var rcpt = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                if (line.StartsWith("MAIL FROM:", StringComparison.OrdinalIgnoreCase))
                {
                    from = Address(line);
                    rcpt.Clear();
                    await writer.WriteLineAsync("250 2.1.0 OK");
                }
                else if (line.StartsWith("RCPT TO:", StringComparison.OrdinalIgnoreCase))
                {
                    var to = Address(line);
                    if (_rejects?.Invoke(to) == true)
                    {
                        await writer.WriteLineAsync("550 5.1.1 mailbox unavailable");
                        continue;
                    }
                    rcpt.Add(to);
                    await writer.WriteLineAsync("250 2.1.5 OK");
                }
                else if (verb == "EHLO")
                {
                    await writer.WriteLineAsync("250-127.0.0.1 hello");
                    await writer.WriteLineAsync("250 8BITMIME");
                }
                else if (verb == "HELO")
                {
                    await writer.WriteLineAsync("250 127.0.0.1 hello");
                }
                else if (verb == "DATA")
                {
                    if (from is null || rcpt.Count == 0)
                    {
                        await writer.WriteLineAsync("503 5.5.1 MAIL FROM and RCPT TO first");
                        continue;
                    }
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync(_stop.Token) is { } d && d != ".")
                    {
                        data.Append(d.StartsWith('.') ? d[1..] : d).Append("\r\n");
                    }
                    // Latin-1 kept the bytes; the headers and base64 body are ASCII anyway.
                    lock (_lock)
                    {
                        _messages.Add(new ReceivedMail(from, [.. rcpt], data.ToString()));
                    }
                    from = null;
                    rcpt.Clear();
                    await writer.WriteLineAsync("250 2.0.0 queued");
                }
                else if (verb is "RSET" or "NOOP")
                {
                    from = verb == "RSET" ? null : from;
                    await writer.WriteLineAsync("250 2.0.0 OK");
                }
                else if (verb == "QUIT")
                {
                    await writer.WriteLineAsync("221 2.0.0 bye");
                    return;
                }
                else
                {
                    await writer.WriteLineAsync("502 5.5.2 command not implemented");
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The client went away or the receiver is stopping.
        }
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
