using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CallTracking.Sandbox.Avanser
{
    /// <summary>A Telco API service (a tracking number and how it answers).</summary>
    public sealed class AvanserService
    {
        public string ServiceId { get; internal set; } = "";
        /// <summary>The account the service belongs to (the login may reach several).</summary>
        public string AccountId { get; internal set; } = "";
        public string Number { get; internal set; } = "";
        public string NumberClass { get; internal set; } = "GEO";
        public string ServiceType { get; internal set; } = "Transfer";
        public string Name { get; internal set; } = "";
        public string Target { get; internal set; } = "";
        public string TargetName { get; internal set; } = "";
        public string Recording { get; internal set; } = "";
        public List<string> EmailNotifications { get; internal set; } = new List<string>();
        public List<string> SmsNotifications { get; internal set; } = new List<string>();
        public string CallbackUri { get; internal set; } = "";
        public string SmsForwardUri { get; internal set; } = "";
        public string CustomId { get; internal set; } = "";
        public string CustomGroup { get; internal set; } = "";
        /// <summary>pending (its new-service request is not complete), active, decommissioned.</summary>
        public string Status { get; internal set; } = "active";
        public DateTimeOffset Created { get; internal set; }

        internal AvanserService Copy() => (AvanserService)MemberwiseClone();
    }

    /// <summary>A number in stock: private stock is the client's own pool, listed first.</summary>
    public sealed class AvanserStockNumber
    {
        public string Number { get; internal set; } = "";
        public string NumberClass { get; internal set; } = "";
        public string Pool { get; internal set; } = "public";
        public string State { get; internal set; } = "";
    }

    /// <summary>An asynchronous provisioning request (new service, update, decommission).</summary>
    public sealed class AvanserProvisioningRequest
    {
        public string RequestId { get; internal set; } = "";
        public string AccountId { get; internal set; } = "";
        /// <summary>new, update, decommission.</summary>
        public string Type { get; internal set; } = "new";
        /// <summary>pending, completed, failed.</summary>
        public string Status { get; internal set; } = "pending";
        public string ServiceId { get; internal set; } = "";
        public string Number { get; internal set; } = "";
        public string CustomId { get; internal set; } = "";
        public string CustomGroup { get; internal set; } = "";
        public DateTimeOffset Submitted { get; internal set; }
        public DateTimeOffset Due { get; internal set; }
        public DateTimeOffset? Completed { get; internal set; }
        public string? Error { get; internal set; }
        public string RequestCallbackUri { get; internal set; } = "";
        internal bool WillFail { get; set; }
        /// <summary>The changes an update applies when it completes.</summary>
        internal AvanserService? Changes { get; set; }
    }

    /// <summary>The AVANSER emulator's state: stock, services, provisioning requests and tokens. Every access holds <see cref="Gate"/>.</summary>
    public sealed class AvanserSandboxState
    {
        public static readonly IReadOnlyList<string> NumberClasses = new[] { "GEO", "TOLLFREE", "FREECALL", "MOBILE" };
        public static readonly IReadOnlyList<string> ServiceTypes = new[] { "VoiceMail", "Prompt", "Transfer" };

        private readonly AvanserOptions _options;
        private readonly List<AvanserStockNumber> _stock = new List<AvanserStockNumber>();
        private readonly List<AvanserService> _services = new List<AvanserService>();
        private readonly List<AvanserProvisioningRequest> _requests = new List<AvanserProvisioningRequest>();
        private readonly Dictionary<string, (DateTimeOffset Expires, int Uses)> _tokens = new Dictionary<string, (DateTimeOffset, int)>(StringComparer.Ordinal);
        private readonly Dictionary<string, DateTimeOffset> _tokenKeys = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        private readonly ulong _seed;
        private long _counter;
        private int _nextService = 1000;
        private int _nextRequest = 5000;

        internal AvanserSandboxState(AvanserOptions options, int seed, DateTimeOffset anchor)
        {
            _options = options;
            _seed = SplitMix64.Mix((ulong)(uint)seed ^ 0xAFA5E5UL);
            var inv = CultureInfo.InvariantCulture;
            foreach (var cls in NumberClasses)
            {
                for (var pool = 0; pool < 2; pool++)
                {
                    var count = pool == 0 ? options.PrivateStockPerClass : options.PublicStockPerClass;
                    for (var i = 0; i < count; i++)
                    {
                        var number = cls switch
                        {
                            "GEO" => "+61-0289" + (700000 + pool * 1000 + i).ToString("D6", inv),
                            "TOLLFREE" => "+61-1800" + (100000 + pool * 1000 + i).ToString("D6", inv),
                            "FREECALL" => "+61-1300" + (200000 + pool * 1000 + i).ToString("D6", inv),
                            _ => "+61-0400" + (300000 + pool * 1000 + i).ToString("D6", inv),
                        };
                        _stock.Add(new AvanserStockNumber { Number = number, NumberClass = cls, Pool = pool == 0 ? "private" : "public", State = cls == "GEO" ? "NSW" : "" });
                    }
                }
            }
            for (var i = 1; i <= options.ServiceCount; i++)
            {
                var n = i.ToString(inv);
                var stock = _stock.FirstOrDefault(s => s.NumberClass == "GEO" && s.Pool == "public");
                var number = stock?.Number ?? "+61-02899962" + i.ToString("D2", inv);
                if (stock != null) _stock.Remove(stock);
                _services.Add(new AvanserService
                {
                    ServiceId = "SV" + (_nextService++).ToString(inv), Number = number, NumberClass = "GEO", ServiceType = "Transfer",
                    Name = "Sandbox Ad " + n, Target = "+61-02" + (89995900 + i).ToString(inv), TargetName = "Sandbox Office " + n,
                    EmailNotifications = new List<string> { "calls@example.com.au" }, CustomId = "ad-" + n, CustomGroup = i % 2 == 0 ? "print" : "online",
                    Status = "active", Created = anchor.AddDays(-120), AccountId = options.AccountId,
                });
            }
            // The computed calls are the first account's (the WebAPI's client_id and token are that account's).
            InitialServices = _services.Select(s => s.Copy()).ToList();
            foreach (var account in options.OtherAccountIds ?? Array.Empty<string>())
            {
                for (var i = 1; i <= options.OtherAccountServiceCount; i++)
                {
                    var stock = _stock.FirstOrDefault(s => s.NumberClass == "GEO" && s.Pool == "public");
                    if (stock is null) break;
                    _stock.Remove(stock);
                    var n = i.ToString(inv);
                    _services.Add(new AvanserService
                    {
                        ServiceId = "SV" + (_nextService++).ToString(inv), Number = stock.Number, NumberClass = "GEO", ServiceType = "Transfer",
                        Name = "Account " + account + " Ad " + n, Target = "+61-03" + (96900000 + i).ToString(inv), TargetName = "Account " + account + " Office",
                        CustomId = "acct-" + account + "-" + n, CustomGroup = "other-account", Status = "active", Created = anchor.AddDays(-60), AccountId = account,
                    });
                }
            }
        }

        /// <summary>Taken for assertions and the emulator; hold it to read a consistent view.</summary>
        public object Gate { get; } = new object();

        /// <summary>The services the computed calls are spread over (the ones active at the start).</summary>
        public IReadOnlyList<AvanserService> InitialServices { get; }

        public IReadOnlyList<AvanserService> Services { get { lock (Gate) return _services.Select(s => s.Copy()).ToList(); } }
        public IReadOnlyList<AvanserProvisioningRequest> Requests { get { lock (Gate) return _requests.ToList(); } }
        public IReadOnlyList<AvanserStockNumber> Stock { get { lock (Gate) return _stock.ToList(); } }

        // ---- Tokens ----------------------------------------------------------------------------------------------------

        internal string NewTokenKey(DateTimeOffset now)
        {
            var key = "tk-" + Hex();
            _tokenKeys[key] = now.AddMinutes(5);
            return key;
        }

        /// <summary>Consumes the token key that <paramref name="signature"/> signs (md5(secret + key)); null = none does.</summary>
        internal string? UseTokenKey(string signature, DateTimeOffset now)
        {
            foreach (var pair in _tokenKeys.ToList())
            {
                if (pair.Value < now) { _tokenKeys.Remove(pair.Key); continue; }
                if (string.Equals(AvanserEmulator.Md5Hex(_options.ApiSecret + pair.Key), signature, StringComparison.OrdinalIgnoreCase))
                {
                    _tokenKeys.Remove(pair.Key);
                    return pair.Key;
                }
            }
            return null;
        }

        internal (string Token, DateTimeOffset Expires) NewToken(DateTimeOffset now)
        {
            var token = "tok-" + Hex() + Hex();
            var expires = now + _options.TokenLifetime;
            _tokens[token] = (expires, 0);
            return (token, expires);
        }

        /// <summary>"ok", "expired" or "unknown"; counts the use.</summary>
        internal string UseToken(string token, DateTimeOffset now)
        {
            if (!_tokens.TryGetValue(token, out var t)) return "unknown";
            if (now >= t.Expires || (_options.TokenRequestLimit > 0 && t.Uses >= _options.TokenRequestLimit)) return "expired";
            _tokens[token] = (t.Expires, t.Uses + 1);
            return "ok";
        }

        /// <summary>Tokens handed out so far (signIn calls that succeeded).</summary>
        public int TokensIssued { get { lock (Gate) return _tokens.Count; } }

        /// <summary>Expires every token now (a test's way to force a renewal mid-listing).</summary>
        public void ExpireTokens()
        {
            lock (Gate) foreach (var k in _tokens.Keys.ToList()) _tokens[k] = (DateTimeOffset.MinValue, _tokens[k].Uses);
        }

        private string Hex() => SplitMix64.Mix(_seed ^ (ulong)(++_counter)).ToString("x16", CultureInfo.InvariantCulture);

        // ---- Services, stock, requests ------------------------------------------------------------------------------

        /// <summary>The accounts the login reaches, the first one first.</summary>
        internal IEnumerable<string> Accounts() => new[] { _options.AccountId }.Concat(_options.OtherAccountIds ?? Array.Empty<string>());

        internal IEnumerable<AvanserService> ServiceList(string account) => _services.Where(s => s.AccountId == account);

        internal AvanserService? FindService(string id) => _services.FirstOrDefault(s => string.Equals(s.ServiceId, id, StringComparison.OrdinalIgnoreCase));

        /// <summary>A service of this account (another account's is not found, as if it did not exist).</summary>
        internal AvanserService? FindService(string id, string account) => FindService(id) is { } s && s.AccountId == account ? s : null;

        internal AvanserProvisioningRequest? FindRequest(string id, string account)
            => _requests.FirstOrDefault(r => string.Equals(r.RequestId, id, StringComparison.OrdinalIgnoreCase) && r.AccountId == account);

        internal IEnumerable<AvanserProvisioningRequest> RequestList(string account) => _requests.Where(r => r.AccountId == account);

        /// <summary>Private stock first, then public, in number order.</summary>
        internal IEnumerable<AvanserStockNumber> StockOf(string numberClass) =>
            _stock.Where(s => s.NumberClass == numberClass).OrderBy(s => s.Pool == "private" ? 0 : 1).ThenBy(s => s.Number, StringComparer.Ordinal);

        internal AvanserStockNumber? TakeStock(string numberClass, string? number)
        {
            var pick = number is null ? StockOf(numberClass).FirstOrDefault() : _stock.FirstOrDefault(s => s.NumberClass == numberClass && NumbersEqual(s.Number, number));
            if (pick != null) _stock.Remove(pick);
            return pick;
        }

        /// <summary>Equal numbers in either form: +61-0289996235 (the Telco API's, trunk 0 kept) or +61289996235 (E.164).</summary>
        internal static bool NumbersEqual(string a, string b) => Canonical(a) == Canonical(b);

        private static string Canonical(string s)
        {
            var dash = s.IndexOf('-');
            if (dash < 0) return Digits(s);
            return Digits(s.Substring(0, dash)) + Digits(s.Substring(dash + 1)).TrimStart('0');
        }

        private static string Digits(string s) => new string(s.Where(char.IsDigit).ToArray());

        internal AvanserService AddService(AvanserService service, DateTimeOffset now)
        {
            service.ServiceId = "SV" + (_nextService++).ToString(CultureInfo.InvariantCulture);
            service.Created = now;
            service.Status = "pending";
            _services.Add(service);
            return service;
        }

        internal AvanserProvisioningRequest AddRequest(string type, AvanserService service, DateTimeOffset now, string requestCallbackUri, bool willFail, AvanserService? changes)
        {
            var request = new AvanserProvisioningRequest
            {
                RequestId = "PR" + (_nextRequest++).ToString(CultureInfo.InvariantCulture), AccountId = service.AccountId, Type = type, Status = "pending",
                ServiceId = service.ServiceId, Number = service.Number, CustomId = changes != null && changes.CustomId.Length > 0 ? changes.CustomId : service.CustomId,
                CustomGroup = changes != null && changes.CustomGroup.Length > 0 ? changes.CustomGroup : service.CustomGroup,
                Submitted = now, Due = now + _options.ProvisioningDelay, RequestCallbackUri = requestCallbackUri, WillFail = willFail, Changes = changes,
            };
            _requests.Add(request);
            return request;
        }

        /// <summary>Completes every pending request that fell due; returns them (with their services) for their callbacks.</summary>
        internal List<(AvanserProvisioningRequest Request, AvanserService? Service)> CompleteDue(DateTimeOffset now)
        {
            var done = new List<(AvanserProvisioningRequest, AvanserService?)>();
            foreach (var r in _requests)
            {
                if (r.Status != "pending" || r.Due > now) continue;
                var service = FindService(r.ServiceId);
                r.Completed = now;
                if (r.WillFail || service is null)
                {
                    r.Status = "failed";
                    r.Error = service is null ? "The service no longer exists." : "The number could not be configured on the network (sandbox: a failing request).";
                    if (r.Type == "new" && service != null)
                    {
                        _services.Remove(service);
                        _stock.Add(new AvanserStockNumber { Number = service.Number, NumberClass = service.NumberClass, Pool = "public", State = service.NumberClass == "GEO" ? "NSW" : "" });
                    }
                    done.Add((r, service?.Copy()));
                    continue;
                }
                r.Status = "completed";
                switch (r.Type)
                {
                    case "new": service.Status = "active"; break;
                    case "decommission": service.Status = "decommissioned"; break;
                    default: Apply(service, r.Changes); break;
                }
                done.Add((r, service.Copy()));
            }
            return done;
        }

        private static void Apply(AvanserService s, AvanserService? c)
        {
            if (c is null) return;
            if (c.ServiceType.Length > 0) s.ServiceType = c.ServiceType;
            if (c.Name.Length > 0) s.Name = c.Name;
            if (c.Target.Length > 0) s.Target = c.Target;
            if (c.TargetName.Length > 0) s.TargetName = c.TargetName;
            if (c.Recording.Length > 0) s.Recording = c.Recording;
            if (c.CallbackUri.Length > 0) s.CallbackUri = c.CallbackUri;
            if (c.SmsForwardUri.Length > 0) s.SmsForwardUri = c.SmsForwardUri;
            if (c.CustomId.Length > 0) s.CustomId = c.CustomId;
            if (c.CustomGroup.Length > 0) s.CustomGroup = c.CustomGroup;
            if (c.EmailNotifications.Count > 0) s.EmailNotifications = c.EmailNotifications.ToList();
            if (c.SmsNotifications.Count > 0) s.SmsNotifications = c.SmsNotifications.ToList();
        }
    }
}
