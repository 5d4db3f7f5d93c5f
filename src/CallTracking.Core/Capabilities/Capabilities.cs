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

    /// <summary>Save-CallRecording: a call's recording, read whole under the connection's response cap (-MaxResponseMB).</summary>
    public interface ICallRecordings
    {
        /// <summary>The recording's bytes and media type (null when the reply names none); a NotFound error when the call has none.</summary>
        Task<CallRecording> GetRecordingAsync(string callId, CancellationToken cancellationToken);
    }

    /// <summary>A downloaded recording.</summary>
    public sealed class CallRecording
    {
        public CallRecording(string callId, byte[] content, string? mediaType, string extension)
        {
            CallId = callId;
            Content = content;
            MediaType = mediaType;
            Extension = extension;
        }

        public string CallId { get; }
        public byte[] Content { get; }
        public string? MediaType { get; }
        /// <summary>The file extension for the media type (".wav", ".mp3"), with its dot.</summary>
        public string Extension { get; }
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
