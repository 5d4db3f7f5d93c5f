using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using CallTracking.Core.Providers;

namespace CallTracking.PowerShell.Providers
{
    /// <summary>-Provider takes the name of a registered provider (any letter case); anything else names the choices.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ProviderNameAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var value = arguments is PSObject p ? p.BaseObject : arguments;
            var name = value as string;
            if (ProviderRegistry.Find(name) is null || ProviderCmdletRegistry.Find(name) is null)
                throw new ValidationMetadataException("'" + name + "' is not a provider this module speaks to: " + string.Join(", ", ProviderRegistry.All.Select(d => d.Name)) + ".");
        }
    }

    /// <summary>Completes -Provider with the registered providers and what each is.</summary>
    public sealed class ProviderNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return ProviderRegistry.All
                .Where(d => d.Name.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .Select(d => new CompletionResult(d.Name, d.Name, CompletionResultType.ParameterValue, d.Description));
        }
    }
}
