using System.CommandLine;
using Enc.Cli.Output;

namespace Enc.Cli.Commands.Key;

/// <summary>
/// <c>enc key sign PATH (--message TEXT | --message-file FILE)</c>: signs with a key file under the
/// ciphersuite <c>BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_</c>; prints the 96-byte signature in hex.
/// </summary>
public static class KeySignCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var path = new Argument<string>("path") { Description = "Key file to sign with." };
        var message = KeyCommandSupport.MessageOption();
        var messageFile = KeyCommandSupport.MessageFileOption();
        var command = new Command("sign", "Sign a message with a key file; prints the signature (hex).") { path, message, messageFile };
        command.SetAction((parse, _) => KeyCommandSupport.RunAsync(parse, output =>
        {
            var bytes = KeyCommandSupport.ReadMessage(parse, message, messageFile);
            using var key = KeyCommandSupport.LoadKey(parse.GetValue(path)!, "path");
            var signature = key.Sign(bytes).ToHex();
            if (output.Format == OutputFormat.Json)
            {
                output.WriteJson(new { publicKey = key.PublicKey.ToHex(), signature });
            }
            else
            {
                output.Writer.WriteLine(signature);
            }

            return 0;
        }));
        return command;
    }
}
