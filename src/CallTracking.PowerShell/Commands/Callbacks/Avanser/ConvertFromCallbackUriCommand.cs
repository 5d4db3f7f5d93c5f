using System;
using System.Management.Automation;
using CallTracking.Core.Model;
using CallTracking.Core.Providers.Avanser;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Errors;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Commands.Callbacks
{
    /// <summary>
    /// Turns AVANSER callback URLs, or web-server log lines holding them (common/combined log format, or any line with an
    /// http(s) URL or a /path?query), into AvanserCallRecord objects, and SMS forwards into AvanserSmsForward objects, one
    /// per input line as it arrives (Get-Content access.log | ConvertFrom-CallbackUri streams). A line without a callback is
    /// a non-terminating NotACallback error naming its line number, or skipped with -SkipInvalid; blank lines are skipped.
    /// (In a folder named after its provider: the tags are AVANSER's.)
    /// </summary>
    [Cmdlet(VerbsData.ConvertFrom, "CallbackUri")]
    [OutputType(typeof(AvanserCallRecord), typeof(AvanserSmsForward))]
    public sealed class ConvertFromCallbackUriCommand : CallTrackingCmdletBase
    {
        private long _line;
        private long _skipped;

        /// <summary>A callback URL or a log line (several, or one per pipeline object).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [Alias("Uri", "Line")]
        [AllowEmptyString]
        [AllowNull]
        public string?[] InputObject { get; set; } = Array.Empty<string>();

        /// <summary>Skip lines without a callback (a verbose line each) instead of reporting them as errors.</summary>
        [Parameter]
        [BooleanTransformation(nameof(SkipInvalid))]
        public SwitchParameter SkipInvalid { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var line in Lines(InputObject))
            {
                _line++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                var record = AvanserCallbackParser.TryParseLine(line, _line, out var why);
                if (record != null)
                {
                    WriteObject(record);
                    continue;
                }
                var message = "Line " + _line + " " + why + ".";
                if (SkipInvalid.IsPresent)
                {
                    _skipped++;
                    WriteVerboseLine(message + " Skipped (-SkipInvalid).");
                    continue;
                }
                var error = new ErrorRecord(new FormatException(message), ErrorIds.NotACallback, ErrorCategory.InvalidData, AvanserCallbackParser.RedactToken(line!));
                error.ErrorDetails = new ErrorDetails(message)
                {
                    RecommendedAction = "Give a callback URL such as " + AvanserApi.CallbackExampleBaseUri + "?callid=123&bnum=%2B61-0289996235 (New-CallbackUriTemplate shows the tags), or use -SkipInvalid to pass over other lines.",
                };
                WriteError(error);
            }
        }

        // A multi-line string (Get-Content -Raw, a here-string) is its lines.
        private static System.Collections.Generic.IEnumerable<string?> Lines(string?[]? input)
        {
            foreach (var item in input ?? Array.Empty<string>())
            {
                if (item is null || item.IndexOf('\n') < 0) { yield return item; continue; }
                var parts = item.Split('\n');
                var count = parts.Length;
                if (count > 1 && parts[count - 1].Length == 0) count--; // the final newline ends the last line
                for (var i = 0; i < count; i++) yield return parts[i].TrimEnd('\r');
            }
        }

        protected override void EndProcessing()
        {
            if (_skipped > 0) WriteVerboseLine(_skipped + " of " + _line + " lines held no callback and were skipped.");
            base.EndProcessing();
        }
    }
}
