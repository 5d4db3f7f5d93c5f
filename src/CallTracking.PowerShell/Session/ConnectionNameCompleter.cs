using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace CallTracking.PowerShell.Session
{
    /// <summary>Completes -Connection and -Name with the names of this session's connections.</summary>
    public sealed class ConnectionNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var current = ConnectionRegistry.Current;
            return ConnectionRegistry.All
                .Where(c => c.Name.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .Select(c => new CompletionResult(c.Name.IndexOf(' ') >= 0 ? "'" + c.Name + "'" : c.Name, c.Name, CompletionResultType.ParameterValue,
                    c.Name + " (" + c.Provider + ", " + c.BaseUri + (ReferenceEquals(c, current) ? ", current" : string.Empty) + ")"));
        }
    }
}
