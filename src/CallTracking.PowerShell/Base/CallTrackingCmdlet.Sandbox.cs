using CallTracking.Core.Connections;
using CallTracking.Core.Validation;
using CallTracking.Sandbox;

namespace CallTracking.PowerShell.Base
{
    public abstract partial class CallTrackingCmdlet
    {
        /// <summary>
        /// The sandbox a sandbox cmdlet works on: the one given (-Sandbox from Start-CallTrackingSandbox), else the in-process
        /// sandbox of -Connection or the current connection. A connection that is not a sandbox connection is a
        /// non-terminating InvalidArgument error (null returned); <paramref name="connection"/> is the one used, if any.
        /// </summary>
        protected CallTrackingSandbox? ResolveSandbox(CallTrackingSandbox? given, out CallTrackingConnection? connection)
        {
            connection = null;
            if (given != null) return given;
            connection = ResolveConnection();
            if (connection.SandboxInstance is CallTrackingSandbox sandbox) return sandbox;
            WriteItemError(new CallTrackingArgumentException("Connection", connection.Name + " (" + connection.Provider + ", " + connection.BaseUri + ")",
                "a connection made with Connect-CallTracking -Sandbox: only an in-process sandbox records what it receives and sends callbacks from here (for a loopback sandbox, pass the object Start-CallTrackingSandbox returned as -Sandbox)"), connection);
            return null;
        }
    }
}
