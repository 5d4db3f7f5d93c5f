using System;
using System.Collections.Generic;

namespace CallTracking.Core.Providers.Avanser
{
    /// <summary>
    /// An AVANSER call as its data feed reports it (Get-CallDataFeed): an <see cref="AvanserCallRecord"/> (the fields the feed
    /// shares with the callback: ClientId, UniqueId, Status, StatusCode, numbers in E.164, TrackingName, TargetName,
    /// CustomId/CustomGroup, Direction, UnixTime, CreatedAt, EndedAt, durations) plus the feed's own fields, each mapped by
    /// AvanserApi.FeedFields. Raw holds every field by its feed name in one form for the three formats: whole numbers as long
    /// (the Integer, Seconds, Flag and UnixTime fields), everything else as text, empty or null as null (CSV cannot tell the
    /// two apart), so a record read from JSON, CSV or XML is the same.
    /// </summary>
    public sealed class AvanserFeedCallRecord : AvanserCallRecord
    {
        public AvanserFeedCallRecord(string id, IReadOnlyDictionary<string, object?>? raw = null)
            : base(id, raw)
        {
        }

        /// <summary>call_connection_duration.</summary>
        public TimeSpan? ConnectionDuration { get; set; }
        /// <summary>call_has_audio.</summary>
        public bool? HasAudio { get; set; }
        /// <summary>call_is_artic: an ARTIC call-centre call.</summary>
        public bool? IsArtic { get; set; }
        /// <summary>call_timezone (IANA name).</summary>
        public string? TimeZone { get; set; }
        /// <summary>call_local_time read in call_timezone (its UTC offset then).</summary>
        public DateTimeOffset? LocalTime { get; set; }
        /// <summary>call_start_time read in call_timezone.</summary>
        public DateTimeOffset? LocalStartTime { get; set; }
        /// <summary>call_end_time read in call_timezone.</summary>
        public DateTimeOffset? LocalEndTime { get; set; }
        /// <summary>call_u_end_time (UnixTime is call_u_start_time).</summary>
        public DateTimeOffset? UnixEndTime { get; set; }
        /// <summary>call_param_01 … call_param_09 as text (index 0 is call_param_01); null where empty.</summary>
        public IReadOnlyList<string?> CallParameters { get; set; } = new string?[AvanserApi.FeedParameterCount];
        public string? PrivateReference { get; set; }
        public long? TrackingMasterId { get; set; }
        public string? TrackingNotes { get; set; }
        public long? TrackingWpcId { get; set; }
        /// <summary>The record's place in the feed (1 = first), whatever the format.</summary>
        public long RowNumber { get; set; }
    }
}
