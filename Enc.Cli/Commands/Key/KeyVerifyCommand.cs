using System.CommandLine;
using Enc.Cli.Output;
using Enc.Crypto.Bls;

namespace Enc.Cli.Commands.Key;

/// <summary>
/// <c>enc key verify --public-key HEX (--signature HEX (--message TEXT | --message-file FILE) | --proof-of-possession HEX)</c>:
/// checks a signature over a message, or a key's proof of possession; exit 0 when valid, 1 when not,
/// 2 when an input is malformed (a public key off the curve or outside G1 is malformed: KeyValidate).
/// </summary>
public static class KeyVerifyCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var publicKey = new Option<string>("--public-key") { Description = "Public key (48-byte compressed G1, hex)." };
        var signature = new Option<string>("--signature") { Description = "Signature to check (96-byte compressed G2, hex)." };
        var proof = new Option<string>("--proof-of-possession") { Description = "Check this proof of possession of the key instead of a signature." };
        var message = KeyCommandSupport.MessageOption();
        var messageFile = KeyCommandSupport.MessageFileOption();
        var command = new Command("verify", "Verify a signature (or a proof of possession); exit 1 when it does not verify.")
        {
            publicKey, signature, proof, message, messageFile,
        };
        command.SetAction((parse, _) => KeyCommandSupport.RunAsync(parse, output =>
        {
            var key = KeyCommandSupport.ParseHex(parse.GetValue(publicKey), "--public-key", BlsPublicKey.FromHex);
            var proofHex = parse.GetValue(proof);
            var signatureHex = parse.GetValue(signature);
            if ((proofHex is null) == (signatureHex is null))
            {
                throw new KeyInputException("--signature", "give exactly one of --signature and --proof-of-possession.");
            }

            bool valid;
            string what;
            if (proofHex is not null)
            {
                valid = key.VerifyPossession(KeyCommandSupport.ParseHex(proofHex, "--proof-of-possession", BlsSignature.FromHex));
                what = "proof of possession";
            }
            else
            {
                var parsed = KeyCommandSupport.ParseHex(signatureHex, "--signature", BlsSignature.FromHex);
                valid = key.Verify(KeyCommandSupport.ReadMessage(parse, message, messageFile), parsed);
                what = "signature";
            }

            if (output.Format == OutputFormat.Json)
            {
                output.WriteJson(new { valid, kind = what });
            }
            else
            {
                output.Writer.WriteLine(valid ? $"{what} valid" : $"{what} INVALID");
            }

            return valid ? 0 : KeyCommandSupport.ExitInvalidSignature;
        }));
        return command;
    }
}
