using System.CommandLine;

namespace Enc.Cli.Commands.Key;

/// <summary><c>enc key show PATH</c>: the public key and proof of possession of a key file (never the secret).</summary>
public static class KeyShowCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var path = new Argument<string>("path") { Description = "Key file (as written by `enc key generate` or by a silo)." };
        var command = new Command("show", "Print a key file's public key and proof of possession.") { path };
        command.SetAction((parse, _) => KeyCommandSupport.RunAsync(parse, output =>
        {
            var file = parse.GetValue(path)!;
            using var key = KeyCommandSupport.LoadKey(file, "path");
            KeyCommandSupport.WritePublicPart(output, file, key);
            return 0;
        }));
        return command;
    }
}
