using System.Management.Automation;
using System.Security;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Connections;
using CallTracking.Core.Providers.AvidTrak;
using CallTracking.Core.Validation;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Providers.AvidTrak
{
    /// <summary>
    /// Move-TrackingNumber on an AvidTrak connection: transfer_number to the client whose pincode is given [seed]: -Client
    /// (anything with a Credential whose password is the client's pin, such as a client object) or -ClientPin.
    /// </summary>
    [CmdletParameters(AvidTrakApi.ProviderName, "Move-TrackingNumber")]
    public sealed class AvidTrakTransferParameters : ProviderParameters
    {
        /// <summary>The client the numbers go to: an object with a Credential property (its password is the client's pincode), or a PSCredential.</summary>
        [Parameter]
        public PSObject? Client { get; set; }

        /// <summary>The client's pincode (client_pin), as a SecureString.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("client_pin")]
        [SecureStringTransformation(nameof(ClientPin))]
        public SecureString? ClientPin { get; set; }

        public override ProviderOptions ToOptions()
        {
            if (ClientPin != null && ClientPin.Length > 0) return new AvidTrakTransfer { ClientPin = new SecretValue(ClientPin) };
            if (Client is null) return new AvidTrakTransfer();
            var credential = Client.BaseObject as PSCredential ?? Client.Properties["Credential"]?.Value as PSCredential
                             ?? (Client.Properties["Credential"]?.Value as PSObject)?.BaseObject as PSCredential;
            if (credential is null || credential.Password is null || credential.Password.Length == 0)
                throw new CallTrackingArgumentException("Client", Client.BaseObject?.GetType().Name ?? "object",
                    "a client object with a Credential property (a PSCredential whose password is the client's pincode), or -ClientPin");
            return new AvidTrakTransfer { ClientPin = new SecretValue(credential.Password), ClientName = string.IsNullOrEmpty(credential.UserName) ? null : credential.UserName };
        }
    }
}
