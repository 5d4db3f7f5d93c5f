using System.Management.Automation;
using CallTracking.Core.Model;

namespace CallTracking.PowerShell.Commands.Sites
{
    /// <summary>
    /// Puts web site phone numbers on the list of numbers that the provider's script swaps for tracking numbers (smart replacement, dynamic number insertion). Numbers from the pipeline or a CSV's site_phone column are sent in batches, one request per batch.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "SmartReplacementNumber", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SmartReplacementResult))]
    public sealed class AddSmartReplacementNumberCommand : SmartReplacementCmdlet
    {
        protected override bool Remove => false;
    }
}
