using Microsoft.Extensions.Logging;

namespace Enc.Cluster.Tests.Infrastructure;

/// <summary>One log entry captured by <see cref="CapturedLogs"/>.</summary>
public sealed record CapturedLogEntry(DateTimeOffset Time, string Silo, string Category, LogLevel Level, int EventId, string Message, Exception? Exception)
{
    /// <summary>True when the message or any exception in the chain mentions <paramref name="text"/>.</summary>
    public bool Mentions(string text)
    {
        if (Message.Contains(text, StringComparison.Ordinal))
        {
            return true;
        }

        for (var ex = Exception; ex is not null; ex = ex.InnerException)
        {
            if (ex.Message.Contains(text, StringComparison.Ordinal) || ex.GetType().Name.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Time:HH:mm:ss.fff} {Silo} {Level} {Category}[{EventId}]: {Message}" + (Exception is null ? "" : $" ({Exception.GetType().Name}: {Exception.Message})");
}
