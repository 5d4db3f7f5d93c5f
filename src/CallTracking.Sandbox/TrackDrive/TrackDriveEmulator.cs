using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Sandbox.Http;

namespace CallTracking.Sandbox.TrackDrive
{
    /// <summary>TrackDrive API v1 (everything under /api/v1/): routing, auth, then the endpoint.</summary>
    public sealed class TrackDriveEmulator : ISandboxEmulator
    {
        public const string ProviderName = "TrackDrive";
        public const string PathPrefix = "/api/v1/";

        /// <summary>The user name a token credential carries (the core sends the token as this query parameter).</summary>
        public const string TokenUserName = "auth_token";

        private static readonly IReadOnlyList<SandboxEndpoint> ApiEndpoints = new[] { new SandboxEndpoint("api", PathPrefix, PathPrefix.Substring(1)) };
        private static readonly IReadOnlyCollection<string> Secrets = new[] { TokenUserName, "private_key" };

        private readonly byte[] _token;
        private readonly byte[]? _basic;
        private readonly CallsEndpoints _calls;
        private readonly PhoneNumbersEndpoints _numbers;

        public TrackDriveEmulator(SandboxContext context)
        {
            if (context is null) throw new ArgumentNullException(nameof(context));
            Options = context.Options.For<TrackDriveOptions>();
            Options.Validate("options");
            State = new TrackDriveSandboxState(Options, context.Options.Seed, context.Options.Anchor);
            _token = Encoding.UTF8.GetBytes(Options.AuthToken ?? "");
            var credentials = new List<SandboxCredential>();
            if (!string.IsNullOrEmpty(Options.AuthToken)) credentials.Add(new SandboxCredential("token", TokenUserName, Options.AuthToken!));
            if (!string.IsNullOrEmpty(Options.PublicKey) && !string.IsNullOrEmpty(Options.PrivateKey))
            {
                credentials.Add(new SandboxCredential("keys", Options.PublicKey, Options.PrivateKey));
                _basic = Encoding.UTF8.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes(Options.PublicKey + ":" + Options.PrivateKey)));
            }
            Credentials = credentials;
            _calls = new CallsEndpoints(State, context.Clock);
            _numbers = new PhoneNumbersEndpoints(State, context.Clock);
        }

        public string Provider => ProviderName;
        public IReadOnlyList<SandboxEndpoint> Endpoints => ApiEndpoints;

        /// <summary>The token when there is one (the seed's auth_token), else the public/private keys.</summary>
        public SandboxCredential TestCredential => Credentials[0];

        public IReadOnlyList<SandboxCredential> Credentials { get; }
        public IReadOnlyCollection<string> SecretNames => Secrets;

        public TrackDriveOptions Options { get; }

        /// <summary>The numbers and calls, for assertions.</summary>
        public TrackDriveSandboxState State { get; }

        public string? OperationOf(SandboxHttpRequest request) => Resolve(request)?.Operation;

        public Task<SandboxHttpResponse> HandleAsync(SandboxHttpRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(Handle(request));

        /// <summary>The body shape the module reads for errors (docs/wire-trackdrive.md), in a 200.</summary>
        public SandboxHttpResponse ProviderErrorIn200(SandboxHttpRequest request, string? code, string? message) =>
            SandboxHttpResponse.Json(200, w =>
            {
                w.WriteStartObject();
                w.WriteString("error", code ?? "server_error");
                w.WriteString("message", message ?? "The request could not be completed (injected provider error).");
                w.WriteEndObject();
            });

        private SandboxHttpResponse Handle(SandboxHttpRequest request)
        {
            var route = Resolve(request);
            if (route is null)
                return SandboxHttpResponse.Error(404, "not_found", "No TrackDrive API at " + Uri.UnescapeDataString(request.RawPath) + ".");
            if (route.Action is null)
                return SandboxHttpResponse.Error(405, "method_not_allowed", request.Method + " is not allowed here; use " + route.Allow + ".")
                    .WithHeader("Allow", route.Allow);
            if (!Authorized(request))
                return SandboxHttpResponse.Error(401, "unauthorized",
                    "Missing or invalid credentials: pass auth_token or Authorization: Basic base64(public_key:private_key).");
            try
            {
                return route.Action();
            }
            catch (TrackDriveParameterException e)
            {
                return SandboxHttpResponse.Error(422, "invalid_parameter", e.Message);
            }
        }

        /// <summary>The one routing table: which operation a request names and what answers it; null = no API there.</summary>
        private Route? Resolve(SandboxHttpRequest request)
        {
            if (!request.RawPath.StartsWith(PathPrefix, StringComparison.Ordinal)) return null;
            var rest = request.RawPath.Substring(PathPrefix.Length).TrimEnd('/');
            string? suffixFormat = null;
            if (rest.EndsWith(".json", StringComparison.Ordinal)) { suffixFormat = "json"; rest = rest.Substring(0, rest.Length - 5); }
            else if (rest.EndsWith(".csv", StringComparison.Ordinal)) { suffixFormat = "csv"; rest = rest.Substring(0, rest.Length - 4); }
            var csv = (request.Get("format") ?? suffixFormat) == "csv";
            var segments = rest.Split('/');
            var method = request.Method;

            if (segments.Length == 1 && segments[0] == "calls")
                return method == "GET"
                    ? new Route(csv ? TrackDriveOperations.ExportCalls : TrackDriveOperations.ListCalls, "GET", () => _calls.List(request, suffixFormat))
                    : Route.NotAllowed("GET");
            if (segments.Length == 2 && segments[0] == "calls" && segments[1] == "reports")
                return method == "GET"
                    ? new Route(csv ? TrackDriveOperations.ExportCallReport : TrackDriveOperations.GetCallReport, "GET", () => _calls.Reports(request, suffixFormat))
                    : Route.NotAllowed("GET");
            if (segments.Length == 2 && segments[0] == "calls" && segments[1] == "stats")
                return method == "GET"
                    ? new Route(TrackDriveOperations.GetCallStatistics, "GET", () => _calls.Stats(request, suffixFormat))
                    : Route.NotAllowed("GET");
            if (segments.Length == 2 && segments[0] == "calls" && segments[1].Length > 0)
            {
                var key = Uri.UnescapeDataString(segments[1]);
                const string allow = "GET, DELETE";
                return method switch
                {
                    "GET" => new Route(TrackDriveOperations.GetCall, allow, () => _calls.Get(request, key)),
                    "DELETE" => new Route(TrackDriveOperations.HangUpCall, allow, () => _calls.HangUp(request, key)),
                    _ => Route.NotAllowed(allow),
                };
            }
            if (segments.Length == 1 && segments[0] == "phone_numbers")
            {
                const string allow = "GET, POST";
                return method switch
                {
                    "GET" => new Route(csv ? TrackDriveOperations.ExportPhoneNumbers : TrackDriveOperations.ListPhoneNumbers, allow,
                        () => _numbers.List(request, suffixFormat)),
                    "POST" => new Route(TrackDriveOperations.PurchasePhoneNumber, allow, () => _numbers.Purchase(request)),
                    _ => Route.NotAllowed(allow),
                };
            }
            if (segments.Length == 2 && segments[0] == "phone_numbers" && segments[1].Length > 0)
            {
                // Decode the path segment once: "%2B1800…" and a literal "+1800…" both mean the number (a path '+' is not a space).
                var key = Uri.UnescapeDataString(segments[1]);
                const string allow = "GET, PUT, DELETE";
                return method switch
                {
                    "GET" => new Route(TrackDriveOperations.GetPhoneNumber, allow, () => _numbers.Get(request, key)),
                    "PUT" => new Route(TrackDriveOperations.UpdatePhoneNumber, allow, () => _numbers.Update(request, key)),
                    "PATCH" => new Route(TrackDriveOperations.UpdatePhoneNumber, allow, () => _numbers.Update(request, key)),
                    "DELETE" => new Route(TrackDriveOperations.UnrentPhoneNumber, allow, () => _numbers.Unrent(key)),
                    _ => Route.NotAllowed(allow),
                };
            }
            return null;
        }

        /// <summary>auth_token query parameter (seed) or Basic public:private (doc); constant-time compares.</summary>
        private bool Authorized(SandboxHttpRequest request)
        {
            var token = request.Get(TokenUserName);
            if (token != null && token.Length > 0 && _token.Length > 0 && FixedEquals(Encoding.UTF8.GetBytes(token), _token)) return true;
            var header = request.Authorization;
            if (header != null && _basic != null && header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
                return FixedEquals(Encoding.UTF8.GetBytes(header.Substring(6).Trim()), _basic);
            return false;
        }

        private static bool FixedEquals(byte[] a, byte[] b)
        {
            var diff = a.Length ^ b.Length;
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++) diff |= a[i] ^ b[i];
            return diff == 0;
        }

        private sealed class Route
        {
            public Route(string? operation, string allow, Func<SandboxHttpResponse>? action)
            {
                Operation = operation;
                Allow = allow;
                Action = action;
            }

            /// <summary>A path the API has, with a method it does not take: no operation.</summary>
            public static Route NotAllowed(string allow) => new Route(null, allow, null);

            public string? Operation { get; }
            public string Allow { get; }
            public Func<SandboxHttpResponse>? Action { get; }
        }
    }
}
