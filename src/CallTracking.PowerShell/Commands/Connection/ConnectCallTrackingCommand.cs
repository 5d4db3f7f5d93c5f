using System;
using System.Linq;
using System.Management.Automation;
using CallTracking.Core.Connections;
using CallTracking.Core.Model;
using CallTracking.Core.Validation;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Errors;
using CallTracking.PowerShell.Session;
using CallTracking.PowerShell.Transformations;
using CallTracking.Sandbox;
using CallTracking.Sandbox.TrackDrive;

namespace CallTracking.PowerShell.Commands.Connection
{
    /// <summary>
    /// Opens a connection to a provider account (or to an in-process sandbox), makes it current and registers it by name.
    /// No request is sent: the first cmdlet proves the credentials. Derives from the infrastructure base, not from
    /// CallTrackingCmdlet: it creates connections, so a -Connection parameter would make no sense.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "CallTracking", DefaultParameterSetName = ParameterSets.Credential)]
    [OutputType(typeof(CallTrackingConnection))]
    public sealed class ConnectCallTrackingCommand : CallTrackingCmdletBase
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ParameterSets.Credential)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ParameterSets.Sandbox)]
        public ProviderName Provider { get; set; }

        /// <summary>TrackDrive: public key as user name and private key as password; or user name auth_token and the token as password.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ParameterSets.Credential)]
        [Credential]
        public PSCredential Credential { get; set; } = PSCredential.Empty;

        [Parameter(ParameterSetName = ParameterSets.Credential)]
        public Uri? BaseUri { get; set; }

        /// <summary>TrackDrive account subdomain: acme for https://acme.trackdrive.com.</summary>
        [Parameter(ParameterSetName = ParameterSets.Credential)]
        public string? Subdomain { get; set; }

        /// <summary>An in-process sandbox that emulates the provider (no network, no account).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ParameterSets.Sandbox)]
        public SwitchParameter Sandbox { get; set; }

        [Parameter(ParameterSetName = ParameterSets.Sandbox)]
        [Int64Transformation(nameof(SandboxCallCount))]
        public long? SandboxCallCount { get; set; }

        [Parameter(ParameterSetName = ParameterSets.Sandbox)]
        [Int32Transformation(nameof(SandboxNumberCount))]
        public int? SandboxNumberCount { get; set; }

        [Parameter(ParameterSetName = ParameterSets.Sandbox)]
        [Int32Transformation(nameof(SandboxSeed))]
        public int? SandboxSeed { get; set; }

        /// <summary>A name for the connection (default: the provider's name); one of the same name is replaced.</summary>
        [Parameter]
        public string? Name { get; set; }

        [Parameter]
        [Int32Transformation(nameof(MaxRetry))]
        public int? MaxRetry { get; set; }

        [Parameter]
        [Int32Transformation(nameof(TimeoutSec))]
        public int? TimeoutSec { get; set; }

        /// <summary>Country (ISO 3166-1 alpha-2) for numbers typed without a country code; default US.</summary>
        [Parameter]
        public string? DefaultCountry { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var options = new ConnectionOptions { Provider = Provider, Name = Name };
            CallTrackingSandbox? sandbox = null;
            try
            {
                if (MaxRetry.HasValue) options.MaxRetry = MaxRetry.Value;
                // Ranges and the country are checked by the core (ConnectionOptions), where every caller meets them.
                if (TimeoutSec.HasValue) options.Timeout = TimeSpan.FromSeconds(TimeoutSec.Value);
                if (!string.IsNullOrWhiteSpace(DefaultCountry)) options.DefaultCountry = DefaultCountry!;

                if (ParameterSetName == ParameterSets.Sandbox)
                {
                    if (Provider != ProviderName.TrackDrive)
                        throw new CallTrackingArgumentException(nameof(Provider), Provider, "TrackDrive (this release's sandbox emulates TrackDrive only)");
                    var sandboxOptions = new SandboxOptions();
                    if (SandboxCallCount.HasValue) sandboxOptions.TrackDrive().CallCount = SandboxCallCount.Value;
                    if (SandboxNumberCount.HasValue) sandboxOptions.TrackDrive().NumberCount = SandboxNumberCount.Value;
                    if (SandboxSeed.HasValue) sandboxOptions.Seed = SandboxSeed.Value;
                    sandbox = new CallTrackingSandbox(sandboxOptions);
                    options.Credential = ProviderCredential.FromPlainText(Core.Providers.TrackDrive.TrackDriveApi.TokenUserName, sandboxOptions.TrackDrive().AuthToken);
                    options.BaseUri = sandbox.TrackDriveBaseUri();
                    options.PrimaryHandlerFactory = sandbox.CreateHandler;
                    options.IsSandbox = true;
                    options.OwnedResource = sandbox;
                }
                else
                {
                    if (Credential is null || ReferenceEquals(Credential, PSCredential.Empty))
                        throw new CallTrackingArgumentException(nameof(Credential), null, "a PSCredential (Get-Credential), or -Sandbox");
                    options.Credential = new ProviderCredential(Credential.UserName ?? string.Empty, Credential.Password);
                    options.BaseUri = BaseUri;
                    options.Subdomain = Subdomain;
                }

                var connection = CallTrackingConnection.Open(options);
                sandbox = null; // owned by the connection now
                ConnectionRegistry.Register(connection);
                WriteVerbose("Connected '" + connection.Name + "' to " + connection.Provider + " at " + connection.BaseUri + (connection.IsSandbox ? " (in-process sandbox)" : string.Empty) + "; it is now the current connection.");
                if (PassThru) WriteObject(connection);
            }
            catch (Exception ex) when (ex is CallTrackingArgumentException || ex is CallTrackingException)
            {
                options.Credential?.Dispose();
                sandbox?.Dispose();
                // Broken setup: nothing later in the script can work, so this one is terminating.
                ThrowTerminatingError(ErrorMapper.ToErrorRecord(ex, Provider));
            }
        }
    }
}
