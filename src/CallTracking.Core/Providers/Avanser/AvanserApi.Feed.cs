using System;
using System.Collections.Generic;
using System.Linq;

namespace CallTracking.Core.Providers.Avanser
{
    /// <summary>How a data-feed field's text is read.</summary>
    public enum AvanserFeedFieldKind
    {
        /// <summary>Text; empty is null.</summary>
        Text,
        /// <summary>A whole number (ids).</summary>
        Integer,
        /// <summary>Whole seconds, read as a TimeSpan.</summary>
        Seconds,
        /// <summary>0/1 (or true/false, yes/no), read as a bool.</summary>
        Flag,
        /// <summary>A phone number as +CC-LOCAL, read as E.164.</summary>
        Phone,
        /// <summary>"YYYY-MM-DD HH:MM:SS" wall-clock time in call_timezone, read as a DateTimeOffset.</summary>
        LocalTime,
        /// <summary>"YYYY-MM-DDTHH:MM:SS+hhmm", read as a DateTimeOffset.</summary>
        TzTime,
        /// <summary>Unix seconds, read as a DateTimeOffset (UTC).</summary>
        UnixTime,
    }

    /// <summary>One field of the data feed: its name (JSON member, CSV header, XML element), how it is read, and the typed
    /// property of <see cref="AvanserFeedCallRecord"/> it lands in.</summary>
    public sealed class AvanserFeedField
    {
        public AvanserFeedField(string name, AvanserFeedFieldKind kind, string property, string source, string description)
        {
            Name = name;
            Kind = kind;
            Property = property;
            Source = source;
            Description = description;
        }

        public string Name { get; }
        public AvanserFeedFieldKind Kind { get; }
        public string Property { get; }
        /// <summary>[seed], [notes] or [assumed] with the reason.</summary>
        public string Source { get; }
        public string Description { get; }
        public override string ToString() => Name;
    }

    public static partial class AvanserApi
    {
        // ---- Data feed [seed] "Data Feed" and "Data Feeds" ------------------------------------------------------------------------
        // "Feed" URLs are given by AVANSER per client (HTTPS; static HTTP Basic password or IP whitelisting [seed]) and return
        // the most recent call records in JSON, CSV or XML [seed]. The seed shows one JSON example with every field below, in
        // this order; the CSV and XML layouts are not shown anywhere and are [assumed] (the wire contract docs/wire-avanser.md
        // of the sandbox uses the same): CSV = a header row of these names, RFC 4180 quoting, null as an empty cell; XML =
        // <calls><call><field>value</field>…</call>…</calls>, null as an empty element (nil="true").

        private static AvanserFeedField F(string name, AvanserFeedFieldKind kind, string property, string description, string source = "[seed]")
            => new AvanserFeedField(name, kind, property, source, description);

        /// <summary>Every field of the seed's JSON example, in its order (call_param_01…09 expanded from its "call_param_0[1-7]").</summary>
        public static readonly IReadOnlyList<AvanserFeedField> FeedFields = BuildFeedFields();

