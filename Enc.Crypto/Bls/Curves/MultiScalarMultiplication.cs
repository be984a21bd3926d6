using System.Buffers;

namespace Enc.Crypto.Bls.Curves;

/// <summary>
/// Σ [kᵢ]Pᵢ by Pippenger's bucket method, for verification-side work with public scalars (for
/// example the random weights of batch verification). Variable time: never use with secrets.
/// </summary>
internal static class MultiScalarMultiplication
{
    /// <summary>
    /// Computes Σ [kᵢ]Pᵢ. <paramref name="scalars"/> holds the scalars back to back, each
    /// <paramref name="scalarLength"/> bytes big-endian, in the order of <paramref name="points"/>.
    /// </summary>
    public static TPoint MultiplyVariableTime<TPoint>(ReadOnlySpan<TPoint> points, ReadOnlySpan<byte> scalars, int scalarLength)
        where TPoint : unmanaged, IProjectivePoint<TPoint>
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scalarLength);
        if (scalars.Length != points.Length * scalarLength)
        {
            throw new ArgumentException("Every point needs exactly one scalar of the given length.", nameof(scalars));
        }

        var window = WindowBits(points.Length);
        var bucketCount = (1 << window) - 1;
        var buckets = ArrayPool<TPoint>.Shared.Rent(bucketCount);
        try
        {
            var totalBits = scalarLength * 8;
            var result = TPoint.Identity;
            for (var start = (totalBits - 1) / window * window; start >= 0; start -= window)
            {
                for (var i = 0; i < window && !result.IsIdentity; i++)
                {
                    result = result.Double();
                }

                buckets.AsSpan(0, bucketCount).Fill(TPoint.Identity);
                for (var i = 0; i < points.Length; i++)
                {
                    var digit = Bits(scalars.Slice(i * scalarLength, scalarLength), start, window);
                    if (digit != 0)
                    {
                        buckets[digit - 1] += points[i];
                    }
                }

                // Σ d·bucket[d] as a running sum from the top bucket down.
                var running = TPoint.Identity;
                var windowSum = TPoint.Identity;
                for (var d = bucketCount - 1; d >= 0; d--)
                {
                    running += buckets[d];
                    windowSum += running;
                }

                result += windowSum;
            }

            return result;
        }
        finally
        {
            ArrayPool<TPoint>.Shared.Return(buckets);
        }
    }

    /// <summary>Window width that roughly minimises additions (about log2 n, at least 2, at most 12).</summary>
    private static int WindowBits(int count) =>
        count < 4 ? 2 : Math.Clamp(System.Numerics.BitOperations.Log2((uint)count) - 1, 3, 12);

    /// <summary>Bits [start, start + width) of a big-endian scalar (bit 0 is the least significant).</summary>
    private static int Bits(ReadOnlySpan<byte> scalarBigEndian, int start, int width)
    {
        var value = 0;
        for (var b = width - 1; b >= 0; b--)
        {
            var bit = start + b;
            var byteIndex = scalarBigEndian.Length - 1 - (bit >> 3);
            value <<= 1;
            if (byteIndex >= 0)
            {
                value |= (scalarBigEndian[byteIndex] >> (bit & 7)) & 1;
            }
        }

        return value;
    }
}
