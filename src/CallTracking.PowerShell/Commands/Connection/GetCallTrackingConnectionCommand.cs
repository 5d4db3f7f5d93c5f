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
        [Parameter(Position = 0, ParameterSetName = ParameterSets.Name)]
        [SupportsWildcards]
        public string[]? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ParameterSets.Current)]
        public SwitchParameter Current { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ParameterSets.Current)
            {
                var current = ConnectionRegistry.Current;
                if (current != null) WriteObject(current);
                return;
            }

            var all = ConnectionRegistry.All;
            if (Name is null || Name.Length == 0)
            {
                WriteObject(all, true);
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
                    WriteObject(c);
                }
                if (!found && !WildcardPattern.ContainsWildcardCharacters(name))
                    WriteItemError(new CallTrackingException(ProviderName.TrackDrive, "Get-CallTrackingConnection", CallTrackingErrorKind.NotFound, "There is no connection named '" + name + "'."), name);
            }
        }
    }
}
