using System.Text;

namespace Enc.Agent.Drivers.Process;

/// <summary>Reads complete lines appended to a log file since the last read (the file may still be growing).</summary>
internal sealed class LogFileTail : IDisposable
{
    private readonly string _path;
    private readonly StringBuilder _partial = new();
    private readonly char[] _buffer = new char[8192];
    private StreamReader? _reader;

    public LogFileTail(string path) => _path = path;

    /// <summary>Lines completed since the previous call.</summary>
    public List<string> ReadLines()
    {
        var lines = new List<string>();
        if (_reader is null)
        {
            if (!File.Exists(_path))
            {
                return lines;
            }

            _reader = new StreamReader(new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete), Encoding.UTF8);
        }

        int read;
        while ((read = _reader.Read(_buffer, 0, _buffer.Length)) > 0)
        {
            _partial.Append(_buffer, 0, read);
        }

        var text = _partial.ToString();
        var start = 0;
        int newline;
        while ((newline = text.IndexOf('\n', start)) >= 0)
        {
            lines.Add(text[start..newline].TrimEnd('\r'));
            start = newline + 1;
        }

        _partial.Clear().Append(text, start, text.Length - start);
        return lines;
    }

    /// <summary>A trailing line without a newline, once no more output will come.</summary>
    public string? TakeRemainder()
    {
        var rest = _partial.ToString();
        _partial.Clear();
        return rest.Length > 0 ? rest : null;
    }

    public void Dispose() => _reader?.Dispose();
}
