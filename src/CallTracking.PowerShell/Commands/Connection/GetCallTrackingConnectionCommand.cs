using System.Management.Automation;
using CallTracking.Core.Connections;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Session;

namespace CallTracking.PowerShell.Commands.Connection
{
    /// <summary>
    /// Lists the connections of this session (by name, wildcards allowed) or the current one. Derives from the
    /// infrastructure base: it reads the registry, so a -Connection parameter would make no sense.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CallTrackingConnection", DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(CallTrackingConnection))]
    public sealed class GetCallTrackingConnectionCommand : CallTrackingCmdletBase
    {
        /// <summary>The connection with a Current note: which one cmdlets use when -Connection is not given (per runspace).</summary>
        private static PSObject Shown(CallTrackingConnection connection)
        {
            var shown = new PSObject(connection);
            shown.Properties.Add(new PSNoteProperty("Current", ConnectionRegistry.IsCurrent(connection)));
            return shown;
        }

        /// <summary>Only the connections with these names (wildcards allowed).</summary>
        [Parameter(Position = 0, ParameterSetName = ParameterSets.Name)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Only the current connection (the one cmdlets use without -Connection).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ParameterSets.Current)]
        public SwitchParameter Current { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ParameterSets.Current)
            {
                var current = ConnectionRegistry.Current;
                if (current != null) WriteObject(Shown(current));
                return;
            }

            var all = ConnectionRegistry.All;
            if (Name is null || Name.Length == 0)
            {
                foreach (var c in all) WriteObject(Shown(c));
                return;
            }

            foreach (var name in Name)
            {
                var pattern = new WildcardPattern(name ?? string.Empty, WildcardOptions.IgnoreCase);
                var found = false;
                foreach (var c in all)
                {
                    if (!pattern.IsMatch(c.Name)) continue;
                    found = true;
                    WriteObject(Shown(c));
                }
                if (!found && !WildcardPattern.ContainsWildcardCharacters(name))
                    WriteItemError(new CallTrackingException(string.Empty, "Get-CallTrackingConnection", CallTrackingErrorKind.NotFound, "There is no connection named '" + name + "'."), name);
            }
        }
    }
}
