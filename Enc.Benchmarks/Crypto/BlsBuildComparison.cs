using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;

namespace Enc.Benchmarks.Crypto;

/// <summary>
/// <c>--bls-ab DIR_A DIR_B [--rounds N]</c>: times pairing, Sign and Verify of two builds of Enc.Crypto
/// (each directory holds an Enc.Crypto.dll, e.g. two commits built in two worktrees) in one process,
/// alternating between the builds every few milliseconds, and prints each build's minimum and median
/// per operation, the ratios of those, and the median of the per-round ratios (each round's B sample
/// over the A sample taken right next to it: the figure least moved by the host's drifting speed).
/// </summary>
/// <remarks>
/// On this shared VM the host slows the whole guest by up to 30 % for minutes at a time, so two
/// BenchmarkDotNet runs minutes apart can differ by more than the change being measured. Interleaving
/// the two builds at a fine grain exposes both to the same conditions; the minimum over rounds is the
/// undisturbed cost, the median the typical one. Each build is loaded into its own
/// <see cref="AssemblyLoadContext"/>, so both are JIT-compiled and tiered independently, as in production.
/// </remarks>
internal static class BlsBuildComparison
{
    private delegate byte[] KeyGenFunction(ReadOnlySpan<byte> ikm, ReadOnlySpan<byte> info);

    private delegate byte[] SkToPkFunction(ReadOnlySpan<byte> secretKey);

    private delegate byte[] SignFunction(ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> message);

    private delegate bool VerifyFunction(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature);

    private static readonly string[] Operations = ["Pairing", "Sign", "Verify"];

    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: --bls-ab DIR_A DIR_B [--rounds N]   (each DIR holds an Enc.Crypto.dll)");
            return 2;
        }

        var rounds = args.Length >= 4 && args[2] == "--rounds" ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 30;
        var builds = new[] { Load("A", args[0]), Load("B", args[1]) };
        var samples = builds.Select(_ => Operations.ToDictionary(o => o, _ => new List<double>())).ToArray();
        Console.WriteLine($"A = {args[0]}\nB = {args[1]}\n{rounds} rounds, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at start");

        // Warm-up: tier every path of both builds before measuring.
        foreach (var build in builds)
        {
            foreach (var operation in Operations)
            {
                var until = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
                while (Stopwatch.GetTimestamp() < until)
                {
                    build.Run(operation, 1);
                }
            }
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var operation in Operations)
            {
                // Alternate which build goes first, so neither always follows the other.
                for (var k = 0; k < builds.Length; k++)
                {
                    var index = (k + round) % builds.Length;
                    samples[index][operation].Add(builds[index].Run(operation, operation == "Verify" ? 2 : 4));
                }
            }
        }

        Console.WriteLine($"{"operation",-10}{"A min",12}{"A median",12}{"B min",12}{"B median",12}{"B/A min",10}{"B/A median",12}{"paired B/A",12}");
        foreach (var operation in Operations)
        {
            var a = samples[0][operation];
            var b = samples[1][operation];
            Console.WriteLine(
                $"{operation,-10}{Format(a.Min()),12}{Format(Median(a)),12}{Format(b.Min()),12}{Format(Median(b)),12}" +
                $"{b.Min() / a.Min(),10:F3}{Median(b) / Median(a),12:F3}{Median(a.Zip(b, (x, y) => y / x).ToList()),12:F3}");
        }

        return 0;
    }

    private static Build Load(string name, string directory)
    {
        var context = new AssemblyLoadContext($"enc-crypto-{name}");
        var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(Path.Combine(directory, "Enc.Crypto.dll")));
        var bls = assembly.GetType("Enc.Crypto.Bls.Bls", throwOnError: true)!;
        var keyGen = Method(bls, "KeyGen", 2).CreateDelegate<KeyGenFunction>();
        var skToPk = Method(bls, "SkToPk", 1).CreateDelegate<SkToPkFunction>();
        var sign = Method(bls, "Sign", 2).CreateDelegate<SignFunction>();
        var verify = Method(bls, "Verify", 3, typeof(ReadOnlySpan<byte>)).CreateDelegate<VerifyFunction>();

        // The pairing is internal: called by reflection on the two generators (the boxing costs
        // well under 0.1 % of a pairing).
        var constants = assembly.GetType("Enc.Crypto.Bls.Curves.CurveConstants", throwOnError: true)!;
        var pairing = assembly.GetType("Enc.Crypto.Bls.Pairing.Pairing", throwOnError: true)!.GetMethod("Pair", BindingFlags.Public | BindingFlags.Static)!;
        var pairArguments = new[]
        {
            constants.GetField("G1Generator", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!,
            constants.GetField("G2Generator", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!,
        };

        var secretKey = keyGen(new byte[32], default);
        var publicKey = skToPk(secretKey);
        var message = "ENC build comparison"u8.ToArray();
        var signature = sign(secretKey, message);
        if (!verify(publicKey, message, signature))
        {
            throw new InvalidOperationException($"Build {name} ({directory}) does not verify its own signature.");
        }

        return new Build(operation => operation switch
        {
            "Pairing" => () => pairing.Invoke(null, pairArguments),
            "Sign" => () => sign(secretKey, message),
            "Verify" => () => verify(publicKey, message, signature),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "unknown operation"),
        });
    }

    private static MethodInfo Method(Type type, string name, int parameters, Type? firstParameter = null) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Static).Single(m =>
            m.Name == name && m.GetParameters().Length == parameters
            && (firstParameter is null || m.GetParameters()[0].ParameterType == firstParameter));

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Format(double nanoseconds) =>
        nanoseconds >= 1e6 ? $"{nanoseconds / 1e6:F3} ms" : $"{nanoseconds / 1e3:F1} us";

    /// <summary>One loaded build: runs an operation <c>count</c> times and returns nanoseconds per call.</summary>
    private sealed class Build(Func<string, Action> operations)
    {
        private readonly Dictionary<string, Action> _operations = Operations.ToDictionary(o => o, operations);

        public double Run(string operation, int count)
        {
            var action = _operations[operation];
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < count; i++)
            {
                action();
            }

            return Stopwatch.GetElapsedTime(start).TotalNanoseconds / count;
        }
    }
}
