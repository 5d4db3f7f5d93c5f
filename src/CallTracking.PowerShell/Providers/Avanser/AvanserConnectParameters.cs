using System;
using System.Management.Automation;
using System.Security;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Connections;
using CallTracking.Core.Providers.Avanser;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Providers.Avanser
{
    /// <summary>
    /// Connect-CallTracking -Provider Avanser: the login (-Credential: the Telco API's HTTP Basic, and the WebAPI's with
    /// -ClientId; -AccountId picks one of the login's accounts), or the WebAPI's token flow (-AccountId with -ApiKey and -ApiSecret as SecureStrings); one connection
    /// reaches both APIs (-TelcoBaseUri, -WebApiBaseUri override them). With -Sandbox: the sandbox login with its client id, and
    /// the size and timing of the emulator (-SandboxCallCount, -SandboxProvisioningDelaySec, -SandboxTokenLifetimeSec).
    /// </summary>
    [CmdletParameters(AvanserApi.ProviderName, "Connect-CallTracking")]
    public sealed class AvanserConnectParameters : ProviderParameters, IConnectParameters, ISandboxConnectParameters
    {
        public const string LoginSet = "AvanserLogin";
        public const string TokenSet = "AvanserToken";

        /// <summary>The AVANSER login (user name and password): HTTP Basic for the Telco API and, with -ClientId, the WebAPI.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = LoginSet)]
        [Parameter(Position = 1, ParameterSetName = TokenSet)]
        [Credential]
        public PSCredential Credential { get; set; } = PSCredential.Empty;

        /// <summary>The account to work in (a login may reach several): sent as account_id on every Telco API request; the token
        /// flow signs in to it. With -Sandbox: 5995 (the default) or 5996, the sandbox login's second account.</summary>
        [Parameter(ParameterSetName = LoginSet)]
        [Parameter(ParameterSetName = Base.ParameterSets.Sandbox)]
        [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
        [Alias("account_id")]
        public string? AccountId { get; set; }

        /// <summary>The WebAPI key (api_key of getTokenKey), as a SecureString.</summary>
        [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
        public SecureString? ApiKey { get; set; }

        /// <summary>The WebAPI secret the sign-in signature is made with (md5(secret + tokenKey)), as a SecureString.</summary>
        [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
        public SecureString? ApiSecret { get; set; }

        /// <summary>The client id the WebAPI takes with HTTP Basic (client_id).</summary>
        [Parameter(ParameterSetName = LoginSet)]
        [Alias("client_id")]
        public string? ClientId { get; set; }

        /// <summary>Overrides the Telco API's base URI (default https://tapi-sandbox.avanser.com/v1/).</summary>
        [Parameter(ParameterSetName = LoginSet)]
        [Parameter(ParameterSetName = TokenSet)]
        public Uri? TelcoBaseUri { get; set; }

        /// <summary>Overrides the WebAPI's base URI (default https://api.avanser.com/JSON; test system https://api.test.avanser.com/JSON/).</summary>
        [Parameter(ParameterSetName = LoginSet)]
        [Parameter(ParameterSetName = TokenSet)]
        public Uri? WebApiBaseUri { get; set; }

        /// <summary>With -Sandbox: call records (CDRs) the sandbox computes on demand (default 5000).</summary>
        [Parameter(ParameterSetName = Base.ParameterSets.Sandbox)]
        [Int64Transformation(nameof(SandboxCallCount))]
        public long? SandboxCallCount { get; set; }

        /// <summary>With -Sandbox: seconds a provisioning request takes to complete (default 5).</summary>
        [Parameter(ParameterSetName = Base.ParameterSets.Sandbox)]
        [Int32Transformation(nameof(SandboxProvisioningDelaySec))]
        public int? SandboxProvisioningDelaySec { get; set; }

        /// <summary>With -Sandbox: seconds a WebAPI token lives (default 600).</summary>
        [Parameter(ParameterSetName = Base.ParameterSets.Sandbox)]
        [Int32Transformation(nameof(SandboxTokenLifetimeSec))]
        public int? SandboxTokenLifetimeSec { get; set; }

        public void Apply(ConnectionOptions options)
        {
            if (Credential != null && !ReferenceEquals(Credential, PSCredential.Empty)) options.Credential = new ProviderCredential(Credential.UserName ?? string.Empty, Credential.Password);
            if (!string.IsNullOrWhiteSpace(AccountId)) options.Settings[AvanserApi.AccountIdSetting] = AccountId!.Trim();
            if (!string.IsNullOrWhiteSpace(ClientId)) options.Settings[AvanserApi.ClientIdSetting] = ClientId!.Trim();
            if (ApiKey != null) options.Secrets[AvanserApi.ApiKeySecret] = new SecretValue(ApiKey);
            if (ApiSecret != null) options.Secrets[AvanserApi.ApiSecretSecret] = new SecretValue(ApiSecret);
            if (TelcoBaseUri != null) options.EndpointBaseUris[AvanserApi.TelcoApi] = TelcoBaseUri;
            if (WebApiBaseUri != null) options.EndpointBaseUris[AvanserApi.WebApi] = WebApiBaseUri;
        }

        public void ApplyToSandbox(ConnectionOptions options)
        {
            if (!string.IsNullOrWhiteSpace(AccountId)) options.Settings[AvanserApi.AccountIdSetting] = AccountId!.Trim();
        }

        public override ProviderOptions? ToOptions() => null;
    }
}
