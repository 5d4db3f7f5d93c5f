using System.Management.Automation;
using CallTracking.Core.Connections;
using CallTracking.Core.Model;
using CallTracking.Core.Validation;
using CallTracking.PowerShell.Errors;
using CallTracking.PowerShell.Session;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Base
{
    /// <summary>
    /// Base of every cmdlet that works through a connection: adds -Connection (a connection object or a connection's name,
    /// completed from Get-CallTrackingConnection; default: the current connection), offers the connection's provider's
    /// parameters, and checks piped objects. No connection → terminating NoConnection (ConnectionError).
    /// </summary>
    public abstract partial class CallTrackingCmdlet : CallTrackingCmdletBase
    {
        /// <summary>The connection to use, or its name; default: the one Connect-CallTracking made current.</summary>
        [Parameter]
        [ConnectionTransformation]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public CallTrackingConnection? Connection { get; set; }

        protected override string? DynamicParameterProvider() => (Connection ?? ConnectionRegistry.Current)?.Provider;

        protected override string ProviderChoice(string current) => "this command works through a connection to " + current;
        protected override string OtherProviderRemedy(string other) => "pass -Connection with a connection to " + other + " (Get-CallTrackingConnection lists them)";
        protected override string OtherProviderAction(string other) => "Connect-CallTracking -Provider " + other + " …, then pass -Connection.";

        protected override ErrorRecord? NoProviderError()
            => ErrorMapper.NoConnection("There is no CallTracking connection: run Connect-CallTracking first, or pass -Connection (the parameters a provider adds need its connection).");

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

        /// <summary>A ShouldProcess target: what is changed, with the provider and the connection ("number 5 (P, connection 'x')").</summary>
        protected static string TargetOn(CallTrackingConnection connection, string what)
            => what + " (" + connection.Provider + ", connection '" + connection.Name + "')";

        /// <summary>
        /// The id a -Id/-InputObject cmdlet acts on: the -Id given, or the piped record's id after checking that it is a
        /// <typeparamref name="T"/> (a call piped into Remove-TrackingNumber is refused) and of the connection's provider.
        /// </summary>
        protected string TargetId<T>(CallTrackingConnection connection, string? id, ProviderRecord? input, string expectedKind) where T : ProviderRecord
        {
            if (input is null) return id ?? string.Empty;
            if (!(input is T))
                throw new CallTrackingArgumentException("InputObject", input.Kind + " " + input.Id + " (" + input.GetType().Name + ")",
                    "a " + expectedKind + " (" + typeof(T).Name + ", from the cmdlets that return one); " + CommandName + " does not act on a " + input.Kind);
            connection.EnsureProvider(input.Provider, "the piped " + input.Kind + " " + input.Id);
            return input.Id;
        }
    }
}
