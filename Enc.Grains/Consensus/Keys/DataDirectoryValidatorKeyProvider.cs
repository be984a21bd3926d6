using Enc.Crypto.Bls;
using Enc.Grains.Consensus.Options;
using Microsoft.Extensions.Options;

namespace Enc.Grains.Consensus.Keys;

/// <summary>
/// Loads the local node's key from <c>KEYDIR/NODE.consensus.key</c> (owner-only file written by
/// <see cref="BlsSecretKey.Save"/>), generating it on first start. Holds the key for the silo's lifetime.
/// </summary>
internal sealed class DataDirectoryValidatorKeyProvider(ILocalSiloDetails silo, IOptions<EncConsensusOptions> options) : IValidatorKeyProvider, IDisposable
{
    private readonly Lock _lock = new();
    private BlsSecretKey? _key;

    /// <inheritdoc />
    public BlsSecretKey? KeyFor(string nodeName)
    {
        if (!string.Equals(nodeName, silo.Name, StringComparison.Ordinal))
        {
            return null;
        }

        lock (_lock)
        {
            return _key ??= LoadOrCreate(Path.Combine(Directory(), nodeName + ".consensus.key"));
        }
    }

    /// <inheritdoc />
    public void Dispose() => _key?.Dispose();

    private string Directory() => options.Value.KeyDirectory.Length > 0 ? options.Value.KeyDirectory : ".";

    private static BlsSecretKey LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return BlsSecretKey.Load(path);
        }

        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var key = BlsSecretKey.Generate();
        key.Save(path);
        return key;
    }
}
