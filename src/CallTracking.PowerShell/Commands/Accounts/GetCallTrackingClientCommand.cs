using System.Linq;
using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;

namespace CallTracking.PowerShell.Commands.Accounts
{
    /// <summary>
    /// Lists an agency's client accounts. Each comes with a Credential (its user name and pincode as a PSCredential), so
    /// that a runbook connects to every client: Get-CallTrackingClient | ForEach-Object { Connect-CallTracking -Provider …
    /// -Credential $_.Credential -Name $_.UserName -PassThru }. With a client's (not an agency's) credential the provider
    /// refuses, reported as an AuthenticationFailed error that says an agency credential is needed.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CallTrackingClient")]
    [OutputType(typeof(CallTrackingAccount))]
    public sealed class GetCallTrackingClientCommand : CallTrackingCmdlet
    {
        /// <summary>Only the clients whose user name matches (wildcards allowed).</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [Transformations.StringListTransformation(nameof(UserName))]
        public string[]? UserName { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var patterns = (UserName ?? new string[0]).Where(u => !string.IsNullOrWhiteSpace(u))
                .Select(u => new WildcardPattern(u.Trim(), WildcardOptions.IgnoreCase)).ToList();
            TryProcess(() =>
            {
                var clients = connection.Capability<IAgencyClients>(CommandName);
                foreach (var client in RunAsync(ct => clients.ListClientsAsync(ct)))
                {
                    if (patterns.Count > 0 && !patterns.Any(p => p.IsMatch(client.UserName))) continue;
                    WriteObject(CredentialOutput.WithCredential(client));
                }
            }, connection.Name);
        }
    }
}
