using System.Security.Cryptography;
using System.Text;
using Enc.Crypto.Bls;
using Enc.Ledger.Batches;
using Enc.Ledger.Receipts;

namespace Enc.Ledger.Tests.Infrastructure;

/// <summary>
/// A node with a real BLS key (derived from its name, so runs are reproducible) that emits correctly chained
/// receipts and signs them in batches, as a silo's receipt outbox would.
/// </summary>
internal sealed class TestNode : IDisposable
{
    private readonly Dictionary<string, byte[]> _heads = new(StringComparer.Ordinal);
    private readonly HybridLogicalClock _clock;
    private readonly BlsSecretKey _key;
    private int _counter;

    public TestNode(string name, TimeProvider? time = null)
    {
        Name = name;
        _key = BlsSecretKey.FromKeyMaterial(SHA256.HashData(Encoding.UTF8.GetBytes("enc-ledger-test-node/" + name)));
        Signer = new BlsBatchSigner(_key);
        _clock = new HybridLogicalClock(time ?? TimeProvider.System);
    }

    public string Name { get; }

    public BlsBatchSigner Signer { get; }

    public byte[] PublicKey => Signer.PublicKey;

    /// <summary>A receipt on <paramref name="subject"/> linked to this node's previous receipt on it.</summary>
    public Receipt Emit(string subject, ReceiptKind kind = ReceiptKind.WorkloadUpdated)
    {
        var receipt = new Receipt
        {
            Id = Guid.CreateVersion7(),
            Kind = kind,
            Subject = subject,
            Actor = "node/" + Name,
            Timestamp = _clock.Now(),
            PayloadHash = SHA256.HashData(BitConverter.GetBytes(++_counter)),
            PreviousHash = _heads.GetValueOrDefault(subject) ?? new byte[32],
            SignerPublicKey = PublicKey,
        };
        _heads[subject] = ReceiptEncoding.Hash(ReceiptEncoding.Encode(receipt));
        return receipt;
    }

    /// <summary><paramref name="count"/> receipts spread over <paramref name="subjects"/> subjects.</summary>
    public List<Receipt> EmitMany(int count, int subjects = 7, string prefix = "workload/w") =>
        [.. Enumerable.Range(0, count).Select(i => Emit($"{prefix}{i % subjects}"))];

    public ReceiptBatch Sign(IReadOnlyList<Receipt> receipts) => ReceiptBatch.Sign(Signer, receipts);

    public void Dispose() => _key.Dispose();
}
