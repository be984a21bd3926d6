using System.CommandLine;
using System.Globalization;
using Enc.Cli.Output;
using Enc.Client.Ledger;

namespace Enc.Cli.Commands.Ledger;

/// <summary><c>enc receipts SUBJECT</c>: the receipt history of a workload, node or instance, oldest first, chain links checked.</summary>
public static class ReceiptsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var subject = new Argument<string>("SUBJECT")
        {
            Description = "node/NAME, workload/NS/NAME, instance/ID, or a workload as NAME or NS/NAME.",
        };
        var command = new Command("receipts", "Show the receipts recorded for a workload, node or instance.") { subject };
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, async (client, output, token) =>
        {
            var name = ReceiptSubjectNames.Parse(parse.GetValue(subject)!);
            var history = await client.Ledger.GetHistoryAsync(name, token);
            var brokenAt = FirstBrokenLink(history);
            if (output.Format == OutputFormat.Json)
            {
                output.WriteJson(new
                {
                    Subject = name,
                    ChainValid = brokenAt is null,
                    Receipts = history.Select(r => new
                    {
                        r.Position,
                        Id = r.Receipt.Id,
                        Kind = r.Receipt.Kind.ToString(),
                        r.Receipt.Subject,
                        r.Receipt.Actor,
                        Timestamp = r.Receipt.Timestamp.ToString(),
                        PayloadHash = LedgerCommandSupport.Hex(r.Receipt.PayloadHash),
                        PreviousHash = LedgerCommandSupport.Hex(r.Receipt.PreviousHash),
                        Hash = LedgerCommandSupport.Hex(r.Hash),
                        Signer = LedgerCommandSupport.Hex(r.Receipt.SignerPublicKey),
                    }),
                });
            }
            else
            {
                output.WriteTable(
                    ["POSITION", "KIND", "TIME", "ACTOR", "ID"],
                    history.Select(r => (IReadOnlyList<string>)
                    [
                        r.Position.ToString(CultureInfo.InvariantCulture),
                        r.Receipt.Kind.ToString(),
                        r.Receipt.Timestamp.ToString(),
                        r.Receipt.Actor,
                        r.Receipt.Id.ToString(),
                    ]));
                if (brokenAt is { } index)
                {
                    output.Writer.WriteLine($"chain BROKEN at receipt {history[index].Receipt.Id}: previous hash does not match");
                }
            }

            if (history.Count == 0)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"enc: no receipts for {name}.");
                return GlobalOptions.ExitNotFound;
            }

            return brokenAt is null ? 0 : LedgerCommandSupport.ExitVerificationFailed;
        }, ct));
        return command;
    }

    private static int? FirstBrokenLink(IReadOnlyList<LedgerRecord> history)
    {
        for (var i = 1; i < history.Count; i++)
        {
            if (!history[i].Receipt.PreviousHash.AsSpan().SequenceEqual(history[i - 1].Hash))
            {
                return i;
            }
        }

        return null;
    }
}
