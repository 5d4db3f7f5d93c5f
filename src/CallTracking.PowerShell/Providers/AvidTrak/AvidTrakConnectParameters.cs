using System.Management.Automation;
using System.Security;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Connections;
using CallTracking.Core.Providers.AvidTrak;

namespace CallTracking.PowerShell.Providers.AvidTrak
{
    /// <summary>
    /// Connect-CallTracking -Provider AvidTrak: the API pincode, as -Pincode (SecureString) or as the password of -Credential
    /// (so a SecretManagement credential works; its user name is not sent), and the reply -Format.
    /// </summary>
    [CmdletParameters(AvidTrakApi.ProviderName, "Connect-CallTracking")]
    public sealed class AvidTrakConnectParameters : ProviderParameters, IConnectParameters
    {
        public const string CredentialSet = "AvidTrakCredential";
        public const string PincodeSet = "AvidTrakPincode";

        /// <summary>A credential whose password is the AvidTrak pincode (the user name is only shown on the connection).</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = CredentialSet)]
        [Credential]
        public PSCredential Credential { get; set; } = PSCredential.Empty;

        /// <summary>The AvidTrak API pincode (agency or client), as a SecureString.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PincodeSet)]
        public SecureString? Pincode { get; set; }

        /// <summary>The format AvidTrak answers in: Json (default) or Xml; both read into the same objects.</summary>
        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = PincodeSet)]
        [SeedList(typeof(AvidTrakApi), nameof(AvidTrakApi.Formats))]
        public string? Format { get; set; }

        public void Apply(ConnectionOptions options)
        {
            if (IsBound(nameof(Pincode)) && Pincode != null) options.Credential = new ProviderCredential(string.Empty, Pincode);
            else if (Credential != null && !ReferenceEquals(Credential, PSCredential.Empty)) options.Credential = new ProviderCredential(Credential.UserName ?? string.Empty, Credential.Password);
            if (!string.IsNullOrWhiteSpace(Format)) options.Settings[AvidTrakApi.FormatSetting] = Format!.Trim().ToLowerInvariant();
        }

        public override ProviderOptions? ToOptions() => null;
    }
}
