using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Connections;
using CallTracking.Core.Providers.AvidTrak;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Providers.AvidTrak
{
    /// <summary>
    /// Connect-CallTracking -Provider AvidTrak: the API pincode, as -Pincode (SecureString) or as the password of -Credential
    /// (so a SecretManagement credential works; its user name is not sent), and the reply -Format. With -Sandbox: the
    /// sandbox account to connect as and the size of the generated data.
    /// </summary>
    [CmdletParameters(AvidTrakApi.ProviderName, "Connect-CallTracking")]
    public sealed class AvidTrakConnectParameters : ProviderParameters, IConnectParameters
    {
        public const string CredentialSet = "AvidTrakCredential";
        public const string PincodeSet = "AvidTrakPincode";

        /// <summary>The sandbox accounts -SandboxAccount chooses from (the emulator's agency, its first client, the individual client).</summary>
        public static readonly IReadOnlyList<string> SandboxAccounts = new[] { "Agency", "Client", "Individual" };

        /// <summary>A credential whose password is the AvidTrak pincode (the user name is only shown on the connection); bound
        /// by property name from a piped account (Get-CallTrackingClient, New-CallTrackingAccount).</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = CredentialSet, ValueFromPipelineByPropertyName = true)]
        [Credential]
        public PSCredential Credential { get; set; } = PSCredential.Empty;

        /// <summary>The AvidTrak API pincode (agency or client), as a SecureString.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PincodeSet)]
        public SecureString? Pincode { get; set; }

        /// <summary>The format AvidTrak answers in: Json (default) or Xml; both read into the same objects.</summary>
        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = PincodeSet)]
        [Parameter(ParameterSetName = Base.ParameterSets.Sandbox)]
        [SeedList(typeof(AvidTrakApi), nameof(AvidTrakApi.Formats))]
        public string? Format { get; set; }

        /// <summary>With -Sandbox: whose pincode the connection uses: Agency (default; sees its clients), Client (the first
        /// client under the agency) or Individual (a client with no agency and a small balance).</summary>
        [Parameter(ParameterSetName = Base.ParameterSets.Sandbox)]
        [SeedList(typeof(AvidTrakConnectParameters), nameof(SandboxAccounts))]
        public string? SandboxAccount { get; set; }

        /// <summary>With -Sandbox: clients under the sandbox agency (default 3).</summary>
        [Parameter(ParameterSetName = Base.ParameterSets.Sandbox)]
        [Int32Transformation(nameof(SandboxClientCount))]
        public int? SandboxClientCount { get; set; }

        /// <summary>With -Sandbox: numbers each sandbox account owns at the start (default 6).</summary>
        [Parameter(ParameterSetName = Base.ParameterSets.Sandbox)]
        [Int32Transformation(nameof(SandboxNumberCount))]
        public int? SandboxNumberCount { get; set; }

        /// <summary>With -Sandbox: generated calls per account per day, on average (default 8).</summary>
        [Parameter(ParameterSetName = Base.ParameterSets.Sandbox)]
        [Int32Transformation(nameof(SandboxCallsPerDay))]
        public int? SandboxCallsPerDay { get; set; }

        public void Apply(ConnectionOptions options)
        {
            if (IsBound(nameof(Pincode)) && Pincode != null) options.Credential = new ProviderCredential(string.Empty, Pincode);
            else if (Credential != null && !ReferenceEquals(Credential, PSCredential.Empty)) options.Credential = new ProviderCredential(Credential.UserName ?? string.Empty, Credential.Password);
            if (!string.IsNullOrWhiteSpace(Format)) options.Settings[AvidTrakApi.FormatSetting] = Format!.Trim().ToLowerInvariant();
        }

        public override ProviderOptions? ToOptions() => null;
    }
}
