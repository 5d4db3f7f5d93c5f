using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Connections;
using CallTracking.PowerShell.Session;

namespace CallTracking.PowerShell.Base
{
    /// <summary>
    /// Tab completion from the values a capability of the command's connection (-Connection, or the current one) allows,
    /// for static parameters whose list is the provider's (-AccountType, -Channel): the same list its validation reads.
    /// Nothing is sent to the provider.
    /// </summary>
    public abstract class CapabilityValueCompleter : IArgumentCompleter
    {
        /// <summary>The values the connection's provider allows (empty when it lacks the capability).</summary>
        protected abstract IEnumerable<string> ValuesOf(CallTrackingConnection connection);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var connection = ConnectionOf(fakeBoundParameters);
            if (connection is null || connection.IsDisconnected) return Array.Empty<CompletionResult>();
            var word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return ValuesOf(connection).Where(v => v.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v)).ToList();
        }

        private static CallTrackingConnection? ConnectionOf(IDictionary? bound)
        {
            if (bound != null)
                foreach (DictionaryEntry e in bound)
                {
                    if (!string.Equals(e.Key as string, "Connection", StringComparison.OrdinalIgnoreCase)) continue;
                    var value = e.Value is PSObject p ? p.BaseObject : e.Value;
                    if (value is CallTrackingConnection c) return c;
                    if (value is string name) return ConnectionRegistry.Find(name);
                }
            return ConnectionRegistry.Current;
        }

        /// <summary>The capability's values when the connection's provider has it.</summary>
        protected static IEnumerable<string> From<T>(CallTrackingConnection connection, Func<T, IEnumerable<string>> values) where T : class
            => connection.Supports<T>() ? values(connection.Capability<T>(typeof(T).Name)) : Enumerable.Empty<string>();
    }

    /// <summary>New-CallTrackingAccount -AccountType.</summary>
    public sealed class AccountTypeCompleter : CapabilityValueCompleter
    {
        protected override IEnumerable<string> ValuesOf(CallTrackingConnection connection) => From<IAccountCreation>(connection, c => c.AccountTypes);
    }

    /// <summary>Get-VisitData -Channel.</summary>
    public sealed class VisitChannelCompleter : CapabilityValueCompleter
    {
        protected override IEnumerable<string> ValuesOf(CallTrackingConnection connection) => From<IVisitData>(connection, c => c.VisitChannels);
    }
}
