using System.Management.Automation;
using CallTracking.Core.Connections;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Errors;
using CallTracking.PowerShell.Session;

namespace CallTracking.PowerShell.Base
{
    /// <summary>
    /// Base of every cmdlet that works through a connection: adds -Connection (default: the current connection from
    /// Connect-CallTracking). No connection → terminating NoConnection (ConnectionError).
    /// </summary>
    public abstract class CallTrackingCmdlet : CallTrackingCmdletBase
    {
        /// <summary>The connection to use; default: the one Connect-CallTracking made current.</summary>
        [Parameter]
        public CallTrackingConnection? Connection { get; set; }

        /// <summary>The connection to use, or a terminating NoConnection error.</summary>
        protected CallTrackingConnection ResolveConnection()
        {
            var connection = Connection ?? ConnectionRegistry.Current;
            if (connection is null)
                ThrowTerminatingError(ErrorMapper.NoConnection("There is no CallTracking connection: run Connect-CallTracking first, or pass -Connection."));
            if (connection!.IsDisconnected)
                ThrowTerminatingError(ErrorMapper.NoConnection("The connection '" + connection.Name + "' was disconnected: run Connect-CallTracking again."));
            return connection;
        }

        /// <summary>The connection, checked to be for <paramref name="provider"/>; throws the WrongProvider argument error otherwise.</summary>
        protected CallTrackingConnection ResolveConnection(ProviderName provider)
        {
            var connection = ResolveConnection();
            connection.EnsureProvider(provider, MyInvocation.MyCommand?.Name ?? GetType().Name);
            return connection;
        }
    }
}
