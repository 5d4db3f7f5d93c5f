namespace CallTracking.Sandbox.TrackDrive
{
    /// <summary>One computed call, all value types (no allocation); strings come from the catalog's UTF-8 tables.</summary>
    internal struct CallData
    {
        public long Index;
        public long Id;
        public long CreatedTicks;
        /// <summary>UTC ticks, or -1 while in progress.</summary>
        public long EndedTicks;
        public ulong UuidHi, UuidLo, SidHi, SidLo;

        /// <summary>Index into the initial number pool.</summary>
        public int Number;
        public long NumberId;
        /// <summary>number_called as UTF-8 "+1…" (shared, never written to).</summary>
        public byte[] NumberE164;
        public int Offer, TrafficSource, Provider;
        /// <summary>-1 = no buyer.</summary>
        public int Buyer;
        public int Status, SubStatus, City, Interest;
        /// <summary>-1 = null.</summary>
        public int SubId, HangupReason;
        public long RingPoolId; // 0 = null
        public long CallerNumber; // digits with country code 1
        public long ContactId;

        public int TotalDuration, HoldDuration, IvrDuration, AnsweredDuration, Webhooks;
        public bool InProgress, HasRecording, BuyerConverted, BuyerRepeat, TsConverted, TsRepeat, BuyerDupe, OfferDupe;

        /// <summary>Money in cents (revenue, payout) and ten-thousandths (costs).</summary>
        public long BuyerRevenue, TsPayout, TdCost, ProviderCost;

        public long ProviderConfigurationId => TrackDriveCatalog.ProviderConfigurationBase + Provider;
        public long CostUnits => TdCost + ProviderCost; // 1e-4
        public long RevenueUnits => BuyerRevenue * 100; // 1e-4
        public long PayoutUnits => TsPayout * 100; // 1e-4
        public long ProfitUnits => RevenueUnits - PayoutUnits - CostUnits;
        public int AreaCode => (int)(CallerNumber / 10_000_000 % 1000);
    }
}
