using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using CallTracking.PowerShell.Session;
using CallTracking.Sandbox;

namespace CallTracking.PowerShell.Commands.Sandbox
{
    /// <summary>
    /// Completes Send-CallTrackingSandboxEvent -Kind with the event kinds of the sandbox it would use: the -Sandbox variable
    /// already typed, else the current connection's in-process sandbox (kinds come from an emulator, so none without one).
    /// </summary>
    public sealed class SandboxEventKindCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var sandbox = (fakeBoundParameters?["Sandbox"] is PSObject p ? p.BaseObject : fakeBoundParameters?["Sandbox"]) as CallTrackingSandbox
                          ?? ConnectionRegistry.Current?.SandboxInstance as CallTrackingSandbox;
            if (sandbox is null) return Enumerable.Empty<CompletionResult>();
            var word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return sandbox.Emulators.OfType<ISandboxEventSource>().SelectMany(s => s.EventKinds).Distinct(StringComparer.OrdinalIgnoreCase)
                .Where(k => k.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .Select(k => new CompletionResult(k, k, CompletionResultType.ParameterValue, k + " events"));
        }
    }
}