        private static IReadOnlyList<AvanserFeedField> BuildFeedFields()
        {
            var list = new List<AvanserFeedField>
            {
                F("call_audio_url", AvanserFeedFieldKind.Text, "RecordingUrl", "URL of the call's recording (empty when none)"),
                F("call_connection_duration", AvanserFeedFieldKind.Seconds, "ConnectionDuration", "Seconds until the call was connected ([assumed] meaning: the seed gives 1 with duration 17 and talk 16)"),
                F("call_direction", AvanserFeedFieldKind.Text, "Direction", "call-in or call-out"),
                F("call_duration", AvanserFeedFieldKind.Seconds, "TotalDuration", "Call duration in seconds"),
                F("call_end_time", AvanserFeedFieldKind.LocalTime, "LocalEndTime", "End, local time in call_timezone"),
                F("call_has_audio", AvanserFeedFieldKind.Flag, "HasAudio", "1 when the call has a recording"),
                F("call_id", AvanserFeedFieldKind.Integer, "Id", "AVANSER's call id"),
                F("call_is_artic", AvanserFeedFieldKind.Flag, "IsArtic", "1 for an ARTIC call-centre call"),
                F("call_local_time", AvanserFeedFieldKind.LocalTime, "LocalTime", "The call's local time in call_timezone"),
            };
            for (var i = 1; i <= FeedParameterCount; i++)
            {
                // [seed] 01-07 are 0 (numbers) and 08-09 "" (text) in the example; [assumed] all are text, as the callback's
                // feature-tracking values (cd_cpNN) are: a customer's parameter may hold anything.
                list.Add(F(FeedParameterName(i), AvanserFeedFieldKind.Text, "CallParameters[" + i + "]",
                    "Call parameter #" + i + " (text: the seed types 01-07 as numbers, 08-09 as text)"));
            }
            list.AddRange(new[]
            {
                F("call_start_time", AvanserFeedFieldKind.LocalTime, "LocalStartTime", "Start, local time in call_timezone"),
                F("call_status", AvanserFeedFieldKind.Text, "Status", "Call status text (Missed, Answered…)"),
                F("call_status_code", AvanserFeedFieldKind.Integer, "StatusCode", "Call status code (as the callback's callcode)"),
                F("call_talk_duration", AvanserFeedFieldKind.Seconds, "AnsweredDuration", "Talk time in seconds"),
                F("call_timezone", AvanserFeedFieldKind.Text, "TimeZone", "IANA time zone of the local times (Australia/Sydney)"),
                F("call_tz_end_time", AvanserFeedFieldKind.TzTime, "EndedAt", "End with its UTC offset"),
                F("call_tz_start_time", AvanserFeedFieldKind.TzTime, "CreatedAt", "Start with its UTC offset"),
                F("call_u_end_time", AvanserFeedFieldKind.UnixTime, "UnixEndTime", "End, Unix seconds"),
                F("call_u_start_time", AvanserFeedFieldKind.UnixTime, "UnixTime", "Start, Unix seconds"),
                F("call_unique_id", AvanserFeedFieldKind.Text, "UniqueId", "Unique call tag (as the callback's uniqueid)"),
                F("caller_country", AvanserFeedFieldKind.Text, "CallerCountry", "Detected caller country"),
                F("caller_location", AvanserFeedFieldKind.Text, "CallerCity", "Detected caller location"),
                F("caller_number", AvanserFeedFieldKind.Phone, "CallerNumber", "Calling number (+CC-LOCAL), E.164 here"),
                F("caller_state", AvanserFeedFieldKind.Text, "CallerState", "Detected caller state"),
                F("client_id", AvanserFeedFieldKind.Integer, "ClientId", "AVANSER's client id"),
                F("custom_group", AvanserFeedFieldKind.Text, "CustomGroup", "custom_group of the tracking number (attribution)"),
                F("custom_id", AvanserFeedFieldKind.Text, "CustomId", "custom_id of the tracking number (attribution)"),
                F("private_reference", AvanserFeedFieldKind.Text, "PrivateReference", "Private reference (null in the seed; [assumed] text)"),
                F("target_name", AvanserFeedFieldKind.Text, "TargetName", "Answer point name"),
                F("target_number", AvanserFeedFieldKind.Phone, "ConnectedTo", "Answer point number (+CC-LOCAL), E.164 here"),
                F("tracking_master_id", AvanserFeedFieldKind.Integer, "TrackingMasterId", "Master tracking service id (0 in the seed; [assumed] meaning)"),
                F("tracking_name", AvanserFeedFieldKind.Text, "TrackingName", "Tracking number name"),
                F("tracking_notes", AvanserFeedFieldKind.Text, "TrackingNotes", "Notes of the tracking number"),
                F("tracking_number", AvanserFeedFieldKind.Phone, "CalledNumber", "Tracking number (+CC-LOCAL), E.164 here"),
                F("tracking_wpc_id", AvanserFeedFieldKind.Integer, "TrackingWpcId", "WPC id of the tracking service (0 in the seed; [assumed] meaning)"),
            });
            return list;
        }

        /// <summary>[seed] call_param_01 … call_param_09.</summary>
        public const int FeedParameterCount = 9;

        public static string FeedParameterName(int index) => "call_param_" + index.ToString("00", System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>The field definition by its name (case ignored); null for a field the seed does not show (kept in Raw as text).</summary>
        public static AvanserFeedField? FindFeedField(string name)
            => FeedFields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

        /// <summary>The field a record cannot do without: its id [seed].</summary>
        public const string FeedIdField = "call_id";
        /// <summary>The time zone the local times are in [seed].</summary>
        public const string FeedTimeZoneField = "call_timezone";

        // ---- Formats -------------------------------------------------------------------------------------------------------------
        /// <summary>[seed] "Feeds are available in CSV, JSON and XML format"; Auto decides from Content-Type, extension, first byte.</summary>
        public static readonly IReadOnlyList<string> FeedFormats = new[] { "Auto", "Json", "Csv", "Xml" };

        /// <summary>[assumed] the usual media types of each format (the seed names none); "+json"/"+xml" suffixes count too.</summary>
        public static readonly IReadOnlyList<string> FeedJsonContentTypes = new[] { "application/json", "text/json" };
        public static readonly IReadOnlyList<string> FeedCsvContentTypes = new[] { "text/csv", "application/csv", "text/comma-separated-values" };
        public static readonly IReadOnlyList<string> FeedXmlContentTypes = new[] { "application/xml", "text/xml" };

        /// <summary>[assumed] file extensions (the sandbox serves calls.json, calls.csv, calls.xml).</summary>
        public static readonly IReadOnlyList<string> FeedJsonExtensions = new[] { ".json" };
        public static readonly IReadOnlyList<string> FeedCsvExtensions = new[] { ".csv", ".txt" };
        public static readonly IReadOnlyList<string> FeedXmlExtensions = new[] { ".xml" };

        /// <summary>[assumed] the XML element of one call: "call" (as &lt;calls&gt;&lt;call&gt;…), or another usual row name.</summary>
        public static readonly IReadOnlyList<string> FeedXmlRecordElements = new[] { "call", "record", "row" };
        /// <summary>[assumed] the attribute marking a null field in XML (nil="true", as xsi:nil).</summary>
        public const string FeedXmlNilAttribute = "nil";

        /// <summary>[assumed] the CSV delimiter (the seed shows no CSV).</summary>
        public const string FeedCsvDelimiter = ",";

        /// <summary>The operation name of a feed download in messages and -Verbose.</summary>
        public const string FeedOperation = "Avanser.Feed";

        /// <summary>[assumed] the largest single JSON record (a guard against an unterminated object, not a limit of the feed).</summary>
        public const int FeedMaxRecordBytes = 4 * 1024 * 1024;
    }
}
