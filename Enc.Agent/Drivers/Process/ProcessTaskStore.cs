using System.Globalization;
using System.Text.Json;

namespace Enc.Agent.Drivers.Process;

/// <summary>
/// The on-disk layout of process tasks: <c>&lt;data&gt;/tasks/&lt;task id&gt;/</c> holding <c>task.json</c>,
/// <c>pid</c> (written by the wrapper), <c>exit_code</c> (written by the wrapper when the command ends),
/// <c>stdout.log</c> and <c>stderr.log</c> (appended across restarts).
/// </summary>
internal sealed class ProcessTaskStore
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public ProcessTaskStore(string dataDirectory)
    {
        if (string.IsNullOrWhiteSpace(dataDirectory))
        {
            throw new ArgumentException("the process driver needs a data directory", nameof(dataDirectory));
        }

        TasksDirectory = Path.Combine(Path.GetFullPath(dataDirectory), "tasks");
        Directory.CreateDirectory(TasksDirectory);
    }

    public string TasksDirectory { get; }

    public string TaskDirectory(string taskId) => Path.Combine(TasksDirectory, taskId);

    public string StdoutPath(string taskId) => Path.Combine(TaskDirectory(taskId), "stdout.log");

    public string StderrPath(string taskId) => Path.Combine(TaskDirectory(taskId), "stderr.log");

    public string PidPath(string taskId) => Path.Combine(TaskDirectory(taskId), "pid");

    public string ExitCodePath(string taskId) => Path.Combine(TaskDirectory(taskId), "exit_code");

    public IEnumerable<string> TaskIds() =>
        Directory.EnumerateDirectories(TasksDirectory).Select(Path.GetFileName).OfType<string>()
            .Where(id => File.Exists(Path.Combine(TasksDirectory, id, "task.json")));

    public ProcessTaskRecord? Read(string taskId)
    {
        try
        {
            return JsonSerializer.Deserialize<ProcessTaskRecord>(File.ReadAllText(Path.Combine(TaskDirectory(taskId), "task.json")), Json);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes task.json atomically (temp file + rename), owner-readable only: it holds the task's environment.</summary>
    public void Write(ProcessTaskRecord record)
    {
        var path = Path.Combine(TaskDirectory(record.InstanceId), "task.json");
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(record, Json));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The recorded exit code and when it was written, if the command has ended.</summary>
    public (int Code, DateTimeOffset At)? ReadExit(string taskId)
    {
        var path = ExitCodePath(taskId);
        try
        {
            var text = File.ReadAllText(path).Trim();
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code)
                ? (code, new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero))
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Records an exit code the wrapper could not write itself (the task was signalled by a stop).</summary>
    public void WriteExitIfMissing(string taskId, int code)
    {
        var path = ExitCodePath(taskId);
        if (!File.Exists(path) && Directory.Exists(TaskDirectory(taskId)))
        {
            File.WriteAllText(path, code.ToString(CultureInfo.InvariantCulture));
        }
    }

    public int? ReadPid(string taskId)
    {
        try
        {
            return int.TryParse(File.ReadAllText(PidPath(taskId)).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The last line the launch wrapper wrote to stderr (why it gave up), or empty.</summary>
    public string ReadStderrTail(string taskId)
    {
        try
        {
            return File.ReadLines(StderrPath(taskId)).LastOrDefault(l => l.StartsWith("enc: ", StringComparison.Ordinal))?[5..] ?? "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary>Prepares the folder for a (re)start: keeps the logs, drops the previous pid and exit code.</summary>
    public void ResetForStart(string taskId)
    {
        Directory.CreateDirectory(TaskDirectory(taskId));
        File.Delete(PidPath(taskId));
        File.Delete(ExitCodePath(taskId));
    }

    public void Delete(string taskId)
    {
        var dir = TaskDirectory(taskId);
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
