using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Model;
using CallTracking.Core.Paging;

namespace CallTracking.Core.Capabilities
{
    // What a provider can do, one interface per function a cmdlet needs. A provider's client implements those it has;
    // a cmdlet asks the connection for one (CallTrackingConnection.Capability<T>) and gets a clear NotSupported error when
    // the provider lacks it.

    /// <summary>Get-CallLog.</summary>
    public interface ICallLog
    {
        /// <summary>Validates the query (an argument error before anything is sent), then streams the calls.</summary>
        IAsyncEnumerable<CallRecord> ListCallsAsync(CallLogQuery query, System.Action<PageProgress>? observer, CancellationToken cancellationToken);
        Task<CallRecord> GetCallAsync(string id, CancellationToken cancellationToken);
        /// <summary>Checks a query without sending anything (so -WhatIf and a bad row fail the same way).</summary>
        void Validate(CallLogQuery query);
    }

    /// <summary>Get-CallLog -OutFile: the provider's own CSV of the call log.</summary>
    public interface ICallLogCsv
    {
        Task<long> ExportCallsCsvAsync(CallLogQuery query, Stream destination, System.Action<PageProgress>? observer, CancellationToken cancellationToken);
    }

    /// <summary>Save-CallRecording: a call's recording, streamed to its file (or read whole, when the provider sends it so).</summary>
    public interface ICallRecordings
    {
        /// <summary>The recording and its media type (null when the reply names none), its body not yet read: copy it with
        /// <see cref="CallRecording.CopyToAsync"/>, then dispose it. A NotFound error when the call has none.</summary>
        Task<CallRecording> GetRecordingAsync(string callId, CancellationToken cancellationToken);
    }

    /// <summary>A recording being downloaded: its bytes (read whole) or the reply's stream (read once, by <see cref="CopyToAsync"/>).</summary>
    public sealed class CallRecording : System.IDisposable
    {
        private readonly byte[]? _content;
        private Stream? _stream;
        private System.IDisposable? _owner;
        private readonly string _provider = "";
        private readonly string _operation = "";

        public CallRecording(string callId, byte[] content, string? mediaType, string extension)
        {
            CallId = callId;
            _content = content;
            Length = content.LongLength;
            MediaType = mediaType;
            Extension = extension;
        }

        /// <summary>A recording still on the wire: <paramref name="content"/> is read by <see cref="CopyToAsync"/>;
        /// <paramref name="owner"/> (the HTTP reply) is released by Dispose.</summary>
        public CallRecording(string callId, Stream content, long? length, string? mediaType, string extension, System.IDisposable? owner, string provider = "", string operation = "")
        {
            CallId = callId;
            _provider = provider;
            _operation = operation;
            _stream = content;
            _owner = owner;
            Length = length;
            MediaType = mediaType;
            Extension = extension;
        }

        public string CallId { get; }
        /// <summary>The announced length (null when the reply does not say).</summary>
        public long? Length { get; }
        public string? MediaType { get; }
        /// <summary>The file extension for the media type (".wav", ".mp3"), with its dot.</summary>
        public string Extension { get; }

        /// <summary>
        /// Writes the recording to <paramref name="destination"/> and returns the bytes written. A streamed body is read once,
        /// in 80 KB pieces, each of which must arrive within <paramref name="readTimeout"/> (a stalled download fails instead
        /// of hanging); memory stays one buffer whatever the recording's size.
        /// </summary>
        public async Task<long> CopyToAsync(Stream destination, System.TimeSpan readTimeout, CancellationToken cancellationToken)
        {
            if (destination is null) throw new System.ArgumentNullException(nameof(destination));
            if (_content != null)
            {
                await destination.WriteAsync(_content, 0, _content.Length, cancellationToken).ConfigureAwait(false);
                return _content.LongLength;
            }
            var source = _stream ?? throw new System.InvalidOperationException("The recording of call " + CallId + " was already read.");
            _stream = null;
            var buffer = new byte[81920];
            long total = 0;
            while (true)
            {
                int read;
                using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    if (readTimeout > System.TimeSpan.Zero && readTimeout != Timeout.InfiniteTimeSpan) wait.CancelAfter(readTimeout);
                    // The network's failures are the provider's, not the file's (the caller reports a file error for IOException).
                    try { read = await source.ReadAsync(buffer, 0, buffer.Length, wait.Token).ConfigureAwait(false); }
                    catch (System.OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        throw Incomplete("stalled: no data for " + readTimeout.TotalSeconds + " s after " + total + " bytes");
                    }
                    catch (System.Exception ex) when (ex is IOException || ex is System.Net.Http.HttpRequestException || ex is System.ObjectDisposedException)
                    {
                        throw Incomplete("broke off after " + total + " bytes (" + ex.Message + ")");
                    }
                }
                if (read == 0) break;
                await destination.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
                total += read;
            }
            if (Length.HasValue && total != Length.Value)
                throw Incomplete("ended after " + total + " of the " + Length.Value + " bytes announced");
            return total;
        }

