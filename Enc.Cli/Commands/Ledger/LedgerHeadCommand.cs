using System.CommandLine;
using System.Globalization;
using Enc.Cli.Output;
using Enc.Client.Ledger;

namespace Enc.Cli.Commands.Ledger;

/// <summary>
/// <c>enc ledger head</c>: the latest signed tree head, its signature checked against trusted node keys; with
/// <c>--trusted-head FILE</c> also proves (RFC 9162 consistency) that the ledger only grew since that head.
/// </summary>
public static class LedgerHeadCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var trustedKeys = LedgerCommandSupport.TrustedKeysOption();
        var trustedHead = new Option<FileInfo?>("--trusted-head") { Description = "A head saved earlier with 'enc ledger head -o json'; the new head must extend it." };
        var command = new Command("head", "Show the latest signed ledger head.") { trustedKeys, trustedHead };
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, async (client, output, token) =>
        {
            var head = await client.Ledger.GetHeadAsync(token);
            var (keys, source) = await LedgerCommandSupport.TrustedKeysAsync(client, parse.GetValue(trustedKeys), token);
            var verifier = new ReceiptVerifier(keys);
            var check = verifier.VerifyCheckpoint(head);
            string? consistency = null;
            if (check.IsValid && parse.GetValue(trustedHead) is { } file)
            {
                var trusted = (await LedgerCommandSupport.ReadCheckpointAsync(file, "--trusted-head", token)).ToCheckpoint();
                if (trusted.Size > head.Size)
                {
                    check = new Enc.Ledger.Verification.LedgerCheck(false, "Inconsistent", $"the ledger shrank from {trusted.Size} to {head.Size} entries");
                }
                else
                {
                    var proof = await client.Ledger.GetConsistencyProofAsync(trusted.Size, head.Size, token);
                    check = verifier.VerifyConsistency(trusted, head, proof);
                    consistency = $"extends trusted head of size {trusted.Size}";
                }
            }

            if (output.Format == OutputFormat.Json)
            {
                output.WriteJson(new { Head = CheckpointDocument.From(head), Verified = check.IsValid, check.Failure, check.Detail, TrustedKeys = source, Consistency = consistency });
            }
            else
            {
                output.WriteFields(
                [
                    ("Size", head.Size.ToString(CultureInfo.InvariantCulture)),
                    ("Root", LedgerCommandSupport.Hex(head.Root)),
                    ("Signed", DateTimeOffset.FromUnixTimeMilliseconds(head.TimestampMilliseconds).ToString("O", CultureInfo.InvariantCulture)),
                    ("Signer", LedgerCommandSupport.Hex(head.SignerPublicKey)),
                    ("Signature", check.IsValid ? $"valid ({source})" : $"INVALID: {check}"),
                    ("Consistency", consistency is null ? "-" : check.IsValid ? consistency : $"FAILED: {check}"),
                ]);
            }

            return check.IsValid ? 0 : LedgerCommandSupport.ExitVerificationFailed;
        }, ct));
        return command;
    }
}
