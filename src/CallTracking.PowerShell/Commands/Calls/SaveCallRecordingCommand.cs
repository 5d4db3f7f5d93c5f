using System;
using System.IO;
using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Model;
using CallTracking.Core.Validation;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Errors;

namespace CallTracking.PowerShell.Commands.Calls
{
    /// <summary>
    /// Downloads a call's recording to a file: one call (-Id) or many from the pipeline (Get-CallLog | Save-CallRecording
    /// -Directory d). The file is named after the call id with the extension of the reply's Content-Type, written beside
    /// its place as `.name.xxxxxxxx.partial` and moved into place only once complete; an existing file is kept unless
    /// -Force. The reply is read whole under the connection's response cap (Connect-CallTracking -MaxResponseMB, 256 MB by
    /// default) and then written. Emits the FileInfo of each file written.
    /// </summary>
    [Cmdlet(VerbsData.Save, "CallRecording", SupportsShouldProcess = true, DefaultParameterSetName = ParameterSets.InputObject)]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveCallRecordingCommand : CallTrackingCmdlet
    {
        /// <summary>The call's id, in the form the provider gives it.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.ById)]
        [Alias("call_id")]
        public string Id { get; set; } = string.Empty;

        /// <summary>A call from Get-CallLog.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
        public ProviderRecord? InputObject { get; set; }

        /// <summary>The file to write (one call). Without -Path or -Directory: the current folder, named after the call id.</summary>
        [Parameter]
        [Alias("OutFile")]
        public string? Path { get; set; }

        /// <summary>The folder to write into (created when missing), each file named after its call id with the extension of its media type.</summary>
        [Parameter]
        public string? Directory { get; set; }

        /// <summary>Overwrite a file that exists (without it, an existing file is an OutFileFailed error and is kept; with -Path nothing is downloaded).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            TryProcess(() =>
            {
                if (Path != null && Directory != null)
                    throw new CallTrackingArgumentException("Path", Path, "either -Path (one file) or -Directory (a folder for many), not both");
                var id = TargetId<CallRecord>(connection, Id, InputObject, "call").Trim();
                if (id.Length == 0) throw new CallTrackingArgumentException("Id", Id, "a call id");
                var recordings = connection.Capability<ICallRecordings>(CommandName);
                var folder = GetUnresolvedProviderPathFromPSPath(Directory ?? ".");
                // The extension comes with the reply: an explicit -Path is used as given, a folder gets id + extension.
                var fixedPath = Path != null ? GetUnresolvedProviderPathFromPSPath(Path) : null;
                var guess = fixedPath ?? System.IO.Path.Combine(folder, SafeName(id) + ".*");
                if (fixedPath != null && !Force && File.Exists(fixedPath)) throw OutFiles.Exists(fixedPath);
                if (!ShouldProcess(TargetOn(connection, "call " + id), "Save the recording to " + guess)) return;
                using var recording = RunAsync(ct => recordings.GetRecordingAsync(id, ct), CommandName);
                var path = fixedPath ?? System.IO.Path.Combine(folder, SafeName(id) + recording.Extension);
                var written = Place(path, recording, connection.Timeout);
                WriteObject(new FileInfo(path));
                WriteVerboseLine("Saved the recording of call " + id + " (" + written + " bytes, " + (recording.MediaType ?? "no media type") + ") to " + path + ".");
            }, (object?)InputObject ?? Id);
        }

        /// <summary>Streams the recording beside the target as a hidden .partial file, then moves it into place (replacing only
        /// with -Force); a download that fails half-way leaves no file. Returns the bytes written.</summary>
        private long Place(string path, CallRecording recording, TimeSpan readTimeout)
        {
            var parameter = Path != null ? nameof(Path) : nameof(Directory);
            try
            {
                System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".");
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException)
            {
                throw new OutFileException(path, ex, parameter);
            }
            return RunAsync(async ct =>
                await OutFiles.WriteAsync(path, file => recording.CopyToAsync(file, readTimeout, ct), Force.IsPresent, parameter).ConfigureAwait(false), CommandName);
        }

        private static string SafeName(string id)
        {
            var invalid = System.IO.Path.GetInvalidFileNameChars();
            var chars = id.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
                if (Array.IndexOf(invalid, chars[i]) >= 0 || chars[i] == '/' || chars[i] == '\\') chars[i] = '_';
            return new string(chars);
        }
    }
}