        private CallTrackingException Incomplete(string what)
            => new CallTrackingException(_provider, _operation, CallTrackingErrorKind.ProviderFailure, "The recording of call " + CallId + " " + what + "; no file was written.");

        public void Dispose()
        {
            _stream?.Dispose();
            _stream = null;
            var owner = _owner;
            _owner = null;
            owner?.Dispose();
        }
    }

    /// <summary>Stop-Call.</summary>
    public interface ICallControl
    {
        /// <summary>Ends a call in progress; the call as the provider returns it, or null when the reply has no body.</summary>
        Task<CallRecord?> HangUpCallAsync(string id, CancellationToken cancellationToken);
    }

    /// <summary>Get-CallReport.</summary>
    public interface ICallReports
    {
        IAsyncEnumerable<CallReportRow> GetCallReportAsync(CallReportQuery query, System.Action<PageProgress>? observer, CancellationToken cancellationToken);
        Task<long> ExportCallReportCsvAsync(CallReportQuery query, Stream destination, System.Action<PageProgress>? observer, CancellationToken cancellationToken);
        void Validate(CallReportQuery query);
    }

    /// <summary>Get-CallStatistic.</summary>
    public interface ICallStatistics
    {
        Task<IReadOnlyList<CallStatistic>> GetCallStatisticsAsync(CallStatisticQuery query, CancellationToken cancellationToken);
        void Validate(CallStatisticQuery query);
    }

    /// <summary>Get-TrackingNumber.</summary>
    public interface ITrackingNumbers
    {
        IAsyncEnumerable<TrackingNumber> ListNumbersAsync(NumberQuery query, System.Action<PageProgress>? observer, CancellationToken cancellationToken);
        Task<TrackingNumber> GetNumberAsync(string id, CancellationToken cancellationToken);
        void Validate(NumberQuery query);
    }

    /// <summary>Get-TrackingNumber -OutFile.</summary>
    public interface ITrackingNumbersCsv
    {
        Task<long> ExportNumbersCsvAsync(NumberQuery query, Stream destination, System.Action<PageProgress>? observer, CancellationToken cancellationToken);
    }

    /// <summary>New-TrackingNumber (spends money: sent once).</summary>
    public interface INumberPurchase
    {
        Task<TrackingNumber> PurchaseNumberAsync(NumberPurchase purchase, CancellationToken cancellationToken);
        void Validate(NumberPurchase purchase);
        /// <summary>What would be bought, for -WhatIf and the confirmation prompt ("local number in US, offer 101").</summary>
        string Describe(NumberPurchase purchase);
    }

    /// <summary>Set-TrackingNumber.</summary>
    public interface INumberSettings
    {
        Task<TrackingNumber> UpdateNumberAsync(NumberChange change, CancellationToken cancellationToken);
        void Validate(NumberChange change);
        /// <summary>What would change ("offer_id=102"), for -WhatIf and the prompt.</summary>
        string Describe(NumberChange change);
    }

    /// <summary>Remove-TrackingNumber (destroys state: sent once).</summary>
    public interface INumberRelease
    {
        /// <summary>Releases the number; the number as the provider returns it, or null when the reply has no body.</summary>
        Task<TrackingNumber?> ReleaseNumberAsync(NumberRelease release, CancellationToken cancellationToken);
        void Validate(NumberRelease release);
        /// <summary>What the release does, for -WhatIf and the prompt.</summary>
        string Describe(NumberRelease release);
    }
}
