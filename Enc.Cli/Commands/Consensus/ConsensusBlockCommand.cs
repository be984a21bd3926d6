using System.CommandLine;
using System.Globalization;
using Enc.Cli.Output;
using Enc.Client.Consensus;

namespace Enc.Cli.Commands.Consensus;

/// <summary><c>enc consensus block H</c>: a committed block's decisions and certificate, verified locally.</summary>
public static class ConsensusBlockCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var height = new Argument<long>("H") { Description = "Block height (1 is the first block)." };
        var command = new Command("block", "Show a committed block: its decisions and certificate (verified here).") { height };
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, async (client, output, token) =>
        {
            var h = parse.GetValue(height);
            if (h < 1)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"enc: H: {h} is not a height; heights start at 1.");
                return GlobalOptions.ExitInvalid;
            }

            var block = await client.Consensus.GetBlockAsync(h, token);
            if (block is null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"enc: block {h} is not committed.");
                return GlobalOptions.ExitNotFound;
            }

            var verification = ConsensusOperations.VerifyBlock(block);
            if (output.Format == OutputFormat.Json)
            {
                output.WriteJson(new { block, verification });
                return 0;
            }

            var c = block.Certificate;
            output.WriteFields(
            [
                ("Height", block.Height.ToString(CultureInfo.InvariantCulture)),
                ("Hash", block.BlockHash),
                ("Parent", block.ParentHash),
                ("Recorded", block.RecordedAt.ToString("u", CultureInfo.InvariantCulture)),
                ("Round", c.Round.ToString(CultureInfo.InvariantCulture)),
                ("Validator set", c.ValidatorSetHash),
                ("Signed by", $"{string.Join(", ", c.Signers)} ({c.Signers.Count} of {block.Validators.Count})"),
                ("Aggregate", c.AggregateSignature),
                ("Certificate", verification.IsValid ? "valid (FastAggregateVerify over the block hash)" : "INVALID: " + verification.Error),
                ("Evidence", block.Evidence.Count.ToString(CultureInfo.InvariantCulture)),
            ]);
            output.Writer.WriteLine();
            output.WriteTable(["#", "TYPE", "DECISION"], block.Decisions.Select((d, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), d.Type, d.Summary]));
            return verification.IsValid ? 0 : 1;
        }, ct));
        return command;
    }
}
