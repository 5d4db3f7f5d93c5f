using System;
using System.Linq;
using System.Management.Automation;
using CallTracking.Core.Providers.Avanser;
using CallTracking.Core.Validation;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Errors;
using CallTracking.PowerShell.Providers;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Commands.Callbacks
{
    /// <summary>
    /// Builds an AVANSER HTTP callback URL: -BaseUri with a query of [[tag]] placeholders (the seed's example tags, -Tag's,
    /// or -All: every tag of AvanserApi.CallbackTags). Outputs an AvanserCallbackTemplate whose CallbackUri property binds
    /// by name to -CallbackUri (and whose ToString() is the URL). Needs no connection: nothing is sent.
    /// (In a folder named after its provider: the tags are AVANSER's.)
    /// </summary>
    [Cmdlet(VerbsCommon.New, "CallbackUriTemplate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = TagSet)]
    [OutputType(typeof(AvanserCallbackTemplate))]
    public sealed class NewCallbackUriTemplateCommand : CallTrackingCmdletBase
    {
        private const string TagSet = "Tag";
        private const string AllSet = "All";

        /// <summary>The customer's own URL (http or https) that AVANSER is to call.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Uri", "Url")]
        public string BaseUri { get; set; } = string.Empty;

        /// <summary>The tags to ask for (default: the seed's example URL's tags).</summary>
        [Parameter(Position = 1, ParameterSetName = TagSet)]
        [SeedList(typeof(AvanserApi), nameof(AvanserApi.CallbackTags))]
        [ArgumentCompleter(typeof(SeedListCompleter))]
        public string[]? Tag { get; set; }

        /// <summary>Every tag of the seed's list.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AllSet)]
        [BooleanTransformation(nameof(All))]
        public SwitchParameter All { get; set; }

        protected override void ProcessRecord()
        {
            if (!Uri.TryCreate((BaseUri ?? string.Empty).Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                WriteItemError(new CallTrackingArgumentException(nameof(BaseUri), BaseUri, "an absolute http:// or https:// URL such as " + AvanserApi.CallbackExampleBaseUri), BaseUri);
                return;
            }
            var tags = All.IsPresent ? AvanserApi.CallbackTags : (Tag ?? Array.Empty<string>()).Select(t => Base.AllowedValues.Canonical(t, AvanserApi.CallbackTags) ?? t).ToArray();
            if (!ShouldProcess(uri.ToString(), "Build an AVANSER callback URL template (" + (tags.Count == 0 ? "the example's tags" : tags.Count + " tags") + "; nothing is sent)")) return;
            TryProcess(() => WriteObject(AvanserCallbackParser.BuildTemplate(uri, tags)), BaseUri);
        }
    }
}
