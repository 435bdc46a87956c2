using Microsoft.Extensions.Logging;

namespace Gongkai.Benchmarks;

/// <summary>
/// Prints EF Core's "Executed DbCommand (N ms)" lines with their SQL: `trace &lt;connection&gt;` shows which of the
/// dashboard's queries costs what, to be EXPLAINed by hand (no console-logging package needed for one category).
/// </summary>
internal sealed class SqlTraceProvider : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) =>
        categoryName == "Microsoft.EntityFrameworkCore.Database.Command" ? new Logger() : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Logger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Console.WriteLine(formatter(state, exception));
                Console.WriteLine();
            }
        }
    }
}
