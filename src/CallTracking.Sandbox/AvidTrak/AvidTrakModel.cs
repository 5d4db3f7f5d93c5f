using System;
using System.Collections.Generic;
using System.Linq;

namespace CallTracking.Sandbox.AvidTrak
{
    /// <summary>An account of the emulator: the agency, a client under it, or an individual client. The state hands out
    /// copies; <see cref="ToString"/> never shows the pincode or the password.</summary>
    public sealed class AvidTrakAccount
    {
        public string UserId { get; internal set; } = "";

        /// <summary>The API pincode (the sandbox's own, documented ones; a real one is a secret).</summary>
        public string Pincode { get; internal set; } = "";

        public string Password { get; internal set; } = "";

        /// <summary>pro (online and offline tracking) or lite (offline tracking only).</summary>
        public string AccountType { get; internal set; } = "pro";

        public string Email { get; internal set; } = "";
        public string ContactName { get; internal set; } = "";

        /// <summary>National digits; also the default forwarding number a removed metro site number's tracking numbers return to.</summary>
        public string ContactNumber { get; internal set; } = "";

        public string Domain { get; internal set; } = "";
        public decimal Balance { get; internal set; }
        public bool IsAgency { get; internal set; }

        /// <summary>The agency's user id for a client under the agency; null for the agency and an individual client.</summary>
        public string? AgencyUserId => Agency?.UserId;

        public DateTimeOffset Created { get; internal set; }

        public IReadOnlyList<AvidTrakNumber> Numbers => NumberList.Select(n => n.Clone()).ToList();
        public IReadOnlyList<AvidTrakLiteCampaign> LiteCampaigns => CampaignList.Select(c => c.Clone()).ToList();
        public IReadOnlyList<AvidTrakMetroSite> MetroSites => SiteList.Select(s => s.Clone()).ToList();

        /// <summary>The website numbers on the SMART REPLACE manifest (set_smart_replacement), in the order added.</summary>
        public IReadOnlyList<string> SmartReplacementNumbers => SmartReplacement.ToList();

        /// <summary>The generated call log, oldest first.</summary>
        public IReadOnlyList<AvidTrakCall> Calls => CallList.ToList();

        internal List<AvidTrakNumber> NumberList = new List<AvidTrakNumber>();
        internal List<AvidTrakLiteCampaign> CampaignList = new List<AvidTrakLiteCampaign>();
        internal List<AvidTrakMetroSite> SiteList = new List<AvidTrakMetroSite>();
        internal List<string> SmartReplacement = new List<string>();
        internal List<AvidTrakCall> CallList = new List<AvidTrakCall>();

        /// <summary>Index among all accounts, for generated data keyed by account.</summary>
        internal int Index;

        /// <summary>The agency a client is under (in a copy: a copy of the agency, without its lists).</summary>
        internal AvidTrakAccount? Agency;

        internal AvidTrakAccount Clone()
        {
            var copy = (AvidTrakAccount)MemberwiseClone();
            copy.NumberList = NumberList.Select(n => n.Clone()).ToList();
            copy.CampaignList = CampaignList.Select(c => c.Clone()).ToList();
            copy.SiteList = SiteList.Select(s => s.Clone()).ToList();
            copy.SmartReplacement = SmartReplacement.ToList();
            copy.CallList = CallList.ToList();
            if (Agency != null)
            {
                copy.Agency = (AvidTrakAccount)Agency.MemberwiseClone();
                copy.Agency.NumberList = new List<AvidTrakNumber>();
                copy.Agency.CampaignList = new List<AvidTrakLiteCampaign>();
                copy.Agency.SiteList = new List<AvidTrakMetroSite>();
                copy.Agency.SmartReplacement = new List<string>();
                copy.Agency.CallList = new List<AvidTrakCall>();
            }
            return copy;
        }

        public override string ToString() => UserId + " (" + (IsAgency ? "agency" : AgencyUserId is null ? "individual client" : "client of " + AgencyUserId) + ", " + AccountType + ")";
    }

    /// <summary>An owned tracking number.</summary>
    public sealed class AvidTrakNumber
    {
        /// <summary>PN + 32 lower-case hex characters.</summary>
        public string Sid { get; internal set; } = "";

        /// <summary>National digits (10 for US/CA).</summary>
        public string Number { get; internal set; } = "";

        /// <summary>toll or local.</summary>
        public string NumberType { get; internal set; } = "local";

        public string AreaCode { get; internal set; } = "";
        public string Country { get; internal set; } = "US";

        /// <summary>The marketing channel (assign_number's type: gppc … linksource, or lite); "" = unassigned.</summary>
        public string Channel { get; internal set; } = "";

        public string ForwardNumber { get; internal set; } = "";
        public string Extension { get; internal set; } = "";
        public bool Recording { get; internal set; }
        public string GreetCaller { get; internal set; } = "";
        public string WhisperMessage { get; internal set; } = "";
        public bool EnableEmail { get; internal set; }

