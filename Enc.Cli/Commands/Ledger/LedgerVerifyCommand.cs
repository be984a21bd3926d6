using System.CommandLine;
using System.Globalization;
using Enc.Cli.Output;

namespace Enc.Cli.Commands.Ledger;

/// <summary>
/// <c>enc ledger verify</c>: the ledger re-hashes and re-verifies every entry, batch signature, registration,
/// tree node and checkpoint; prints the first bad entry and exits 1 when anything fails.
/// </summary>
public static class LedgerVerifyCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var command = new Command("verify", "Re-hash and re-verify the whole ledger; exit 1 naming the first bad entry.");
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, async (client, output, token) =>
        {
            var report = await client.Ledger.VerifyAsync(token);
            if (output.Format == OutputFormat.Json)
            {
                output.WriteJson(report);
            }
            else if (report.IsValid)
            {
                output.Writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"ledger valid: {report.EntriesChecked} entries, {report.BatchesChecked} batches, {report.CheckpointsChecked} checkpoints verified in {report.ElapsedMilliseconds / 1000:F2}s"));
            }
            else
            {
                output.Writer.WriteLine($"ledger INVALID at entry {report.FirstBadPosition}: {report.Failure}: {report.Detail}");
            }

            return report.IsValid ? 0 : LedgerCommandSupport.ExitVerificationFailed;
        }, ct));
        return command;
    }
}
