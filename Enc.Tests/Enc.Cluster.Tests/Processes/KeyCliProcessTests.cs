using System.Runtime.Versioning;
using System.Text.Json;
using Enc.Cluster.Tests.Infrastructure;
using Enc.Crypto.Bls;

namespace Enc.Cluster.Tests.Processes;

/// <summary>The offline <c>enc key</c> verbs as a real child process: key files, signatures, proofs of possession.</summary>
[SupportedOSPlatform("linux")]
public sealed class KeyCliProcessTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("enc-key-cli-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task GeneratedKeySignsAndVerifiesThroughTheCliAndTheLibraryAlike()
    {
        var path = Path.Combine(_directory.FullName, "keys", "node-a.bls");
        var generated = await RunJsonAsync("key", "generate", path, "-o", "json");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        var publicKey = generated.GetProperty("publicKey").GetString()!;
        var proof = generated.GetProperty("proofOfPossession").GetString()!;

        // show reads the same key back; the library agrees on the public key and the proof.
        var shown = await RunJsonAsync("key", "show", path, "-o", "json");
        Assert.Equal(publicKey, shown.GetProperty("publicKey").GetString());
        using (var key = BlsSecretKey.Load(path))
        {
            Assert.Equal(publicKey, key.PublicKey.ToHex());
            Assert.True(key.PublicKey.VerifyPossession(BlsSignature.FromHex(proof)));
        }

        var sign = await EncCli.RunAsync("key", "sign", path, "--message", "deploy web@v2");
        Assert.True(sign.ExitCode == 0, sign.Stderr);
        var signature = sign.Stdout.Trim();
        Assert.True(BlsPublicKey.FromHex(publicKey).Verify("deploy web@v2"u8, BlsSignature.FromHex(signature)));

        var valid = await EncCli.RunAsync("key", "verify", "--public-key", publicKey, "--signature", signature, "--message", "deploy web@v2");
        Assert.Equal((0, "signature valid"), (valid.ExitCode, valid.Stdout.Trim()));
        var tampered = await EncCli.RunAsync("key", "verify", "--public-key", publicKey, "--signature", signature, "--message", "deploy web@v3");
        Assert.Equal((1, "signature INVALID"), (tampered.ExitCode, tampered.Stdout.Trim()));

        var possession = await EncCli.RunAsync("key", "verify", "--public-key", publicKey, "--proof-of-possession", proof);
        Assert.Equal((0, "proof of possession valid"), (possession.ExitCode, possession.Stdout.Trim()));

        // A proof made by another key does not prove possession of this one.
        using var other = BlsSecretKey.Generate();
        var foreign = await EncCli.RunAsync("key", "verify", "--public-key", publicKey, "--proof-of-possession", other.ProvePossession().ToHex());
        Assert.Equal(1, foreign.ExitCode);
    }

    [Fact]
    public async Task SignatureOfAKeyFileMatchesEveryPublicSignVector()
    {
        var folder = Path.GetFullPath(Path.Combine(TestPaths.RepositoryRoot, "..", "shared", "vectors", "bls", "sign"));
        var checkedCases = 0;
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            var input = doc.RootElement.GetProperty("input");
            var output = doc.RootElement.GetProperty("output");
            if (output.ValueKind == JsonValueKind.Null)
            {
                continue; // the zero key: no key file can hold it (covered by the invalid-input test below)
            }

            var path = Path.Combine(_directory.FullName, Path.GetFileNameWithoutExtension(file) + ".bls");
            using (var key = BlsSecretKey.FromBytes(Hex(input.GetProperty("privkey").GetString()!)))
            {
                key.Save(path);
            }

            var messageFile = Path.Combine(_directory.FullName, Path.GetFileNameWithoutExtension(file) + ".msg");
            await File.WriteAllBytesAsync(messageFile, Hex(input.GetProperty("message").GetString()!), TestContext.Current.CancellationToken);
            var sign = await EncCli.RunAsync("key", "sign", path, "--message-file", messageFile);
            Assert.True(sign.ExitCode == 0, sign.Stderr);
            Assert.Equal(output.GetString()![2..], sign.Stdout.Trim());
            checkedCases++;
        }

        Assert.True(checkedCases >= 5, $"only {checkedCases} sign vectors found in {folder}");
    }

    [Fact]
    public async Task BadInputNamesTheOptionAndChangesNothing()
    {
        var path = Path.Combine(_directory.FullName, "node-b.bls");
        var first = await RunJsonAsync("key", "generate", path, "-o", "json");
        var before = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);

        var again = await EncCli.RunAsync("key", "generate", path);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("path: ", again.Stderr, StringComparison.Ordinal);
        Assert.Contains("already exists. Use --force to replace it.", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));

        var publicKey = first.GetProperty("publicKey").GetString()!;
        var signature = (await EncCli.RunAsync("key", "sign", path, "--message", "m")).Stdout.Trim();
        (string[] Args, string Field)[] cases =
        [
            (["key", "verify", "--public-key", "00" + publicKey, "--signature", signature, "--message", "m"], "--public-key: "),
            (["key", "verify", "--public-key", "zz", "--signature", signature, "--message", "m"], "--public-key: "),
            (["key", "verify", "--signature", signature, "--message", "m"], "--public-key: is required."),
            (["key", "verify", "--public-key", publicKey, "--signature", signature[..^2] + "00", "--message", "m"], "--signature: "),
            (["key", "verify", "--public-key", publicKey, "--signature", signature], "--message: give exactly one of --message and --message-file."),
            (["key", "verify", "--public-key", publicKey, "--message", "m"], "--signature: give exactly one of --signature and --proof-of-possession."),
            (["key", "sign", path, "--message", "m", "--message-file", path], "--message: give exactly one"),
            (["key", "sign", path, "--message-file", Path.Combine(_directory.FullName, "missing")], "--message-file: cannot read"),
            (["key", "show", Path.Combine(_directory.FullName, "missing.bls")], "path: Key file"),
        ];
        foreach (var (args, field) in cases)
        {
            var result = await EncCli.RunAsync(args);
            Assert.True(result.ExitCode == 2, $"{string.Join(' ', args)} → {result.ExitCode}: {result.Stderr}");
            Assert.StartsWith("enc: " + field, result.Stderr, StringComparison.Ordinal);
            Assert.Empty(result.Stdout);
        }

        // A key file readable by others is refused, not used.
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var exposed = await EncCli.RunAsync("key", "sign", path, "--message", "m");
        Assert.Equal(2, exposed.ExitCode);
        Assert.Contains("must be owner-only (chmod 600)", exposed.Stderr, StringComparison.Ordinal);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        // --force replaces the key: a new public key.
        var replaced = await RunJsonAsync("key", "generate", path, "--force", "-o", "json");
        Assert.NotEqual(publicKey, replaced.GetProperty("publicKey").GetString());
    }

    [Fact]
    public async Task ASiloUsesAKeyProvisionedWithTheCliAsItsNodeIdentity()
    {
        var dataDirectory = Path.Combine(_directory.FullName, "data");
        var generated = await RunJsonAsync("key", "generate", Path.Combine(dataDirectory, "keys", "node-key-cli.bls"), "-o", "json");

        await using var silo = SiloProcess.Start(["--dev", "--data-dir", dataDirectory], new Dictionary<string, string> { ["ENC_NODENAME"] = "key-cli" });
        await silo.WaitReadyAsync(TimeSpan.FromSeconds(120));
        var show = await Eventually.WaitAsync(
            () => EncCli.RunAsync("node", "show", "key-cli", "-o", "json", "--gateway", silo.Gateway),
            result => result.ExitCode == 0,
            TimeSpan.FromSeconds(60),
            "node key-cli registered");
        using var doc = JsonDocument.Parse(show.Stdout);
        Assert.Equal(generated.GetProperty("publicKey").GetString(), doc.RootElement.GetProperty("publicKey").GetString());
        Assert.Contains("signing key loaded", silo.Process.Stdout, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> RunJsonAsync(params string[] args)
    {
        var result = await EncCli.RunAsync(args);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)} → {result.ExitCode}: {result.Stderr}");
        using var doc = JsonDocument.Parse(result.Stdout);
        return doc.RootElement.Clone();
    }

    private static byte[] Hex(string text) => Convert.FromHexString(text.StartsWith("0x", StringComparison.Ordinal) ? text[2..] : text);
}
