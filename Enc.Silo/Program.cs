using Enc.Silo.Commands;

return await SiloCommandLine.Build().Parse(args).InvokeAsync();
