using System.Management.Automation;
using System.Security;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Commands.Accounts
{
    /// <summary>
    /// Creates an account under the connection's account (an agency's new client). The request is checked first (a bad
    /// row is an error, never a "What if"), -WhatIf sends nothing, and it is sent once: a failure that may have reached the
    /// server is OutcomeUnknown, never repeated. The new account comes back with its connection secret as a PSCredential
    /// (Credential: the user name and the new pincode), for Connect-CallTracking -Credential $account.Credential.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "CallTrackingAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CallTrackingAccount))]
    public sealed class NewCallTrackingAccountCommand : CallTrackingCmdlet
    {
        /// <summary>The new account's user name (the provider's user id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("userid")]
        public string UserName { get; set; } = string.Empty;

        /// <summary>The new account's password, as a SecureString.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [SecureStringTransformation(nameof(Password))]
        public SecureString? Password { get; set; }

        /// <summary>The kind of account (the provider's list; completed from the connection).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("account_type")]
        [ArgumentCompleter(typeof(AccountTypeCompleter))]
        public string AccountType { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Email { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("contact_name")]
        public string? ContactName { get; set; }

        /// <summary>The contact's phone number, in any form.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("contact_number")]
        public string? ContactNumber { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Domain { get; set; }

        /// <summary>Creates without asking for confirmation (-WhatIf still wins).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var account = new NewAccount
            {
                UserName = UserName, Password = Password, AccountType = AccountType, Email = Email,
                ContactName = ContactName, ContactNumber = ContactNumber, Domain = Domain,
            };
            IAccountCreation? creator = null;
            string? what = null;
            if (!TryProcess(() =>
                {
                    creator = connection.Capability<IAccountCreation>(CommandName);
                    creator.Validate(account);
                    what = creator.Describe(account);
                }, UserName) || creator is null) return;
            if (!ShouldChange(TargetOn(connection, "account " + UserName.Trim()), what!, Force)) return;
            TryProcess(() =>
            {
                var created = RunAsync(ct => creator.CreateAccountAsync(account, ct));
                if (!created.HasSecret)
                    WriteWarningLine("The account '" + created.UserName + "' was created, but the reply carried no pincode: its Credential is empty. Generate one for it in the provider's portal.");
                WriteObject(CredentialOutput.WithCredential(created));
            }, UserName);
        }
    }
}
