using System;
using System.Management.Automation;
using CallTracking.Core.Connections;
using CallTracking.Core.Model;
using CallTracking.Core.Validation;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Errors;
using CallTracking.PowerShell.Providers;
using CallTracking.PowerShell.Session;
using CallTracking.PowerShell.Transformations;
using CallTracking.Sandbox;

namespace CallTracking.PowerShell.Commands.Connection
{
    /// <summary>
    /// Opens a connection to a provider account (or to an in-process sandbox), makes it current and registers it by name.
    /// The provider named by -Provider brings its own credential parameters and sets (dynamic parameters); no request is
    /// sent: the first cmdlet proves the credentials. Derives from the infrastructure base, not from CallTrackingCmdlet:
    /// it creates connections, so a -Connection parameter would make no sense.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "CallTracking", DefaultParameterSetName = ParameterSets.Connect)]
    [OutputType(typeof(CallTrackingConnection))]
    public sealed class ConnectCallTrackingCommand : CallTrackingCmdletBase
    {
        /// <summary>The provider (tab completion lists them): it decides which credential parameters follow.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ProviderName]
        [ArgumentCompleter(typeof(ProviderNameCompleter))]
        public string Provider { get; set; } = string.Empty;

        /// <summary>Overrides the base URI of the provider's (first) API; https:// only (http:// for loopback hosts), no user name or password in it.</summary>
        [Parameter]
        public Uri? BaseUri { get; set; }

        /// <summary>An in-process sandbox that emulates the provider (no network, no account).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ParameterSets.Sandbox)]
        public SwitchParameter Sandbox { get; set; }

        /// <summary>The seed of the sandbox's generated data (the same seed gives the same data).</summary>
        [Parameter(ParameterSetName = ParameterSets.Sandbox)]
        [Int32Transformation(nameof(SandboxSeed))]
        public int? SandboxSeed { get; set; }

        /// <summary>A name for the connection (default: the provider's name); one of the same name is replaced. Bound by
        /// property name from a piped account's UserName too, so piped accounts (Get-CallTrackingClient) each get their own.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("UserName")]
        public string? Name { get; set; }

        /// <summary>Retries after the first attempt (0..20, default 4): a request goes out at most 1 + MaxRetry times; a purchase is never repeated once it may have arrived.</summary>
        [Parameter]
        [Int32Transformation(nameof(MaxRetry))]
        public int? MaxRetry { get; set; }

        /// <summary>Seconds one attempt may take, reply body included (1..3600, default 100).</summary>
        [Parameter]
        [Int32Transformation(nameof(TimeoutSec))]
        public int? TimeoutSec { get; set; }

        /// <summary>The largest reply (one page) read, in megabytes (1..2047, default 256).</summary>
        [Parameter]
        [Int32Transformation(nameof(MaxResponseMB))]
        public int? MaxResponseMB { get; set; }

        /// <summary>Country (ISO 3166-1 alpha-2) for numbers typed without a country code; default the provider's home country (its descriptor's HomeCountry).</summary>
        [Parameter]
        public string? DefaultCountry { get; set; }

        /// <summary>Outputs the new connection (to keep several: -Name, then -Connection on each cmdlet).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override string? DynamicParameterProvider() => Provider;

        protected override void ProcessRecord()
        {
            var support = ProviderCmdletRegistry.Find(Provider);
            var options = new ConnectionOptions { Provider = Provider, Name = Name };
            try
            {
                if (support is null) throw new CallTrackingArgumentException(nameof(Provider), Provider, "a provider this module speaks to");
                if (MaxRetry.HasValue) options.MaxRetry = MaxRetry.Value;
                // Ranges and the country are checked by the core (ConnectionOptions), where every caller meets them.
                if (TimeoutSec.HasValue) options.Timeout = TimeSpan.FromSeconds(TimeoutSec.Value);
                if (MaxResponseMB.HasValue) options.MaxResponseBytes = MaxResponseMB.Value * 1024L * 1024L;
                if (!string.IsNullOrWhiteSpace(DefaultCountry)) options.DefaultCountry = DefaultCountry!;
                var parameters = BoundProviderParameters();

                if (ParameterSetName == ParameterSets.Sandbox)
                {
                    if (BaseUri != null) throw new CallTrackingArgumentException(nameof(BaseUri), BaseUri, "nothing with -Sandbox (the in-process sandbox has its own address)");
                    var sandboxOptions = new SandboxOptions();
                    if (SandboxSeed.HasValue) sandboxOptions.Seed = SandboxSeed.Value;
                    support.ConfigureSandbox(sandboxOptions, parameters);
                    var sandbox = new CallTrackingSandbox(sandboxOptions);
                    options.OwnedResource = sandbox;
                    support.ConnectToSandbox(options, sandbox);
                    if (parameters is ISandboxConnectParameters sandboxParameters) sandboxParameters.ApplyToSandbox(options);
                    options.PrimaryHandlerFactory = sandbox.CreateHandler;
                    options.IsSandbox = true;
                }
                else
                {
                    if (parameters is IConnectParameters connect) connect.Apply(options);
                    options.BaseUri = BaseUri;
                }

                var connection = CallTrackingConnection.Open(options);
                ConnectionRegistry.Register(connection);
                WriteVerboseLine("Connected '" + connection.Name + "' to " + connection.Provider + " at " + string.Join(", ", System.Linq.Enumerable.Select(connection.Endpoints, e => e.BaseUri.ToString()))
                             + (connection.IsSandbox ? " (in-process sandbox)" : string.Empty) + "; it is now the current connection.");
                if (PassThru) WriteObject(connection);
            }
            catch (Exception ex) when (ex is CallTrackingArgumentException || ex is CallTrackingException || ex is ArgumentOutOfRangeException)
            {
                options.Credential?.Dispose();
                foreach (var s in options.Secrets.Values) s.Dispose();
                options.OwnedResource?.Dispose();
                // Broken setup: nothing later in the script can work, so this one is terminating.
                var error = ex is ArgumentOutOfRangeException range ? new CallTrackingArgumentException("Sandbox", null, range.Message) : ex;
                ThrowTerminatingError(ErrorMapper.ToErrorRecord(error, Provider));
            }
        }
    }
}
