using Microsoft.Extensions.Logging;

namespace Enc.Cluster.Tests.Unit;

/// <summary>A hand-written logger that keeps every entry (level, formatted message, exception) for assertions; safe for concurrent logging.</summary>
public sealed class RecordingLogger : ILogger
{
    /// <summary>Entries, oldest first.</summary>
    public List<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = [];

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => true;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Entries)
        {
            Entries.Add((logLevel, formatter(state, exception), exception));
        }
    }
}