        /// <summary>Comma-separated addresses, as sent.</summary>
        public string EmailAlerts { get; internal set; } = "";

        public DateTimeOffset DateAdded { get; internal set; }

        /// <summary>insert/edit_round_robin's use_default_first (default yes).</summary>
        public bool UseDefaultFirst { get; internal set; } = true;

        /// <summary>The round-robin list in ring order.</summary>
        public IReadOnlyList<AvidTrakRoundRobinTarget> RoundRobin => RoundRobinList.Select(t => t.Clone()).ToList();

        /// <summary>pro = an online channel (every channel but lite), lite = the lite channel, none = unassigned.</summary>
        public bool IsPro => Channel.Length > 0 && Channel != "lite";
        public bool IsLite => Channel == "lite";

        internal List<AvidTrakRoundRobinTarget> RoundRobinList = new List<AvidTrakRoundRobinTarget>();

        internal AvidTrakNumber Clone()
        {
            var copy = (AvidTrakNumber)MemberwiseClone();
            copy.RoundRobinList = RoundRobinList.Select(t => t.Clone()).ToList();
            return copy;
        }

        public override string ToString() => Sid + " " + Number + " (" + NumberType + ", " + (Channel.Length == 0 ? "unassigned" : Channel) + ")";
    }

    /// <summary>One receiving number of a tracking number's round-robin list.</summary>
    public sealed class AvidTrakRoundRobinTarget
    {
        public long Id { get; internal set; }
        public string ForwardingNumber { get; internal set; } = "";
        public string Extension { get; internal set; } = "";
        public string Label { get; internal set; } = "";

        internal AvidTrakRoundRobinTarget Clone() => (AvidTrakRoundRobinTarget)MemberwiseClone();

        public override string ToString() => Id + " " + ForwardingNumber + (Label.Length == 0 ? "" : " (" + Label + ")");
    }

    /// <summary>An offline (lite) campaign of a tracking number.</summary>
    public sealed class AvidTrakLiteCampaign
    {
        public long Id { get; internal set; }
        public string Title { get; internal set; } = "";
        public string Sid { get; internal set; } = "";
        public string Adgroup { get; internal set; } = "";
        public string ForwardNumber { get; internal set; } = "";
        public string Extension { get; internal set; } = "";
        public DateTimeOffset Created { get; internal set; }

        internal AvidTrakLiteCampaign Clone() => (AvidTrakLiteCampaign)MemberwiseClone();

        public override string ToString() => Id + " " + Title;
    }

    /// <summary>A website phone number targeted on metro pages, with the tracking numbers allocated to it.</summary>
    public sealed class AvidTrakMetroSite
    {
        public long Id { get; internal set; }
        public string SiteNumber { get; internal set; } = "";
        public string Title { get; internal set; } = "";
        public string ForwardNumber { get; internal set; } = "";

        /// <summary>SIDs of the allocated tracking numbers, in allocation order.</summary>
        public IReadOnlyList<string> Sids => SidList.ToList();

        internal List<string> SidList = new List<string>();

        internal AvidTrakMetroSite Clone()
        {
            var copy = (AvidTrakMetroSite)MemberwiseClone();
            copy.SidList = SidList.ToList();
            return copy;
        }

        public override string ToString() => Id + " " + SiteNumber + " " + Title;
    }

    /// <summary>A generated call (immutable).</summary>
    public sealed class AvidTrakCall
    {
        internal AvidTrakCall(long id, string sid, string trackingNumber, string callerNumber, string forwardNumber, DateTimeOffset date,
            int duration, string status, string channel, long campaignId, string campaign, string city, string state, string recordingUrl)
        {
            Id = id;
            Sid = sid;
            TrackingNumber = trackingNumber;
            CallerNumber = callerNumber;
            ForwardNumber = forwardNumber;
            Date = date;
            Duration = duration;
            Status = status;
            Channel = channel;
            CampaignId = campaignId;
            Campaign = campaign;
            City = city;
            State = state;
            RecordingUrl = recordingUrl;
        }

        public long Id { get; }
        public string Sid { get; }
        public string TrackingNumber { get; }
        public string CallerNumber { get; }
        public string ForwardNumber { get; }
        public DateTimeOffset Date { get; }

        /// <summary>Seconds.</summary>
        public int Duration { get; }

        /// <summary>answered, missed, busy or voicemail.</summary>
        public string Status { get; }

        /// <summary>The number's channel when the call came in ("" = unassigned).</summary>
        public string Channel { get; }

        /// <summary>The lite campaign's id, 0 = none.</summary>
        public long CampaignId { get; }

        public string Campaign { get; }
        public string City { get; }
        public string State { get; }
        public string RecordingUrl { get; }

        public override string ToString() => Id + " " + Date.ToString("u", System.Globalization.CultureInfo.InvariantCulture) + " " + TrackingNumber + " " + Status;
    }
}
