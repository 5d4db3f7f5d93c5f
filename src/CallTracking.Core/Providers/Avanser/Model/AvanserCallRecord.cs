using System;
using System.Collections.Generic;
using CallTracking.Core.Model;

namespace CallTracking.Core.Providers.Avanser
{
    /// <summary>
    /// An AVANSER call as its HTTP callback reports it: the shared fields (CalledNumber = bnum, CallerNumber = ani, ConnectedTo =
    /// target, Status = callstatus, CreatedAt = tzdate, TotalDuration = duration, CallerCity/Country, RecordingUrl = audio)
    /// plus every other tag of AvanserApi.CallbackTagDefinitions, typed. Raw holds every query parameter as received (the
    /// token left out), under the name it came by.
    /// </summary>
    public class AvanserCallRecord : CallRecord
    {
        public AvanserCallRecord(string id, IReadOnlyDictionary<string, object?>? raw = null)
            : base(AvanserApi.ProviderName, id, raw)
        {
        }

        public long? ClientId { get; set; }
        public string? UniqueId { get; set; }
        public int? StatusCode { get; set; }
        /// <summary>adname: the tracking number's friendly name.</summary>
        public string? TrackingName { get; set; }
        public string? TargetName { get; set; }
        public string? CallerState { get; set; }
        /// <summary>True when ani was "Private" (CallerNumber is then empty).</summary>
        public bool CallerPrivate { get; set; }
        public DateTimeOffset? UnixTime { get; set; }
        /// <summary>calldate (day/month/year): the date only.</summary>
        public DateTime? CallDate { get; set; }
        public DateTimeOffset? CallDateUtc { get; set; }
        public DateTimeOffset? UtcDate { get; set; }
        public string? Label { get; set; }
        /// <summary>Feature tracking #1 to #10 (cd_cpNN values with featNN names), only those the callback carried.</summary>
        public IReadOnlyList<AvanserCallFeature> Features { get; set; } = AvanserCallFeatureList.Empty;
        public string? IvrSelections { get; set; }
        /// <summary>The dl: tags (dynamic numbers).</summary>
        public AvanserWebVisit Web { get; set; } = new AvanserWebVisit();
        /// <summary>The web: tags (Google Analytics).</summary>
        public AvanserAnalytics Analytics { get; set; } = new AvanserAnalytics();
        public AvanserParty APartyNumber { get; set; } = new AvanserParty();
        public AvanserParty BPartyNumber { get; set; } = new AvanserParty();
        public AvanserParty CPartyNumber { get; set; } = new AvanserParty();
        public string? Disposition { get; set; }
        public string? Direction { get; set; }
        /// <summary>The sentiment: tags.</summary>
        public AvanserSentiment Sentiment { get; set; } = new AvanserSentiment();
        public string? CustomId { get; set; }
        public string? CustomGroup { get; set; }
        /// <summary>getCDR's spooler_id.</summary>
        public long? SpoolerId { get; set; }
        /// <summary>getCDR's type (call-in…).</summary>
        public string? CallType { get; set; }
        /// <summary>getCDR's date as sent with -LocalTime (the account's local time, no offset on the wire).</summary>
        public DateTime? LocalDate { get; set; }
        /// <summary>getCDR's eval_&lt;id&gt; answers (-Evaluations), by field name.</summary>
        public IReadOnlyDictionary<string, string?> Evaluations { get; set; } = AvanserEvaluationAnswers.Empty;
        /// <summary>The callback URL as received (the token's value replaced by ***).</summary>
        public string? SourceUri { get; set; }
        /// <summary>The line number of the input (log line, pipeline item) it was read from; 0 when received by Receive-CallEvent.</summary>
        public long LineNumber { get; set; }

        public override string ToString() => Id;
    }

    /// <summary>
    /// The feature pairs of a call. Its text is "name=value; name=value", so Export-Csv and string conversion give a
    /// readable cell instead of a type name.
    /// </summary>
    public sealed class AvanserCallFeatureList : System.Collections.ObjectModel.ReadOnlyCollection<AvanserCallFeature>
    {
        public static readonly AvanserCallFeatureList Empty = new AvanserCallFeatureList(Array.Empty<AvanserCallFeature>());
        public AvanserCallFeatureList(IList<AvanserCallFeature> features) : base(features) { }
        public override string ToString() => string.Join("; ", this);
    }

    /// <summary>getCDR's evaluation answers by field name; its text is "eval_1=no; eval_2=4" (for Export-Csv).</summary>
    public sealed class AvanserEvaluationAnswers : System.Collections.ObjectModel.ReadOnlyDictionary<string, string?>
    {
        public static readonly AvanserEvaluationAnswers Empty = new AvanserEvaluationAnswers(new Dictionary<string, string?>());
        public AvanserEvaluationAnswers(IDictionary<string, string?> answers) : base(answers) { }
        public override string ToString() => string.Join("; ", System.Linq.Enumerable.Select(this, p => p.Key + "=" + p.Value));
    }

    /// <summary>One feature-tracking pair: featNN (name) and cd_cpNN (value).</summary>
    public sealed class AvanserCallFeature
    {
        public AvanserCallFeature(int index) { Index = index; }
        public int Index { get; }
        public string? Name { get; set; }
        public string? Value { get; set; }
        public override string ToString() => (Name ?? "feat" + Index.ToString("00", System.Globalization.CultureInfo.InvariantCulture)) + "=" + Value;
    }

    /// <summary>The dl: family (dynamic numbers: the visit that showed the number).</summary>
    public sealed class AvanserWebVisit
    {
        public string? Url { get; set; }
        public string? Source { get; set; }
        public string? Medium { get; set; }
        public string? Term { get; set; }
        public string? Campaign { get; set; }
        public string? Location { get; set; }
        public string? State { get; set; }
        public string? Country { get; set; }
        /// <summary>getCDR's webReferrer.</summary>
        public string? Referrer { get; set; }
        /// <summary>getCDR's webLandning.</summary>
        public string? LandingPage { get; set; }
        /// <summary>getCDR's webConversion.</summary>
        public string? Conversion { get; set; }
        /// <summary>getCDR's IP (the visitor's address).</summary>
        public string? Ip { get; set; }
        public override string ToString() => Url ?? Source ?? string.Empty;
    }

    /// <summary>The web: family (Google Analytics).</summary>
    public sealed class AvanserAnalytics
    {
        public string? UserCode { get; set; }
        public string? SessionCode { get; set; }
        /// <summary>The GA client id: usercode.sessioncode (as sent, or made from the two codes).</summary>
        public string? ClientId { get; set; }
        public string? Gclid { get; set; }
        public override string ToString() => ClientId ?? Gclid ?? string.Empty;
    }

    /// <summary>An aparty:/bparty:/cparty: family.</summary>
    public sealed class AvanserParty
    {
        public string? E164 { get; set; }
        public string? State { get; set; }
        public string? Country { get; set; }
        public override string ToString() => E164 ?? string.Empty;
    }

    /// <summary>The sentiment: family (scores as numbers, flags as booleans).</summary>
    public sealed class AvanserSentiment
    {
        public double? Score { get; set; }
        public double? Agent { get; set; }
        public double? Caller { get; set; }
        public string? TalkMost { get; set; }
        public double? Communication { get; set; }
        public double? Conduct { get; set; }
        public double? Politeness { get; set; }
        public bool? HighRisk { get; set; }
        public bool? BadAttitude { get; set; }
        public bool? SlangUsed { get; set; }
        public bool? ProfanityUsed { get; set; }
        public override string ToString() => Score?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
