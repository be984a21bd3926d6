using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Enc.Cluster.Tests.Infrastructure;

/// <summary>
/// Every log entry of one or more in-process silos (at <see cref="LogLevel.Warning"/> and above unless another
/// minimum level is given, whatever the console filter says), each tagged with the silo that wrote it, for
/// assertions about what a run logged.
/// </summary>
/// <param name="minimum">The lowest level captured.</param>
public sealed class CapturedLogs(LogLevel minimum = LogLevel.Warning)
{
    private readonly ConcurrentQueue<CapturedLogEntry> _entries = new();
    private readonly LogLevel _minimum = minimum;

    /// <summary>Entries so far, in the order they were written.</summary>
    public IReadOnlyList<CapturedLogEntry> Entries => [.. _entries];

    /// <summary>Adds a provider writing to this capture, tagged <paramref name="silo"/>, to <paramref name="logging"/>.</summary>
    public void AddTo(ILoggingBuilder logging, string silo)
    {
        logging.AddProvider(new Provider(this, silo));
        logging.AddFilter<Provider>(null, _minimum);
    }

    /// <summary>Entries, one per line (with the exception's type and message), for assertion messages.</summary>
    public static string Format(IEnumerable<CapturedLogEntry> entries) => string.Join(Environment.NewLine, entries);

    private sealed class Provider(CapturedLogs logs, string silo) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(logs, silo, categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class Logger(CapturedLogs logs, string silo, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= logs._minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                logs._entries.Enqueue(new CapturedLogEntry(DateTimeOffset.UtcNow, silo, category, logLevel, eventId.Id, formatter(state, exception), exception));
            }
        }
    }
}
