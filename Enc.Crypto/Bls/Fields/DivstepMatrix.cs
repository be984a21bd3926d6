namespace Enc.Crypto.Bls.Fields;

/// <summary>
/// The 2×2 transition matrix of a batch of Bernstein–Yang division steps, scaled by 2⁶²:
/// after the batch, [f, g] becomes (1/2⁶²)·[[U, V], [Q, R]]·[f, g].
/// </summary>
/// <remarks>
/// Each divstep's matrix has entries whose absolute row sums at most double, so after 62 steps
/// |U| + |V| ≤ 2⁶² and |Q| + |R| ≤ 2⁶² (Bernstein–Yang §8.3): every entry fits a signed 64-bit word.
/// </remarks>
/// <param name="U">Coefficient of the old f in the new f.</param>
/// <param name="V">Coefficient of the old g in the new f.</param>
/// <param name="Q">Coefficient of the old f in the new g.</param>
/// <param name="R">Coefficient of the old g in the new g.</param>
internal readonly record struct DivstepMatrix(long U, long V, long Q, long R);
