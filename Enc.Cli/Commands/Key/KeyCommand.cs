using System.CommandLine;

namespace Enc.Cli.Commands.Key;

/// <summary>
/// <c>enc key generate|show|sign|verify</c>: BLS12-381 node keys and signatures, offline (no cluster
/// connection). Keys use ENC's key file format (owner-only, mode 0600), which a silo loads as its node
/// identity from <c>DATA_DIR/keys/node-NAME.bls</c>.
/// </summary>
public static class KeyCommand
{
    /// <summary>Builds the <c>key</c> group.</summary>
    public static Command Build() => new("key", "Create and inspect BLS12-381 node keys; sign and verify messages (offline).")
    {
        KeyGenerateCommand.Build(),
        KeyShowCommand.Build(),
        KeySignCommand.Build(),
        KeyVerifyCommand.Build(),
    };
}
