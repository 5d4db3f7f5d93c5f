using System.Management.Automation;
using CallTracking.Core.Model;

namespace CallTracking.PowerShell.Base
{
    /// <summary>
    /// An account as PowerShell outputs it: the core object with a Credential property (a PSCredential of its user name
    /// and connection secret) that pipes into Connect-CallTracking -Credential. Attached as an instance member of the object,
    /// not through types.ps1xml: an instance member travels with the object into other runspaces (ForEach-Object -Parallel,
    /// thread jobs), where the module's type data is not loaded until a command of it runs. The secret stays a SecureString:
    /// Format views, ToString and ConvertTo-Json show at most "System.Security.SecureString".
    /// </summary>
    internal static class CredentialOutput
    {
        public const string PropertyName = "Credential";

        public static PSObject WithCredential(CallTrackingAccount account)
        {
            var output = PSObject.AsPSObject(account);
            if (output.Properties[PropertyName] != null) return output;
            var secret = account.GetSecret();
            var credential = secret is null ? null : new PSCredential(account.UserName.Length > 0 ? account.UserName : account.Provider, secret);
            output.Properties.Add(new PSNoteProperty(PropertyName, credential));
            return output;
        }
    }
}
