using System;
using System.IO;
using System.Management.Automation;
using CallTracking.Core.Connections;
using CallTracking.Core.Http;
using CallTracking.Core.Model;
using CallTracking.Core.Providers.Avanser;
using CallTracking.Core.Validation;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Errors;
using CallTracking.PowerShell.Providers;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Commands.Feeds
{
    /// <summary>
    /// Reads an AVANSER data feed, downloaded from its feed URL (-Uri, HTTP Basic with -Credential) or from a file (-Path),
    /// in JSON, CSV or XML (-Format, or Auto: Content-Type, then the extension, then the first character), and emits one
    /// AvanserFeedCallRecord per row as it is read: the feed is never held in memory whole. A row that is not a record is a
    /// non-terminating InvalidFeedRow error naming the row, and the reading goes on; a feed that cannot be read on
    /// (malformed JSON or XML) is an InvalidFeed error naming the row, after the records before it were emitted. Needs no
    /// connection. The download is one HttpClient per call (not a connection's pooled pipeline, which reads whole replies);
    /// -TimeoutSec bounds the wait for the answer and for each read of the body. (In a folder named after its provider: the
    /// feed is AVANSER's.)
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CallDataFeed", DefaultParameterSetName = UriSet)]
    [OutputType(typeof(AvanserFeedCallRecord))]
    public sealed class GetCallDataFeedCommand : CallTrackingCmdletBase
    {
        public const string UriSet = "Uri";
        public const string PathSet = "Path";

        /// <summary>The feed URL AVANSER gave (https://; http:// only for a loopback host).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = UriSet, ValueFromPipelineByPropertyName = true)]
        [Alias("FeedUri", "Url")]
        public string? Uri { get; set; }

        /// <summary>The feed's static HTTP Basic login (user name and password).</summary>
        [Parameter(ParameterSetName = UriSet)]
        [Credential]
        public PSCredential Credential { get; set; } = PSCredential.Empty;

        /// <summary>A downloaded feed file (several, or from Get-ChildItem).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "LiteralPath")]
        [StringListTransformation(nameof(Path))]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>Json, Csv or Xml; Auto (the default) decides from Content-Type, the extension, then the first character.</summary>
        [Parameter]
        [SeedList(typeof(AvanserApi), nameof(AvanserApi.FeedFormats))]
        public string Format { get; set; } = "Auto";

        /// <summary>Seconds to wait for the answer and for each read of the body (default 100).</summary>
        [Parameter(ParameterSetName = UriSet)]
        [Int32Transformation(nameof(TimeoutSec))]
        [ValidateRange(1, 86400)]
        public int TimeoutSec { get; set; } = 100;

        private AvanserFeedFormat? _format;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            try { _format = AvanserFeedReader.ParseFormat(Format); }
            catch (CallTrackingArgumentException ex) { ThrowTerminatingError(ErrorMapper.ToErrorRecord(ex, Format)); }
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == PathSet)
            {
                foreach (var p in Path ?? Array.Empty<string>()) ReadFile(p);
                return;
            }
            if (string.IsNullOrWhiteSpace(Uri)) return;
            if (!System.Uri.TryCreate(Uri!.Trim(), UriKind.Absolute, out var uri))
            {
                WriteItemError(new CallTrackingArgumentException("Uri", SecretRedactor.RedactQueryString(Uri), "an absolute https:// URI such as https://feeds.example.com/calls.json"), SecretRedactor.RedactQueryString(Uri));
                return;
            }
            var target = SecretRedactor.RedactUri(uri);
            TryProcessReporting(() => ReadUri(uri), ex =>
            {
                var record = ErrorMapper.ToErrorRecord(ex, target);
                if (ex is CallTrackingException c && c.Kind == CallTrackingErrorKind.Authentication)
                    record.ErrorDetails = new ErrorDetails(ex.Message) { RecommendedAction = "Give -Credential the feed's HTTP Basic user and password (the static password AVANSER set up for the feed)." };
                WriteError(record);
            });
        }

        private void ReadFile(string path)
        {
            var files = new System.Collections.Generic.List<string>();
            try
            {
                if (WildcardPattern.ContainsWildcardCharacters(path)) files.AddRange(GetResolvedProviderPathFromPSPath(path, out _));
                else files.Add(GetUnresolvedProviderPathFromPSPath(path));
            }
            catch (Exception ex) when (ex is ItemNotFoundException || ex is ProviderNotFoundException || ex is System.Management.Automation.DriveNotFoundException || ex is NotSupportedException || ex is PSArgumentException)
            {
                WriteError(new ErrorRecord(ex, ErrorIds.NotFound, ErrorCategory.ObjectNotFound, path));
                return;
            }
            foreach (var full in files)
            {
                if (!File.Exists(full))
                {
                    var message = "No feed file " + full + " (-Path).";
                    WriteError(new ErrorRecord(new FileNotFoundException(message, full), ErrorIds.NotFound, ErrorCategory.ObjectNotFound, path) { ErrorDetails = new ErrorDetails(message) });
                    continue;
                }
                try
                {
                    using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
                    Emit(stream, null, full, full);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    var message = "The feed file " + full + " could not be read: " + ex.Message;
                    WriteError(new ErrorRecord(new IOException(message, ex), ErrorIds.InvalidFeed, ErrorCategory.ReadError, full) { ErrorDetails = new ErrorDetails(message) });
                }
            }
        }

        private void ReadUri(Uri uri)
        {
            var hasCredential = Credential != null && !ReferenceEquals(Credential, PSCredential.Empty);
            using var password = hasCredential ? new SecretValue(Credential!.Password) : null;
            var user = hasCredential ? Credential!.UserName : null;
            var timeout = TimeSpan.FromSeconds(TimeoutSec);
            using var download = RunAsync(ct => StreamingDownload.OpenAsync(uri, user, password, timeout, AvanserApi.ProviderName, AvanserApi.FeedOperation, ct));
            var where = SecretRedactor.RedactUri(download.Uri);
            WriteVerboseLine("Reading the AVANSER feed " + where + " (" + (download.ContentType ?? "no Content-Type")
                             + (download.ContentLength.HasValue ? ", " + download.ContentLength + " bytes" : "") + ").");
            Emit(download.Body, download.ContentType, download.Uri.AbsolutePath, where);
        }

        private void Emit(Stream stream, string? contentType, string name, string where)
        {
            var items = AvanserFeedReader.Read(stream, _format, contentType, name, out var chosen, out var decided);
            WriteVerboseLine("Reading " + where + " as " + chosen + " (" + decided + ").");
            long records = 0, errors = 0;
            try
            {
                foreach (var item in items)
                {
                    if (StopToken.IsCancellationRequested) throw new PipelineStoppedException();
                    if (item.Record != null)
                    {
                        records++;
                        WriteObject(item.Record);
                        continue;
                    }
                    errors++;
                    var message = item.Error + " (" + where + ").";
                    WriteError(new ErrorRecord(new FormatException(message), ErrorIds.InvalidFeedRow, ErrorCategory.InvalidData, item.RowNumber) { ErrorDetails = new ErrorDetails(message) });
                }
            }
            catch (AvanserFeedFormatException ex)
            {
                var message = ex.Message + " (" + where + "; " + records + " records read before it).";
                WriteError(new ErrorRecord(new FormatException(message, ex), ErrorIds.InvalidFeed, ErrorCategory.InvalidData, where)
                {
                    ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Check the feed's format (-Format Json, Csv or Xml) and that the download is complete." },
                });
                return;
            }
            WriteVerboseLine(where + ": " + records + " records" + (errors > 0 ? ", " + errors + " rows with errors" : "") + ".");
        }
    }
}
