using System.CommandLine;
using System.Globalization;
using Enc.Cli.Output;
using Enc.Client.Ledger;
using Enc.Ledger.Receipts;

namespace Enc.Cli.Commands.Ledger;

/// <summary>
/// <c>enc receipt ID</c>: one receipt with its batch signature and inclusion proof, verified here: batch
/// signature by a trusted node key, checkpoint signature, inclusion in that signed head.
/// </summary>
public static class ReceiptCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var id = new Argument<string>("ID") { Description = "Receipt id (a UUID)." };
        var trustedKeys = LedgerCommandSupport.TrustedKeysOption();
        var command = new Command("receipt", "Show one receipt with its inclusion proof, verified locally.") { id, trustedKeys };
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, async (client, output, token) =>
        {
            var text = parse.GetValue(id)!;
            if (!Guid.TryParse(text, out var receiptId))
            {
                throw new ArgumentException($"ID: '{text}' is not a receipt id (UUID)");
            }

            var proof = await client.Ledger.GetReceiptAsync(receiptId, token);
            if (proof is null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"enc: receipt {receiptId} not found.");
                return GlobalOptions.ExitNotFound;
            }

            var (keys, source) = await LedgerCommandSupport.TrustedKeysAsync(client, parse.GetValue(trustedKeys), token);
            var check = new ReceiptVerifier(keys).VerifyReceipt(proof, proof.Checkpoint.ToCheckpoint());
            var receipt = ReceiptEncoding.Decode(proof.Encoding);
            if (output.Format == OutputFormat.Json)
            {
                output.WriteJson(new
                {
                    receipt.Id,
                    Kind = receipt.Kind.ToString(),
                    receipt.Subject,
                    receipt.Actor,
                    Timestamp = receipt.Timestamp.ToString(),
                    PayloadHash = LedgerCommandSupport.Hex(receipt.PayloadHash),
                    PreviousHash = LedgerCommandSupport.Hex(receipt.PreviousHash),
                    Hash = LedgerCommandSupport.Hex(ReceiptEncoding.Hash(proof.Encoding)),
                    Encoding = LedgerCommandSupport.Hex(proof.Encoding),
                    Signer = LedgerCommandSupport.Hex(receipt.SignerPublicKey),
                    Batch = new { Size = proof.BatchSize, Index = proof.BatchIndex, Path = proof.BatchPath.Select(LedgerCommandSupport.Hex), Signature = LedgerCommandSupport.Hex(proof.BatchSignature) },
                    Inclusion = new { proof.Position, Path = proof.LedgerPath.Select(LedgerCommandSupport.Hex), Checkpoint = CheckpointDocument.From(proof.Checkpoint.ToCheckpoint()) },
                    Verified = check.IsValid,
                    check.Failure,
                    check.Detail,
                    TrustedKeys = source,
                });
            }
            else
            {
                output.WriteFields(
                [
                    ("Id", receipt.Id.ToString()),
                    ("Kind", receipt.Kind.ToString()),
                    ("Subject", receipt.Subject),
                    ("Actor", receipt.Actor),
                    ("Time", receipt.Timestamp.ToString()),
                    ("Payload hash", LedgerCommandSupport.Hex(receipt.PayloadHash)),
                    ("Previous", LedgerCommandSupport.Hex(receipt.PreviousHash)),
                    ("Hash", LedgerCommandSupport.Hex(ReceiptEncoding.Hash(proof.Encoding))),
                    ("Signer", LedgerCommandSupport.Hex(receipt.SignerPublicKey)),
                    ("Batch", string.Create(CultureInfo.InvariantCulture, $"receipt {proof.BatchIndex} of {proof.BatchSize}, path of {proof.BatchPath.Count}")),
                    ("Position", string.Create(CultureInfo.InvariantCulture, $"{proof.Position} in head of size {proof.Checkpoint.Size}, path of {proof.LedgerPath.Count}")),
                    ("Head root", LedgerCommandSupport.Hex(proof.Checkpoint.Root)),
                    ("Verified", check.IsValid ? $"yes (signature, head and inclusion; {source})" : $"NO: {check}"),
                ]);
            }

            return check.IsValid ? 0 : LedgerCommandSupport.ExitVerificationFailed;
        }, ct));
        return command;
    }
}
