using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Tests.Bls;

/// <summary>
/// The field operations that touch secret-derived values must compile to straight-line code. This
/// test runs this test assembly again in a child process with the JIT's listing switched on
/// (<c>DOTNET_JitDisasm</c>, fully optimized code: <c>DOTNET_TieredCompilation=0</c>), makes it run
/// <see cref="ProbesComputeTheFieldOperations"/>, and fails on any conditional jump in the listings of
/// F_p addition, subtraction, negation, unreduced addition, multiplication, squaring, sum of products,
/// and F_p² addition and subtraction. A carry written as a nested conditional, for example, compiles
/// to a jump. RyuJIT does not if-convert inside loops, so the same operations are also listed inlined
/// into a loop (as they are in the scalar multiplications' loops over secret digits): that loop must
/// have exactly as many conditional jumps as the same loop with a trivial body (its loop control).
/// </summary>
public sealed partial class ConstantTimeListingTests
{
    private static readonly string[] Listed =
    [
        "*ConstantTimeProbe:*", "*.Fp:op_Multiply", "*.Fp:Square", "*.Fp:SumOfProducts",
    ];

    [Fact]
    public async Task FieldOperationsCompileWithoutConditionalJumps()
    {
        var listing = Path.Combine(Path.GetTempPath(), $"enc-ct-{Guid.NewGuid():N}.asm");
        try
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
            {
                // Started through the muxer (as dotnet test may run it): name the assembly.
                start.ArgumentList.Add(typeof(ConstantTimeListingTests).Assembly.Location);
            }

            // Started directly, the test assembly runs xunit's own console runner: -method takes a wildcard.
            start.ArgumentList.Add("-method");
            start.ArgumentList.Add($"*{nameof(ProbesComputeTheFieldOperations)}");
            start.Environment["DOTNET_TieredCompilation"] = "0";
            start.Environment["DOTNET_JitDisasm"] = string.Join(' ', Listed);
            start.Environment["DOTNET_JitStdOutFile"] = listing;
            using var child = Process.Start(start)!;
            var output = child.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var errors = child.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(3));
            await child.WaitForExitAsync(timeout.Token);
            Assert.True(child.ExitCode == 0, $"child test run failed:\n{await output}\n{await errors}");

            var methods = (await File.ReadAllTextAsync(listing, TestContext.Current.CancellationToken)).Split("; Assembly listing for method ", StringSplitOptions.RemoveEmptyEntries)
                .Where(block => block.Contains("(FullOpts)", StringComparison.Ordinal))
                .ToDictionary(block => block[..block.IndexOf('(', StringComparison.Ordinal)], block => block);

            // Every probe and every listed non-inlined operation was compiled and listed.
            foreach (var name in new[]
                     {
                         "ConstantTimeProbe:Add", "ConstantTimeProbe:Subtract", "ConstantTimeProbe:Negate",
                         "ConstantTimeProbe:AddUnreduced", "ConstantTimeProbe:AddFp2", "ConstantTimeProbe:SubtractFp2",
                "ConstantTimeProbe:LoopShape", "ConstantTimeProbe:FieldOperationsInALoop",
                         "Enc.Crypto.Bls.Fields.Fp:op_Multiply", "Enc.Crypto.Bls.Fields.Fp:Square", "Enc.Crypto.Bls.Fields.Fp:SumOfProducts",
                     })
            {
                Assert.Contains(methods.Keys, key => key.EndsWith(name, StringComparison.Ordinal));
            }

            List<string> Jumps(string body) => ConditionalJump().Matches(body).Select(m => m.Value.Trim()).ToList();
            var loopControl = Jumps(methods.Single(m => m.Key.EndsWith("ConstantTimeProbe:LoopShape", StringComparison.Ordinal)).Value);
            Assert.NotEmpty(loopControl);
            foreach (var (method, body) in methods)
            {
                var jumps = Jumps(body);
                if (method.EndsWith("ConstantTimeProbe:LoopShape", StringComparison.Ordinal))
                {
                    continue;
                }

                var allowed = method.EndsWith("ConstantTimeProbe:FieldOperationsInALoop", StringComparison.Ordinal) ? loopControl.Count : 0;
                Assert.True(jumps.Count == allowed, $"{method} has {jumps.Count} conditional jumps where {allowed} are loop control: {string.Join(", ", jumps)}");
            }
        }
        finally
        {
            File.Delete(listing);
        }
    }

    /// <summary>Runs each probe (the child process lists their code); also a plain check of the operations.</summary>
    [Fact]
    public void ProbesComputeTheFieldOperations()
    {
        var random = new BlsTestRandom(900);
        for (var i = 0; i < 64; i++)
        {
            var a = random.NextFp();
            var b = random.NextFp();
            var x = random.NextFp2();
            var y = random.NextFp2();
            Assert.Equal((a.ToBigInteger() + b.ToBigInteger()) % FpConstants.Modulus, ConstantTimeProbe.AddUnreduced(a, b).ToBigInteger());
            Assert.Equal(ConstantTimeProbe.Add(a, b), ConstantTimeProbe.Subtract(a, ConstantTimeProbe.Negate(b)));
            Assert.Equal(x, ConstantTimeProbe.SubtractFp2(ConstantTimeProbe.AddFp2(x, y), y));
            Assert.Equal(a * b + b * a, Fp.SumOfProducts(a, b, b, a));
            Assert.Equal(a * a, a.Square());
        }

        Span<Fp> values = [random.NextFp(), random.NextFp(), random.NextFp()];
        Span<Fp> expected = [.. values];
        var k = random.NextFp();
        ConstantTimeProbe.LoopShape(expected, k);
        ConstantTimeProbe.FieldOperationsInALoop(values, k);
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(Fp.ConditionalSelect(-(expected[i] + k) - k, k, (expected[i].L0 & 1) == 1), values[i]);
        }
    }

    [GeneratedRegex(@"^\s+j(?!mp\b)[a-z]+\s.*$", RegexOptions.Multiline)]
    private static partial Regex ConditionalJump();

    /// <summary>The inlined operations, each wrapped in a method of its own so that it has its own listing.</summary>
    private static class ConstantTimeProbe
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static Fp Add(in Fp a, in Fp b) => a + b;

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static Fp Subtract(in Fp a, in Fp b) => a - b;

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static Fp Negate(in Fp a) => -a;

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static Fp AddUnreduced(in Fp a, in Fp b) => Fp.AddUnreduced(a, b);

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static Fp2 AddFp2(in Fp2 a, in Fp2 b) => a + b;

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static Fp2 SubtractFp2(in Fp2 a, in Fp2 b) => a - b;

        /// <summary>The loop of <see cref="FieldOperationsInALoop"/> with a body that has no field operation.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void LoopShape(Span<Fp> values, Fp k)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = values[i];
            }
        }

        /// <summary>Addition, subtraction, negation and a data-dependent select inlined into a loop.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void FieldOperationsInALoop(Span<Fp> values, Fp k)
        {
            for (var i = 0; i < values.Length; i++)
            {
                var v = values[i];
                values[i] = Fp.ConditionalSelect(-(v + k) - k, k, (v.L0 & 1) == 1);
            }
        }
    }
}
