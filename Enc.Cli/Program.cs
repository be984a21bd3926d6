using Enc.Cli.Commands;

return await EncCommandLine.Build().Parse(args).InvokeAsync();
