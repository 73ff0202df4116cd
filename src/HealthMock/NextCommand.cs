using System;
using System.Management.Automation;
using System.Reflection;

namespace HealthMock.Commands;

/// <summary>
/// Finds the command that receives a cmdlet's output in its pipeline, so that a cmdlet which makes new records can
/// tell Export-Json, when Export-Json comes right after it, that no one else holds those records.
/// </summary>
/// <remarks>
/// PowerShell keeps the link in internal members: the command runtime's output pipe, the command processor the pipe
/// feeds, and that processor's command. They are read by reflection once per command, not per record. Where this
/// PowerShell has other internals the next command is not known, and each cmdlet keeps its general behaviour.
/// </remarks>
internal static class NextCommand
{
    private const BindingFlags Internal = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

    private static readonly Assembly Engine = typeof(PSObject).Assembly;

    private static readonly PropertyInfo? OutputPipe = Find("System.Management.Automation.MshCommandRuntime",
        "OutputPipe");

    private static readonly PropertyInfo? DownstreamProcessor = Find("System.Management.Automation.Internal.Pipe",
        "DownstreamCmdlet");

    private static readonly PropertyInfo? ProcessorCommand = Find("System.Management.Automation.CommandProcessorBase",
        "Command");

    /// <summary>
    /// Returns the command that the output of <paramref name="cmdlet"/> goes to, or <see langword="null"/> when it
    /// is the last command, its output is captured or redirected, or the link cannot be read.
    /// </summary>
    public static object? Of(Cmdlet cmdlet)
    {
        if (OutputPipe is null || DownstreamProcessor is null || ProcessorCommand is null)
        {
            return null;
        }

        try
        {
            var runtime = cmdlet.CommandRuntime;
            var pipe = runtime is not null && OutputPipe.DeclaringType!.IsInstanceOfType(runtime)
                ? OutputPipe.GetValue(runtime)
                : null;
            var processor = pipe is null ? null : DownstreamProcessor.GetValue(pipe);
            return processor is null ? null : ProcessorCommand.GetValue(processor);
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }

    private static PropertyInfo? Find(string typeName, string propertyName)
    {
        try
        {
            return Engine.GetType(typeName, throwOnError: false)?.GetProperty(propertyName, Internal);
        }
        catch (Exception e) when (e is AmbiguousMatchException or MemberAccessException or TypeLoadException)
        {
            return null;
        }
    }
}
