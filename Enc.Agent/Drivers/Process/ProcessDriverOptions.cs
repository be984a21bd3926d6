namespace Enc.Agent.Drivers.Process;

/// <summary>Settings of the <see cref="ProcessDriver"/>.</summary>
public sealed class ProcessDriverOptions
{
    /// <summary>Directory holding one folder per task (record, pid, exit code, stdout.log, stderr.log). Required.</summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>Where the cgroup filesystem is mounted. <value>Default <c>/sys/fs/cgroup</c>.</value></summary>
    public string CgroupRoot { get; set; } = "/sys/fs/cgroup";

    /// <summary>Name of the parent cgroup ENC creates for its tasks. <value>Default <c>enc</c>.</value></summary>
    public string CgroupParent { get; set; } = "enc";

    /// <summary>Shell used for the launch wrapper. <value>Default <c>/bin/sh</c>.</value></summary>
    public string Shell { get; set; } = "/bin/sh";
}
