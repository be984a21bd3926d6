namespace Enc.Agent.Drivers;

/// <summary>One line of a task's output.</summary>
/// <param name="Stream">"stdout" or "stderr".</param>
/// <param name="Line">The text, without its line terminator.</param>
public sealed record LogEntry(string Stream, string Line);
