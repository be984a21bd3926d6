using Enc.Crypto.Bls;

namespace Enc.Crypto.Tests.Bls;

/// <summary>The typed wrappers: secret key hygiene, the key file, parsing and equality.</summary>
public sealed class BlsSecretKeyTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("enc-bls-key-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ToStringNeverRevealsTheKey()
    {
        using var key = BlsSecretKey.FromKeyMaterial(new byte[32]);
        string hex = Convert.ToHexStringLower(key.ExportBytes());

        Assert.DoesNotContain(hex, key.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(hex[..8], key.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void DisposeZeroesAndBlocksFurtherUse()
    {
        var key = BlsSecretKey.Generate();
        key.Dispose();

        Assert.Throws<ObjectDisposedException>(() => key.ExportBytes());
        Assert.Throws<ObjectDisposedException>(() => key.Sign("m"u8));
        Assert.Equal("BlsSecretKey(disposed)", key.ToString());
    }

    [Fact]
    public void SaveCreatesAnOwnerOnlyFileThatLoadsBack()
    {
        string path = Path.Combine(_directory, "node.key");
        using var key = BlsSecretKey.Generate();

        key.Save(path);

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Assert.Empty(Directory.GetFiles(_directory, "*.tmp", SearchOption.AllDirectories));
        using var loaded = BlsSecretKey.Load(path);
        Assert.Equal(key.ExportBytes(), loaded.ExportBytes());
        Assert.Equal(key.PublicKey, loaded.PublicKey);
        Assert.DoesNotContain(Convert.ToHexStringLower(key.ExportBytes()), File.ReadAllText(path).Split('\n')[0]);
    }

    [Fact]
    public void SaveRefusesToReplaceAnExistingFileUnlessAsked()
    {
        string path = Path.Combine(_directory, "node.key");
        using var first = BlsSecretKey.Generate();
        using var second = BlsSecretKey.Generate();
        first.Save(path);

        Assert.Throws<IOException>(() => second.Save(path));
        using (var stillFirst = BlsSecretKey.Load(path))
        {
            Assert.Equal(first.ExportBytes(), stillFirst.ExportBytes());
        }

        second.Save(path, overwrite: true);
        using var nowSecond = BlsSecretKey.Load(path);
        Assert.Equal(second.ExportBytes(), nowSecond.ExportBytes());
    }

    [Fact]
    public void LoadRejectsGroupReadableMalformedAndMissingFiles()
    {
        string path = Path.Combine(_directory, "node.key");
        using var key = BlsSecretKey.Generate();
        key.Save(path);

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
            Assert.Equal(BlsErrorCode.InvalidKeyFile, Assert.Throws<BlsException>(() => BlsSecretKey.Load(path)).Code);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.WriteAllText(path, "not a key\n");
        Assert.Equal(BlsErrorCode.InvalidKeyFile, Assert.Throws<BlsException>(() => BlsSecretKey.Load(path)).Code);

        File.WriteAllText(path, "ENC-BLS12-381-SECRET-KEY-V1\n" + new string('z', 64) + "\n");
        Assert.Equal(BlsErrorCode.InvalidKeyFile, Assert.Throws<BlsException>(() => BlsSecretKey.Load(path)).Code);

        File.WriteAllText(path, "ENC-BLS12-381-SECRET-KEY-V1\n" + new string('0', 64) + "\n");
        Assert.Equal(BlsErrorCode.InvalidSecretKey, Assert.Throws<BlsException>(() => BlsSecretKey.Load(path)).Code);

        Assert.Equal(BlsErrorCode.InvalidKeyFile, Assert.Throws<BlsException>(() => BlsSecretKey.Load(Path.Combine(_directory, "missing.key"))).Code);
    }

    [Fact]
    public void TypedSignVerifyAndAggregateWork()
    {
        using var alice = BlsSecretKey.FromKeyMaterial(Enumerable.Repeat((byte)1, 32).ToArray());
        using var bob = BlsSecretKey.FromKeyMaterial(Enumerable.Repeat((byte)2, 32).ToArray());
        byte[] receipt = "receipt 42"u8.ToArray();

        var aliceSignature = alice.Sign(receipt);
        Assert.True(alice.PublicKey.Verify(receipt, aliceSignature));
        Assert.False(bob.PublicKey.Verify(receipt, aliceSignature));
        Assert.True(alice.PublicKey.VerifyPossession(alice.ProvePossession()));

        var aggregate = BlsAggregateSignature.Aggregate([aliceSignature, bob.Sign(receipt)]);
        Assert.Equal(2, aggregate.Count);
        Assert.True(aggregate.VerifySameMessage([alice.PublicKey, bob.PublicKey], receipt));
        Assert.True(aggregate.Verify([alice.PublicKey, bob.PublicKey], [receipt, receipt]));
        Assert.False(aggregate.VerifySameMessage([alice.PublicKey], receipt));
        Assert.Throws<BlsException>(() => BlsAggregateSignature.Aggregate([]));
    }

    [Fact]
    public void TypedBatchVerificationAcceptsValidTriplesAndRejectsAMixUp()
    {
        using var alice = BlsSecretKey.FromKeyMaterial(Enumerable.Repeat((byte)3, 32).ToArray());
        using var bob = BlsSecretKey.FromKeyMaterial(Enumerable.Repeat((byte)4, 32).ToArray());
        ReadOnlyMemory<byte> first = "vote 1"u8.ToArray();
        ReadOnlyMemory<byte> second = "vote 2"u8.ToArray();
        var aliceSignature = alice.Sign(first.Span);
        var bobSignature = bob.Sign(second.Span);

        Assert.True(BlsBatchVerification.VerifyAll([alice.PublicKey, bob.PublicKey], [first, second], [aliceSignature, bobSignature]));
        Assert.False(BlsBatchVerification.VerifyAll([alice.PublicKey, bob.PublicKey], [second, first], [aliceSignature, bobSignature]));
        Assert.False(BlsBatchVerification.VerifyAll([alice.PublicKey], [first, second], [aliceSignature]));
        Assert.False(BlsBatchVerification.VerifyAll([], [], []));
    }

    [Fact]
    public void PublicKeysAndSignaturesParseCompareAndRejectGarbage()
    {
        using var key = BlsSecretKey.FromKeyMaterial(new byte[32]);
        var signature = key.Sign("x"u8);

        var parsedKey = BlsPublicKey.FromHex("0x" + key.PublicKey.ToHex());
        var parsedSignature = BlsSignature.FromBytes(signature.ToBytes());
        Assert.Equal(key.PublicKey, parsedKey);
        Assert.Equal(key.PublicKey.GetHashCode(), parsedKey.GetHashCode());
        Assert.Equal(signature, parsedSignature);
        Assert.True(parsedKey.Verify("x"u8, parsedSignature));

        byte[] infinityKey = new byte[48];
        infinityKey[0] = 0xc0;
        Assert.Equal(BlsErrorCode.InvalidPublicKey, Assert.Throws<BlsException>(() => BlsPublicKey.FromBytes(infinityKey)).Code);
        Assert.False(BlsPublicKey.TryFromBytes(new byte[48], out _));
        Assert.Equal(BlsErrorCode.InvalidSignature, Assert.Throws<BlsException>(() => BlsSignature.FromHex("zz")).Code);
        Assert.False(BlsSignature.TryFromBytes(new byte[96], out _));
    }
}
