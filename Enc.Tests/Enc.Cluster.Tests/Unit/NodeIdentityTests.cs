using Enc.Crypto.Bls;
using Enc.Grains.Receipts;
using Enc.Ledger.Batches;

namespace Enc.Cluster.Tests.Unit;

/// <summary>The node key file: created once with owner-only permissions, the same key on every later start, a damaged file refused.</summary>
public sealed class NodeIdentityTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("enc-identity-").FullName;

    [Fact]
    public void FirstStartCreatesAnOwnerOnlyKeyFileAndLaterStartsLoadTheSameKey()
    {
        using var created = NodeIdentity.LoadOrCreate(_directory, "n1");
        Assert.True(created.Created);
        Assert.True(File.Exists(created.KeyFilePath));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(created.KeyFilePath));
        }

        using var loaded = NodeIdentity.LoadOrCreate(_directory, "n1");
        Assert.False(loaded.Created);
        Assert.Equal(created.PublicKey, loaded.PublicKey);
        Assert.True(BlsBatchVerifier.Shared.VerifyPossession(loaded.PublicKey, loaded.ProofOfPossession));
        Assert.Equal("node/n1", loaded.Actor);

        using var other = NodeIdentity.LoadOrCreate(_directory, "n2");
        Assert.NotEqual(created.PublicKey, other.PublicKey);
    }

    [Fact]
    public void ADamagedKeyFileStopsTheNodeInsteadOfMintingANewIdentity()
    {
        var path = NodeIdentity.KeyFileFor(_directory, "n1");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "not a key");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        Assert.Throws<BlsException>(() => NodeIdentity.LoadOrCreate(_directory, "n1"));
        Assert.Equal("not a key", File.ReadAllText(path));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
