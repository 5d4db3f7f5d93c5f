using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using CallTracking.PowerShell.Session;

namespace CallTracking.PowerShell.Providers
{
    /// <summary>
    /// Tab completion for parameters restricted by <see cref="SeedListAttribute"/>: finds the provider the command would
    /// use (-Connection, -Provider, or the current connection), its parameter class for the command, and completes from the
    /// same list the validation reads.
    /// </summary>
    public sealed class SeedListCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var list = FindList(commandName, parameterName, fakeBoundParameters);
            if (list is null) return Array.Empty<CompletionResult>();
            var word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return list.Where(v => v.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .Select(v => new CompletionResult(v.IndexOfAny(new[] { ' ', '/', '\'' }) >= 0 ? "'" + v + "'" : v, v, CompletionResultType.ParameterValue, v));
        }

        internal static IReadOnlyList<string>? FindList(string commandName, string parameterName, IDictionary? fakeBoundParameters)
        {
            var own = OwnParameterList(commandName, parameterName);
            if (own != null) return own;
            var provider = ProviderFor(fakeBoundParameters);
            var support = ProviderCmdletRegistry.Find(provider);
            var spec = support?.ParametersFor(commandName);
            if (spec is null) return null;
            var declaration = DynamicParameters.Find(spec.ParametersType, parameterName);
            return declaration?.Attributes.OfType<SeedListAttribute>().FirstOrDefault()?.Values;
        }

        /// <summary>The list of a cmdlet's own (static) parameter with [SeedList] (a cmdlet for one provider only); null when none.</summary>
        private static IReadOnlyList<string>? OwnParameterList(string commandName, string parameterName)
        {
            var type = typeof(SeedListCompleter).Assembly.GetTypes().FirstOrDefault(t =>
                t.GetCustomAttributes(typeof(CmdletAttribute), false).OfType<CmdletAttribute>()
                    .Any(a => string.Equals(a.VerbName + "-" + a.NounName, commandName, StringComparison.OrdinalIgnoreCase)));
            var property = type?.GetProperties().FirstOrDefault(p => string.Equals(p.Name, parameterName, StringComparison.OrdinalIgnoreCase)
                || p.GetCustomAttributes(typeof(AliasAttribute), true).OfType<AliasAttribute>().Any(a => a.AliasNames.Contains(parameterName, StringComparer.OrdinalIgnoreCase)));
            return property?.GetCustomAttributes(typeof(SeedListAttribute), true).OfType<SeedListAttribute>().FirstOrDefault()?.Values;
        }

        private static string? ProviderFor(IDictionary? bound)
        {
            object? Get(string key)
            {
                if (bound is null) return null;
                foreach (DictionaryEntry e in bound)
                    if (string.Equals(e.Key as string, key, StringComparison.OrdinalIgnoreCase)) return e.Value is PSObject p ? p.BaseObject : e.Value;
                return null;
            }
            if (Get("Provider") is string provider) return provider;
            var connection = Get("Connection");
            if (connection is Core.Connections.CallTrackingConnection c) return c.Provider;
            if (connection is string name) return ConnectionRegistry.Find(name)?.Provider;
            return ConnectionRegistry.Current?.Provider;
        }
    }
}
