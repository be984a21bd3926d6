using System.Runtime.InteropServices;
using Enc.Crypto.Merkle;
using Enc.Ledger.Batches;
using Enc.Ledger.Receipts;
using Enc.Ledger.Storage;

namespace Enc.Ledger.Service;

/// <summary>
/// The sequential half of a ledger audit: rebuilds the tree from the entries in order, remembering the nodes
/// stores keep and each subject's latest receipt hash, and checks positions, chain links, stored nodes and
/// checkpoints against it.
/// </summary>
internal sealed class AuditTree
{
    private static readonly byte[] NoPrevious = new byte[ReceiptEncoding.HashSize];
    private readonly AuditFindings _findings;
    private readonly CompactMerkleRange _range = new();
    private readonly Dictionary<MerkleNodeId, byte[]> _nodes = [];
    private readonly Dictionary<string, byte[]> _subjectHeads = new(StringComparer.Ordinal);
    private readonly MerkleNodeVisitor _keepNode;
    private readonly List<SignedCheckpoint> _checkpoints;
    private readonly IBatchVerifier _verifier;
    private readonly HashSet<string> _signers;
    private int _nextCheckpoint;

    public AuditTree(AuditFindings findings, List<SignedCheckpoint> checkpoints, IBatchVerifier verifier, HashSet<string> signers)
    {
        _findings = findings;
        _checkpoints = checkpoints;
        _verifier = verifier;
        _signers = signers;
        _keepNode = (id, hash) =>
        {
            if (id.Level >= LedgerTreeLayout.MinStoredLevel)
            {
                _nodes[id] = hash.ToArray();
            }
        };
    }

    /// <summary>Adds the next entry, given the hash of its encoding (the tree is over the encodings as stored, whatever the leaf hash column says).</summary>
    public void Append(StoredEntry entry, ReceiptFields? receipt, ReadOnlySpan<byte> leaf)
    {
        if (entry.Position != _range.Size)
        {
            _findings.Add(Math.Min(entry.Position, _range.Size), LedgerAuditFailures.PositionGap, $"expected position {_range.Size}, found {entry.Position}");
        }

        _range.Append(leaf, _keepNode);
        if (_nextCheckpoint < _checkpoints.Count && _checkpoints[_nextCheckpoint].Size <= _range.Size)
        {
            CheckCheckpointsAtCurrentSize();
        }

        if (receipt is not { } fields)
        {
            return;
        }

        // One buffer per subject, overwritten in place as its chain advances.
        ref var head = ref CollectionsMarshal.GetValueRefOrAddDefault(_subjectHeads, fields.Subject, out _);
        if (!fields.PreviousHash.SequenceEqual(head ?? NoPrevious))
        {
            _findings.Add(entry.Position, LedgerAuditFailures.ChainLinkMismatch, $"previous_hash does not link to the prior receipt on '{fields.Subject}'");
        }

        head ??= new byte[MerkleHasher.HashSize];
        leaf.CopyTo(head);
    }

    /// <summary>Checks every checkpoint of exactly the current size; the list is in size order.</summary>
    public void CheckCheckpointsAtCurrentSize()
    {
        while (_nextCheckpoint < _checkpoints.Count && _checkpoints[_nextCheckpoint].Size <= _range.Size)
        {
            var checkpoint = _checkpoints[_nextCheckpoint++];
            var position = Math.Max(0, checkpoint.Size - 1);
            if (!checkpoint.Root.AsSpan().SequenceEqual(_range.Root()))
            {
                _findings.Add(position, LedgerAuditFailures.BadCheckpoint, $"checkpoint at size {checkpoint.Size} has a root the entries do not produce");
            }
            else if (!_signers.Contains(Convert.ToHexStringLower(checkpoint.SignerPublicKey)) || !checkpoint.HasValidSignature(_verifier))
            {
                _findings.Add(position, LedgerAuditFailures.BadCheckpoint, $"checkpoint at size {checkpoint.Size} has an invalid or unregistered signature");
            }
        }
    }

    /// <summary>Reports checkpoints for sizes the ledger never reached.</summary>
    public void CheckUnreachedCheckpoints()
    {
        for (var i = _nextCheckpoint; i < _checkpoints.Count; i++)
        {
            _findings.Add(_range.Size, LedgerAuditFailures.BadCheckpoint, $"checkpoint at size {_checkpoints[i].Size} is beyond the ledger's {_range.Size} entries");
        }
    }

    public void CheckStoredNode(StoredMerkleNode node)
    {
        if (!_nodes.TryGetValue(node.Id, out var expected) || !expected.AsSpan().SequenceEqual(node.Hash))
        {
            _findings.Add(node.Id.FirstLeaf + node.Id.LeafCount - 1, LedgerAuditFailures.NodeMismatch, $"stored Merkle node {node.Id} disagrees with the entries");
        }
    }
}
