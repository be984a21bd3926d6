namespace Enc.Cluster.Tests.Infrastructure;

/// <summary>Runs the <c>enc</c> CLI as a child process.</summary>
public static class EncCli
{
    /// <summary>Runs <c>enc args</c>; returns exit code and output.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args) =>
        ChildProcess.RunAsync("enc.dll", args, TimeSpan.FromSeconds(60));
}
