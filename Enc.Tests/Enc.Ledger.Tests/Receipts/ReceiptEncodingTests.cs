using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Enc.Ledger.Batches;
using Enc.Ledger.Receipts;

namespace Enc.Ledger.Tests.Receipts;

public sealed partial class ReceiptEncodingTests
{
    private static readonly string DocPath = Path.Combine(RepositoryRoot(), "docs", "receipts.md");

    [Fact]
    public void EncodingMatchesTheWorkedExampleInTheDocument()
    {
        var example = new Receipt
        {
            Id = Guid.Parse("0190f5a2-7c3e-7abc-8def-0123456789ab"),
            Kind = ReceiptKind.InstanceStarted,
            Timestamp = new HybridLogicalTimestamp(1_795_000_000_000, 3),
            PayloadHash = Enumerable.Repeat((byte)0x11, 32).ToArray(),
            PreviousHash = Enumerable.Repeat((byte)0x22, 32).ToArray(),
            SignerPublicKey = Enumerable.Repeat((byte)0x33, 48).ToArray(),
            Subject = "instance/web-0",
            Actor = "node/n1",
        };

        var encoding = ReceiptEncoding.Encode(example);
        Assert.Equal(DocBlock("hex receipt-example"), Convert.ToHexStringLower(encoding));
        Assert.Equal(DocBlock("text receipt-example-hash"), Convert.ToHexStringLower(ReceiptEncoding.Hash(encoding)));
        Assert.Equal(SHA256.HashData([0x00, .. encoding]), ReceiptEncoding.Hash(encoding));
    }

    [Fact]
    public void SigningMessagesMatchTheDocument()
    {
        var doc = File.ReadAllText(DocPath);
        var root = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var batch = Convert.ToHexStringLower(LedgerSigningMessages.Batch(3, root));
        var checkpoint = Convert.ToHexStringLower(LedgerSigningMessages.Checkpoint(1000, root, 1_795_000_000_000));
        Assert.Contains($"`{batch[..^58]}…1e1f`", doc, StringComparison.Ordinal);
        Assert.Contains($"`{checkpoint[..^74]}…1e1f{checkpoint[^16..]}`", doc, StringComparison.Ordinal);
        Assert.Equal(68, batch.Length / 2);
        Assert.Contains("(68 bytes)", doc, StringComparison.Ordinal);
        Assert.Equal(73, checkpoint.Length / 2);
        Assert.Contains("(73 bytes)", doc, StringComparison.Ordinal);
    }

    [Fact]
    public void EncodingIsDeterministicAndRoundTrips()
    {
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var receipt = RandomReceipt(random);
            var encoding = ReceiptEncoding.Encode(receipt);
            Assert.Equal(encoding, ReceiptEncoding.Encode(receipt));
            var decoded = ReceiptEncoding.Decode(encoding);
            Assert.Equal(encoding, ReceiptEncoding.Encode(decoded));
            Assert.Equal((receipt.Id, receipt.Kind, receipt.Subject, receipt.Actor, receipt.Timestamp), (decoded.Id, decoded.Kind, decoded.Subject, decoded.Actor, decoded.Timestamp));
            Assert.Equal(receipt.Id, ReceiptEncoding.ReadId(encoding));
        }
    }

    public static TheoryData<string, Func<byte[], byte[]>, string> Corruptions => new()
    {
        { "wrong magic", b => Set(b, 0, (byte)'X'), "magic" },
        { "unknown version", b => Set(b, 4, 2), "version" },
        { "kind 0", b => Set(Set(b, 5, 0), 6, 0), "kind" },
        { "negative wall time", b => Set(b, 23, 0x80), "timestamp" },
        { "trailing byte", b => [.. b, 0], "length" },
        { "truncated actor", b => b[..^1], "actor" },
        { "subject length 0", b => Set(Set(b, 147, 0), 148, 0), "subject" },
        { "invalid UTF-8 in subject", b => Set(b, 149, 0xC0), "subject" },
        { "too short", b => b[..100], "length" },
    };

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void DecodingRejectsNonCanonicalBytesNamingTheField(string description, Func<byte[], byte[]> corrupt, string field)
    {
        var encoding = ReceiptEncoding.Encode(RandomReceipt(new Random(1)));
        var ex = Assert.Throws<ReceiptFormatException>(() => ReceiptEncoding.Decode(corrupt(encoding)));
        Assert.True(field == ex.Field, $"{description}: {ex.Message}");
    }

    [Fact]
    public void EncodingRejectsBadFieldsNamingThem()
    {
        var good = RandomReceipt(new Random(2));
        var cases = new (Receipt Receipt, string Field)[]
        {
            (With(good, subject: ""), "subject"),
            (With(good, subject: new string('x', 1025)), "subject"),
            (With(good, subject: "bad\ud800"), "subject"),
            (With(good, actor: ""), "actor"),
            (With(good, kind: ReceiptKind.Invalid), "kind"),
            (With(good, payloadHash: new byte[31]), "payload_hash"),
            (With(good, previousHash: new byte[33]), "previous_hash"),
            (With(good, signer: new byte[96]), "signer_public_key"),
        };
        foreach (var (receipt, field) in cases)
        {
            Assert.Equal(field, Assert.Throws<ReceiptFormatException>(() => ReceiptEncoding.Encode(receipt)).Field);
        }
    }

    private static Receipt RandomReceipt(Random random) => new()
    {
        Id = new Guid(Bytes(random, 16)),
        Kind = (ReceiptKind)random.Next(1, ushort.MaxValue),
        Timestamp = new HybridLogicalTimestamp(random.NextInt64(0, long.MaxValue), (uint)random.Next()),
        PayloadHash = Bytes(random, 32),
        PreviousHash = Bytes(random, 32),
        SignerPublicKey = Bytes(random, 48),
        Subject = "workload/" + new string((char)random.Next('a', 'z'), random.Next(1, 50)) + "é",
        Actor = "node/" + random.Next(),
    };

    private static Receipt With(Receipt r, string? subject = null, string? actor = null, ReceiptKind? kind = null,
        byte[]? payloadHash = null, byte[]? previousHash = null, byte[]? signer = null) => new()
    {
        Id = r.Id, Kind = kind ?? r.Kind, Timestamp = r.Timestamp, Subject = subject ?? r.Subject, Actor = actor ?? r.Actor,
        PayloadHash = payloadHash ?? r.PayloadHash, PreviousHash = previousHash ?? r.PreviousHash, SignerPublicKey = signer ?? r.SignerPublicKey,
    };

    private static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Set(byte[] bytes, int index, byte value)
    {
        var copy = bytes.ToArray();
        copy[index] = value;
        return copy;
    }

    private static string DocBlock(string info)
    {
        var match = Regex.Match(File.ReadAllText(DocPath), "```" + Regex.Escape(info) + "\\n(?<body>[^`]*)```");
        Assert.True(match.Success, $"block '{info}' not found in {DocPath}");
        return match.Groups["body"].Value.Replace("\n", "", StringComparison.Ordinal).Trim();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Enc.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Enc.sln not found above " + AppContext.BaseDirectory);
    }
}
