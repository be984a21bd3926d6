using System.Security.Cryptography;
using System.Text;

namespace Enc.Crypto.Bls;

/// <summary>
/// Reads and writes BLS secret key files: two text lines, a fixed header and the 32-byte key in
/// lowercase hex. Files are created owner-only (mode 0600 on Unix) and appear atomically.
/// </summary>
/// <remarks>
/// The key is written to a fresh temporary file in the target directory (created with mode 0600,
/// never widened), flushed to disk, then moved into place, so a reader never sees a partial key and
/// a crash leaves either the old file or the new one. Loading refuses a file that grants any
/// group or other permission, like OpenSSH does for private keys. On Windows the file inherits the
/// directory's ACL; mode checks are Unix-only.
/// </remarks>
internal static class BlsKeyFile
{
    /// <summary>First line of every key file.</summary>
    public const string Header = "ENC-BLS12-381-SECRET-KEY-V1";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Writes <paramref name="secretKey"/> to <paramref name="path"/>; fails if the file exists unless <paramref name="overwrite"/>.</summary>
    public static void Write(string path, ReadOnlySpan<byte> secretKey, bool overwrite)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string fullPath = Path.GetFullPath(path);
        if (!overwrite && File.Exists(fullPath))
        {
            throw new IOException($"Key file '{fullPath}' already exists.");
        }

        string directory = Path.GetDirectoryName(fullPath) ?? ".";
        string temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tmp");
        byte[] content = Encode(secretKey);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnly;
            }

            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(content);
        }
    }

    /// <summary>Reads the 32-byte secret key stored at <paramref name="path"/>; the caller owns (and must zero) the result.</summary>
    /// <exception cref="BlsException">The file is missing, malformed or not owner-only.</exception>
    public static byte[] Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new BlsException(BlsErrorCode.InvalidKeyFile, nameof(path), $"Key file '{fullPath}' does not exist.");
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(fullPath) & GroupOrOther) != 0)
        {
            throw new BlsException(BlsErrorCode.InvalidKeyFile, nameof(path), $"Key file '{fullPath}' is accessible by group or others; it must be owner-only (chmod 600).");
        }

        byte[] raw = File.ReadAllBytes(fullPath);
        try
        {
            return Decode(raw, fullPath);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(raw);
        }
    }

    private static byte[] Encode(ReadOnlySpan<byte> secretKey)
    {
        int headerLength = Header.Length + 1;
        var content = new byte[headerLength + (secretKey.Length * 2) + 1];
        Encoding.ASCII.GetBytes(Header + "\n", content);
        for (int i = 0; i < secretKey.Length; i++)
        {
            content[headerLength + (2 * i)] = HexDigit(secretKey[i] >> 4);
            content[headerLength + (2 * i) + 1] = HexDigit(secretKey[i] & 0xF);
        }

        content[^1] = (byte)'\n';
        return content;
    }

    private static byte[] Decode(ReadOnlySpan<byte> raw, string fullPath)
    {
        int headerLength = Header.Length + 1;
        int expected = headerLength + (Bls.SecretKeyLength * 2);
        if (raw.Length > expected && raw[^1] == (byte)'\n')
        {
            raw = raw[..^1];
        }

        if (raw.Length != expected || !raw[..Header.Length].SequenceEqual(Encoding.ASCII.GetBytes(Header)) || raw[Header.Length] != (byte)'\n')
        {
            throw new BlsException(BlsErrorCode.InvalidKeyFile, "path", $"Key file '{fullPath}' is not an ENC BLS secret key file (expected '{Header}' and 64 hex digits).");
        }

        var key = new byte[Bls.SecretKeyLength];
        ReadOnlySpan<byte> hex = raw[headerLength..];
        int bad = 0;
        for (int i = 0; i < key.Length; i++)
        {
            int high = HexValue(hex[2 * i]);
            int low = HexValue(hex[(2 * i) + 1]);
            bad |= (high | low) >> 31;
            key[i] = (byte)((high << 4) | (low & 0xF));
        }

        if (bad != 0)
        {
            CryptographicOperations.ZeroMemory(key);
            throw new BlsException(BlsErrorCode.InvalidKeyFile, "path", $"Key file '{fullPath}' holds a non-hex key.");
        }

        return key;
    }

    // Branch-free hex conversion keeps key digits out of branch predictors and lookup tables.
    private static byte HexDigit(int nibble) => (byte)(nibble + '0' + (((9 - nibble) >> 31) & ('a' - '0' - 10)));

    private static int HexValue(byte c)
    {
        int digit = c - '0';
        int letter = (c | 0x20) - 'a' + 10;
        int isDigit = ~((digit | (9 - digit)) >> 31);
        int isLetter = ~(((letter - 10) | (15 - letter)) >> 31);
        return (digit & isDigit) | (letter & isLetter) | ~(isDigit | isLetter);
    }
}
