using System.Management.Automation;
using CallTracking.Core.Connections;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Errors;
using CallTracking.PowerShell.Session;

namespace CallTracking.PowerShell.Commands.Connection
{
    /// <summary>
    /// Disconnects (disposes) a connection: the one piped or given, the one named, or the current one. Derives from the
    /// infrastructure base because its -Connection is the object acted on (pipeline input), not the account worked through.
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "CallTracking", DefaultParameterSetName = ParameterSets.Connection)]
    [OutputType(typeof(CallTrackingConnection))]
    public sealed class DisconnectCallTrackingCommand : CallTrackingCmdletBase
    {
        /// <summary>The connection to disconnect (default: the current one).</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ParameterSetName = ParameterSets.Connection)]
        public CallTrackingConnection? Connection { get; set; }

        /// <summary>The names of the connections to disconnect.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ParameterSets.Name)]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        /// <summary>Outputs each connection after disconnecting it.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ParameterSets.Name)
            {
                foreach (var name in Name)
                {
                    var found = ConnectionRegistry.Find(name);
                    if (found is null)
                    {
                        WriteItemError(new CallTrackingException(string.Empty, "Disconnect-CallTracking", CallTrackingErrorKind.NotFound, "There is no connection named '" + name + "' (Get-CallTrackingConnection lists them)."), name);
                        continue;
                    }
                    Disconnect(found);
                }
                return;
            }

            var connection = Connection ?? ConnectionRegistry.Current;
            if (connection is null)
            {
                WriteError(ErrorMapper.NoConnection("There is no current CallTracking connection to disconnect."));
                return;
            }
            Disconnect(connection);
        }

        private void Disconnect(CallTrackingConnection connection)
        {
            var wasCurrent = ConnectionRegistry.IsCurrent(connection);
            var current = ConnectionRegistry.Remove(connection);
            WriteVerboseLine("Disconnected '" + connection.Name + "' (" + connection.Provider + ")."
                         + (wasCurrent ? current is null ? " No connection is current now." : " The current connection is now '" + current.Name + "' (" + current.Provider + ")." : string.Empty));
            if (PassThru) WriteObject(connection);
        }
    }
}
