using Enc.Crypto.Bls;
using Enc.Ledger.Batches;
using Enc.Ledger.Receipts;

namespace Enc.Grains.Receipts;

/// <summary>
/// This node's BLS12-381 signing identity. The secret key lives in a key file in the node's data directory
/// (created on first start with owner-only permissions by <see cref="BlsSecretKey.Save"/>, loaded afterwards)
/// and never leaves the process: only the public key and a proof of possession are sent to the ledger.
/// </summary>
public sealed class NodeIdentity : IDisposable
{
    /// <summary>Subdirectory of the data directory holding key files.</summary>
    public const string KeyDirectoryName = "keys";

    private readonly BlsSecretKey _secretKey;
    private readonly Lazy<byte[]> _proofOfPossession;

    private NodeIdentity(string nodeName, string keyFilePath, BlsSecretKey secretKey, bool created)
    {
        NodeName = nodeName;
        KeyFilePath = keyFilePath;
        Created = created;
        _secretKey = secretKey;
        Signer = new BlsBatchSigner(secretKey);
        _proofOfPossession = new Lazy<byte[]>(() => Signer.ProvePossession());
    }

    /// <summary>The node's name.</summary>
    public string NodeName { get; }

    /// <summary>The node as a receipt actor: <c>node/NAME</c>.</summary>
    public string Actor => ReceiptSubjects.Node(NodeName);

    /// <summary>Path of the key file.</summary>
    public string KeyFilePath { get; }

    /// <summary>True when this process created the key (first start).</summary>
    public bool Created { get; }

    /// <summary>Signs receipt batches and checkpoints with the node's key.</summary>
    public IBatchSigner Signer { get; }

    /// <summary>The public key (compressed G1, 48 bytes).</summary>
    public byte[] PublicKey => Signer.PublicKey;

    /// <summary>Proof of possession of the secret key (96 bytes), for registration with the ledger.</summary>
    public byte[] ProofOfPossession => _proofOfPossession.Value;

    /// <summary>The key file of <paramref name="nodeName"/> under <paramref name="dataDirectory"/>.</summary>
    public static string KeyFileFor(string dataDirectory, string nodeName)
    {
        var safe = string.Concat(nodeName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        return Path.Combine(Path.GetFullPath(dataDirectory), KeyDirectoryName, $"node-{safe}.bls");
    }

    /// <summary>Loads the node's key from its data directory, creating it on first start.</summary>
    /// <exception cref="BlsException">The key file exists but is malformed, unreadable or not owner-only.</exception>
    public static NodeIdentity LoadOrCreate(string dataDirectory, string nodeName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeName);
        var path = KeyFileFor(dataDirectory, nodeName);
        if (File.Exists(path))
        {
            return new NodeIdentity(nodeName, path, BlsSecretKey.Load(path), created: false);
        }

        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var key = BlsSecretKey.Generate();
        try
        {
            key.Save(path);
            return new NodeIdentity(nodeName, path, key, created: true);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process of the same node won the race: use its key.
            key.Dispose();
            return new NodeIdentity(nodeName, path, BlsSecretKey.Load(path), created: false);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _secretKey.Dispose();
}
