using System.CommandLine;
using System.Globalization;
using Enc.Cli.Output;
using Enc.Grains.Interfaces.Consensus;

namespace Enc.Cli.Commands.Consensus;

/// <summary><c>enc consensus status</c>: height, round, validators and weights, last certificate.</summary>
public static class ConsensusStatusCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var command = new Command("status", "Show the consensus height, round, validators and the last certificate.");
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, async (client, output, token) =>
        {
            var status = await client.Consensus.GetStatusAsync(token);
            if (status is null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("enc: consensus has not started (no validator answers; the genesis set needs enough registered nodes).");
                return GlobalOptions.ExitNotFound;
            }

            if (output.Format == OutputFormat.Json)
            {
                output.WriteJson(status);
                return 0;
            }

            Write(output, status);
            return 0;
        }, ct));
        return command;
    }

    private static void Write(CommandOutput output, ConsensusStatus s)
    {
        var c = s.LastCertificate;
        output.WriteFields(
        [
            ("Height", s.Height.ToString(CultureInfo.InvariantCulture)),
            ("Round", s.Round.ToString(CultureInfo.InvariantCulture)),
            ("State", s.Idle ? "idle (nothing pending)" : "deciding"),
            ("Reported by", s.ReportedBy),
            ("Pending", s.PendingDecisions.ToString(CultureInfo.InvariantCulture)),
            ("Total weight", s.Validators.Sum(v => v.Weight).ToString(CultureInfo.InvariantCulture)),
            ("Last block", c is null ? "-" : $"{c.Height} {c.BlockHash} (round {c.Round})"),
            ("Signed by", c is null ? "-" : string.Join(", ", c.Signers)),
            ("Aggregate", c is null ? "-" : c.AggregateSignature),
        ]);
        output.Writer.WriteLine();
        output.WriteTable(["NODE", "WEIGHT", "PUBLIC KEY"], s.Validators.Select(v => (IReadOnlyList<string>)[v.NodeName, v.Weight.ToString(CultureInfo.InvariantCulture), v.PublicKey]));
        var scheduled = s.ScheduledValidators.Select(v => (v.PublicKey, v.Weight)).ToHashSet();
        if (!scheduled.SetEquals(s.Validators.Select(v => (v.PublicKey, v.Weight))))
        {
            output.Writer.WriteLine();
            output.Writer.WriteLine("Committed changes not yet in effect; scheduled set:");
            output.WriteTable(["NODE", "WEIGHT"], s.ScheduledValidators.Select(v => (IReadOnlyList<string>)[v.NodeName, v.Weight.ToString(CultureInfo.InvariantCulture)]));
        }
    }
}
