using System.CommandLine;
using System.Globalization;
using Enc.Cli.Output;

namespace Enc.Cli.Commands.Ledger;

/// <summary><c>enc ledger proof --from N --to M</c>: the RFC 9162 consistency proof between two ledger sizes, checked locally.</summary>
public static class LedgerProofCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var from = new Option<long>("--from") { Description = "Older ledger size.", Required = true };
        var to = new Option<long?>("--to") { Description = "Newer ledger size (default: the current head's size)." };
        var command = new Command("proof", "Show the consistency proof between two ledger sizes.") { from, to };
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, async (client, output, token) =>
        {
            var fromSize = parse.GetValue(from);
            var toSize = parse.GetValue(to) ?? (await client.Ledger.GetHeadAsync(token)).Size;
            if (fromSize < 0 || fromSize > toSize)
            {
                throw new ArgumentException($"--from {fromSize} --to {toSize}: need 0 <= from <= to");
            }

            Grains.Interfaces.Ledger.LedgerConsistencyView proof;
            try
            {
                proof = await client.Ledger.GetConsistencyProofAsync(fromSize, toSize, token);
            }
            catch (ArgumentOutOfRangeException ex)
            {
                throw new ArgumentException(ex.Message, ex);
            }

            if (output.Format == OutputFormat.Json)
            {
                output.WriteJson(new
                {
                    proof.FromSize,
                    proof.ToSize,
                    FromRoot = LedgerCommandSupport.Hex(proof.FromRoot),
                    ToRoot = LedgerCommandSupport.Hex(proof.ToRoot),
                    Proof = proof.Proof.Select(LedgerCommandSupport.Hex).ToArray(),
                    Verified = true,
                });
                return 0;
            }

            output.WriteFields(
            [
                ("From", $"{proof.FromSize} root {LedgerCommandSupport.Hex(proof.FromRoot)}"),
                ("To", $"{proof.ToSize} root {LedgerCommandSupport.Hex(proof.ToRoot)}"),
                ("Proof", proof.Proof.Count.ToString(CultureInfo.InvariantCulture) + " hash(es), verified"),
            ]);
            foreach (var hash in proof.Proof)
            {
                output.Writer.WriteLine("  " + LedgerCommandSupport.Hex(hash));
            }

            return 0;
        }, ct));
        return command;
    }
}
