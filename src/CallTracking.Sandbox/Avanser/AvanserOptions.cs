using System;

namespace CallTracking.Sandbox.Avanser
{
    /// <summary>
    /// The AVANSER emulator's options: its documented sandbox credentials, stock, the provisioning delay, token lifetime and
    /// how many call records it computes. Set them with <c>options.For&lt;AvanserOptions&gt;()</c> (or <c>options.Avanser()</c>)
    /// before building the sandbox. Defaults (docs/wire-avanser.md): login <c>sandbox@avanser.test</c> / password
    /// <c>sandbox-password</c> (HTTP Basic: Telco API, the WebAPI with <c>client_id=5995</c>, the data feed); account id
    /// <c>5995</c>, API key <c>sandbox-api-key</c> and secret <c>sandbox-api-secret</c> (the WebAPI's token flow).
    /// </summary>
    public sealed class AvanserOptions
    {
        public const string DefaultLogin = "sandbox@avanser.test";
        public const string DefaultPassword = "sandbox-password";
        public const string DefaultClientId = "5995";
        public const string DefaultAccountId = "5995";
        public const string DefaultApiKey = "sandbox-api-key";
        public const string DefaultApiSecret = "sandbox-api-secret";

        /// <summary>A new service or update with this custom_id is accepted, then fails when it would complete.</summary>
        public const string FailingCustomId = "sandbox-fail";

        /// <summary>The login's user name (HTTP Basic).</summary>
        public string Login { get; set; } = DefaultLogin;

        /// <summary>The login's password (HTTP Basic; also the data feed's static password).</summary>
        public string Password { get; set; } = DefaultPassword;

        /// <summary>The client id the WebAPI takes with HTTP Basic (client_id); also the callbacks' clientid and the feed's client_id.</summary>
        public string ClientId { get; set; } = DefaultClientId;

        /// <summary>The account id of the token flow (account_id), and the login's first account on the Telco API.</summary>
        public string AccountId { get; set; } = DefaultAccountId;

        /// <summary>The login's further accounts (a login may reach several [notes]): the Telco API works in one of them when a
        /// request names it with account_id [assumed]; without it, in <see cref="AccountId"/>. Default: 5996.</summary>
        public string[] OtherAccountIds { get; set; } = { "5996" };

        /// <summary>Active services each further account has at the start.</summary>
        public int OtherAccountServiceCount { get; set; } = 2;

        /// <summary>The WebAPI key (api_key of getTokenKey).</summary>
        public string ApiKey { get; set; } = DefaultApiKey;

        /// <summary>The WebAPI secret: signIn's signature is md5(secret + tokenKey) in lower-case hex.</summary>
        public string ApiSecret { get; set; } = DefaultApiSecret;

        /// <summary>How long a signIn token is valid on the sandbox clock (default 10 minutes).</summary>
        public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

        /// <summary>A token also expires after this many requests (0 = no limit), so a long listing on a real clock must renew mid-way.</summary>
        public int TokenRequestLimit { get; set; }

        /// <summary>Call records (CDRs), computed on demand: ids 1…N after <see cref="FirstCallId"/>, spread evenly over <see cref="CallSpan"/> before the anchor.</summary>
        public long CallCount { get; set; } = 5000;

        /// <summary>The id before the first call's.</summary>
        public long FirstCallId { get; set; } = 67_640_000;

        /// <remarks>60 days: well inside Get-CallLog's default window (the 90 days before now) even though the anchor is
        /// the start of the hour, so a listing without -Start returns every call.</remarks>
        public TimeSpan CallSpan { get; set; } = TimeSpan.FromDays(60);

        /// <summary>Days of calls the data feed gives by default, ending at the anchor.</summary>
        public int FeedDays { get; set; } = 1;

        /// <summary>Numbers in the private stock per class (GEO, TOLLFREE, FREECALL, MOBILE); listed before the public stock.</summary>
        public int PrivateStockPerClass { get; set; } = 5;

        /// <summary>Numbers in the public stock per class.</summary>
        public int PublicStockPerClass { get; set; } = 50;

        /// <summary>Active services at the start.</summary>
        public int ServiceCount { get; set; } = 4;

        /// <summary>A provisioning request completes this long after it was submitted, on the sandbox clock (AVANSER: ~7 minutes).</summary>
        public TimeSpan ProvisioningDelay { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>When a new service with a callback_uri completes, send one test call to it (the seed's automatic test call).</summary>
        public bool TestCall { get; set; } = true;

        /// <summary>Every request (new, update, decommission) fails when it would complete.</summary>
        public bool FailAllRequests { get; set; }

        /// <summary>The account's time zone (the feed's call_timezone, getCDR's localtime=yes): a fixed offset.</summary>
        public string TimeZoneName { get; set; } = "Australia/Sydney";

        public TimeSpan TimeZoneOffset { get; set; } = TimeSpan.FromHours(10);

        /// <summary>Throws for a value the emulator cannot work with, naming the option.</summary>
        internal void Validate(string parameterName)
        {
            foreach (var (name, value) in new[] { (nameof(Login), Login), (nameof(Password), Password), (nameof(ClientId), ClientId), (nameof(AccountId), AccountId), (nameof(ApiKey), ApiKey), (nameof(ApiSecret), ApiSecret) })
                if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException("AvanserOptions." + name + " must not be empty.", parameterName);
            if (CallCount < 0 || CallCount > 100_000_000) throw Range(parameterName, nameof(CallCount), CallCount, "must be 0 to 100,000,000");
            if (FirstCallId < 0) throw Range(parameterName, nameof(FirstCallId), FirstCallId, "must not be negative");
            if (CallSpan <= TimeSpan.Zero) throw Range(parameterName, nameof(CallSpan), CallSpan, "must be positive");
            if (TokenLifetime <= TimeSpan.Zero) throw Range(parameterName, nameof(TokenLifetime), TokenLifetime, "must be positive");
            if (TokenRequestLimit < 0) throw Range(parameterName, nameof(TokenRequestLimit), TokenRequestLimit, "must not be negative");
            if (ProvisioningDelay < TimeSpan.Zero) throw Range(parameterName, nameof(ProvisioningDelay), ProvisioningDelay, "must not be negative");
            if (FeedDays < 1 || FeedDays > 3660) throw Range(parameterName, nameof(FeedDays), FeedDays, "must be 1 to 3660");
            if (PrivateStockPerClass < 0 || PrivateStockPerClass > 1000) throw Range(parameterName, nameof(PrivateStockPerClass), PrivateStockPerClass, "must be 0 to 1000");
            if (PublicStockPerClass < 0 || PublicStockPerClass > 1000) throw Range(parameterName, nameof(PublicStockPerClass), PublicStockPerClass, "must be 0 to 1000");
            if (OtherAccountServiceCount < 0 || OtherAccountServiceCount > 1000) throw Range(parameterName, nameof(OtherAccountServiceCount), OtherAccountServiceCount, "must be 0 to 1000");
            if (ServiceCount < 0 || ServiceCount > 1000) throw Range(parameterName, nameof(ServiceCount), ServiceCount, "must be 0 to 1000");
            if (TimeZoneOffset < TimeSpan.FromHours(-14) || TimeZoneOffset > TimeSpan.FromHours(14)) throw Range(parameterName, nameof(TimeZoneOffset), TimeZoneOffset, "must be -14 to +14 hours");
        }

        private static ArgumentOutOfRangeException Range(string parameterName, string option, object value, string rule) =>
            new ArgumentOutOfRangeException(parameterName, value, "AvanserOptions." + option + " " + rule + ".");
    }
}
