using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Enc.Crypto.Bls;

/// <summary>Random weights for batch verification: nonzero 64-bit values from the OS CSPRNG.</summary>
internal static class BatchWeights
{
    /// <summary>Fills <paramref name="weights"/> with fresh nonzero random values.</summary>
    public static void Fill(Span<ulong> weights)
    {
        RandomNumberGenerator.Fill(MemoryMarshal.AsBytes(weights));
        for (int i = 0; i < weights.Length; i++)
        {
            // A zero weight would drop its triple from the check; redraw it (probability 2⁻⁶⁴).
            while (weights[i] == 0)
            {
                RandomNumberGenerator.Fill(MemoryMarshal.AsBytes(weights.Slice(i, 1)));
            }
        }
    }
}
