using System.CommandLine;
using Enc.Crypto.Bls;

namespace Enc.Cli.Commands.Key;

/// <summary>
/// <c>enc key generate PATH [--force]</c>: a fresh BLS12-381 secret key from the operating system's CSPRNG,
/// written atomically with owner-only permissions; prints the public key and its proof of possession.
/// To provision a node's identity before its first start, write it to <c>DATA_DIR/keys/node-NAME.bls</c>.
/// </summary>
public static class KeyGenerateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var path = new Argument<string>("path") { Description = "Key file to create (its directory is created, mode 0700)." };
        var force = new Option<bool>("--force") { Description = "Replace an existing key file (the old key is lost)." };
        var command = new Command("generate", "Create a BLS12-381 key file (mode 0600) and print its public key and proof of possession.") { path, force };
        command.SetAction((parse, _) => KeyCommandSupport.RunAsync(parse, output =>
        {
            var file = parse.GetValue(path)!;
            using var key = BlsSecretKey.Generate();
            try
            {
                var directory = Path.GetDirectoryName(Path.GetFullPath(file))!;
                if (!Directory.Exists(directory))
                {
                    Directory.CreateDirectory(directory);
                    if (!OperatingSystem.IsWindows())
                    {
                        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                    }
                }

                key.Save(file, parse.GetValue(force));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new KeyInputException("path", $"{ex.Message}{(File.Exists(file) ? " Use --force to replace it." : "")}");
            }

            KeyCommandSupport.WritePublicPart(output, file, key);
            return 0;
        }));
        return command;
    }
}
