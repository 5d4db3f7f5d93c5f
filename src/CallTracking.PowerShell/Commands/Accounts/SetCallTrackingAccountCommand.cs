using System.Management.Automation;
using System.Security;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Commands.Accounts
{
    /// <summary>
    /// Changes the connection's own account: its user name, contact name, e-mail or password; only what is given is sent,
    /// and at least one is needed (checked before ShouldProcess). Nothing binds from the pipeline: the change is to the
    /// connection's own account, so a piped account (a client from Get-CallTrackingClient) must never rename it.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "CallTrackingAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CallTrackingAccount))]
    public sealed class SetCallTrackingAccountCommand : CallTrackingCmdlet
    {
        /// <summary>The account's new user name (user id).</summary>
        [Parameter]
        public string? UserName { get; set; }

        /// <summary>The new contact name.</summary>
        [Parameter]
        [Alias("ContactName", "contact_name")]
        public string? FullName { get; set; }

        [Parameter]
        public string? Email { get; set; }

        /// <summary>The new password, as a SecureString.</summary>
        [Parameter]
        [SecureStringTransformation(nameof(Password))]
        public SecureString? Password { get; set; }

        /// <summary>Outputs the account with the values that were changed (the provider returns no account).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Changes without asking for confirmation (-WhatIf still wins).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var change = new AccountChange { UserName = UserName, FullName = FullName, Email = Email, Password = Password };
            IAccountSettings? settings = null;
            string? what = null;
            if (!TryProcess(() =>
                {
                    settings = connection.Capability<IAccountSettings>(CommandName);
                    settings.Validate(change);
                    what = settings.Describe(change);
                }, connection.Name) || settings is null) return;
            if (!ShouldChange(TargetOn(connection, "the account " + connection.UserName), what!, Force)) return;
            TryProcess(() =>
            {
                var changed = RunAsync(ct => settings.UpdateAccountAsync(change, ct));
                WriteVerboseLine("Updated the account of connection '" + connection.Name + "'.");
                if (PassThru) WriteObject(changed);
            }, connection.Name);
        }
    }
}
