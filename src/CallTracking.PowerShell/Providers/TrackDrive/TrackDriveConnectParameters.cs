using System.Management.Automation;
using System.Security;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Connections;
using CallTracking.Core.Providers.TrackDrive;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Providers.TrackDrive
{
    /// <summary>
    /// Connect-CallTracking -Provider TrackDrive: the token (-Token, or -Credential with user name auth_token) or the keys
    /// (-Credential with the public key as user name and the private key as password), and the account's -Subdomain
    /// (or -BaseUri). With -Sandbox: the size of the generated data.
    /// </summary>
    [CmdletParameters(TrackDriveApi.ProviderName, "Connect-CallTracking")]
    public sealed class TrackDriveConnectParameters : ProviderParameters, IConnectParameters
    {
        public const string CredentialSet = "TrackDriveCredential";
        public const string TokenSet = "TrackDriveToken";

        /// <summary>Public key as user name and private key as password (HTTP Basic); or user name auth_token and the API token as password.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = CredentialSet)]
        [Credential]
        public PSCredential Credential { get; set; } = PSCredential.Empty;

        /// <summary>The API token (sent as the auth_token query parameter), as a SecureString.</summary>
        [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
        public SecureString? Token { get; set; }

        /// <summary>The account's subdomain: acme for https://acme.trackdrive.com (or give -BaseUri).</summary>
        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = TokenSet)]
        public string? Subdomain { get; set; }

        /// <summary>Calls the sandbox generates (default 5000; computed on demand, so millions cost no memory).</summary>
        [Parameter(ParameterSetName = Base.ParameterSets.Sandbox)]
        [Int64Transformation(nameof(SandboxCallCount))]
        public long? SandboxCallCount { get; set; }

        /// <summary>Phone numbers the sandbox starts with (default 25).</summary>
        [Parameter(ParameterSetName = Base.ParameterSets.Sandbox)]
        [Int32Transformation(nameof(SandboxNumberCount))]
        public int? SandboxNumberCount { get; set; }

        public void Apply(ConnectionOptions options)
        {
            if (IsBound(nameof(Token)) && Token != null)
                options.Credential = new ProviderCredential(TrackDriveApi.TokenUserName, Token);
            else if (Credential != null && !ReferenceEquals(Credential, PSCredential.Empty))
                options.Credential = new ProviderCredential(Credential.UserName ?? string.Empty, Credential.Password);
            if (!string.IsNullOrWhiteSpace(Subdomain)) options.Settings[TrackDriveApi.SubdomainSetting] = Subdomain!.Trim();
        }

        public override ProviderOptions? ToOptions() => null;
    }
}
