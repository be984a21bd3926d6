using System.CommandLine;
using Enc.Silo.Commands;

// SIGTERM/SIGINT are the host's to handle (graceful stop within HostOptions.ShutdownTimeout, 30 s): System.CommandLine's
// own handling would end the process with exit code 143 two seconds after the signal, cutting a silo's stop short.
return await SiloCommandLine.Build().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
