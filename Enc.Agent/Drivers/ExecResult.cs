namespace Enc.Agent.Drivers;

/// <summary>Result of running a command inside a task (health checks).</summary>
/// <param name="ExitCode">The command's exit code; -1 when it timed out or could not run.</param>
/// <param name="Output">Combined stdout and stderr, truncated to a few KiB.</param>
public sealed record ExecResult(int ExitCode, string Output);
