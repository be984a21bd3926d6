using Enc.Crypto.Merkle;

namespace Enc.Ledger.Service;

/// <summary>
/// A ledger head the append pipeline builds on: the confirmed (durable) head, or the speculative tip that
/// adds batches prepared but not yet written. <see cref="Version"/> names the state exactly: a prepared batch
/// is written only if the confirmed state still has the version it was built on.
/// </summary>
/// <param name="Version">Unique id of this state (a fresh one after every reload).</param>
/// <param name="Range">The tree head of the entries; never mutated once published.</param>
/// <param name="BatchCount">Number of batches, the next batch's sequence.</param>
/// <param name="Pending">Batches prepared on top of the confirmed state, oldest first, not yet written.</param>
internal sealed record LedgerState(long Version, CompactMerkleRange Range, long BatchCount, IReadOnlyList<PreparedAppend> Pending);
