using System.Management.Automation;
using CallTracking.Core.Model;

namespace CallTracking.PowerShell.Commands.Sites
{
    /// <summary>
    /// Takes web site phone numbers off the smart replacement list: the site then shows them as they are. ConfirmImpact High: it prompts unless -Force or -Confirm:$false (a NonInteractive runbook must pass one). Batched as Add-SmartReplacementNumber.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "SmartReplacementNumber", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(SmartReplacementResult))]
    public sealed class RemoveSmartReplacementNumberCommand : SmartReplacementCmdlet
    {
        protected override bool Remove => true;
    }
}
