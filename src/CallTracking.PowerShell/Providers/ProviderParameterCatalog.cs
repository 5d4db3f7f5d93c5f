using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace CallTracking.PowerShell.Providers
{
    /// <summary>
    /// The provider parameters of every cmdlet, as PowerShell binds them, for tools: the help generator documents them
    /// (MAML and the about_CallTracking_&lt;Provider&gt; topics) and the tests check them, without connecting anywhere.
    /// </summary>
    public static class ProviderParameterCatalog
    {
        /// <summary>The registered providers' names.</summary>
        public static IReadOnlyList<string> Providers => ProviderCmdletRegistry.All.Select(p => p.Provider).ToList();

        /// <summary>The cmdlets <paramref name="provider"/> adds parameters to.</summary>
        public static IReadOnlyList<string> CmdletsOf(string provider)
            => ProviderCmdletRegistry.Find(provider)?.ExtendedCmdlets.OrderBy(c => c, StringComparer.Ordinal).ToList() ?? new List<string>();

        /// <summary>The dynamic parameters <paramref name="provider"/> adds to <paramref name="cmdletName"/> (empty when none).</summary>
        public static RuntimeDefinedParameterDictionary ParametersOf(string provider, string cmdletName)
        {
            var spec = ProviderCmdletRegistry.Find(provider)?.ParametersFor(cmdletName);
            var all = DynamicParameters.Build(spec);
            all.Remove(DynamicParameters.RemainingArguments);
            return all;
        }

        /// <summary>The values a seed-list parameter allows (null when it has none).</summary>
        public static IReadOnlyList<string>? AllowedValues(RuntimeDefinedParameter parameter)
            => parameter?.Attributes.OfType<SeedListAttribute>().FirstOrDefault()?.Values;
    }
}
