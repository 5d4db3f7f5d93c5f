using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Sandbox.Http;

namespace CallTracking.Sandbox.TrackDrive
{
    /// <summary>TrackDrive API v1 (everything under /api/v1/): routing, auth, then the endpoint.</summary>
    internal sealed class TrackDriveEmulator : IProviderEmulator
    {
        public const string PathPrefix = "/api/v1/";

        private readonly byte[] _token;
        private readonly byte[] _basic;
        private readonly CallsEndpoints _calls;
        private readonly PhoneNumbersEndpoints _numbers;

        public TrackDriveEmulator(TrackDriveSandboxState state, SandboxOptions options)
        {
            _token = Encoding.UTF8.GetBytes(options.TrackDriveAuthToken ?? "");
            _basic = Encoding.UTF8.GetBytes(Convert.ToBase64String(
                Encoding.UTF8.GetBytes((options.TrackDrivePublicKey ?? "") + ":" + (options.TrackDrivePrivateKey ?? ""))));
            _calls = new CallsEndpoints(state);
            _numbers = new PhoneNumbersEndpoints(state);
        }

        public string Name => "TrackDrive";

        public bool OwnsPath(string rawPath) => rawPath.StartsWith(PathPrefix, StringComparison.Ordinal);

        public Task<SandboxHttpResponse> HandleAsync(SandboxHttpRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(Handle(request));

        private SandboxHttpResponse Handle(SandboxHttpRequest request)
        {
            var rest = request.RawPath.Substring(PathPrefix.Length).TrimEnd('/');
            string? suffixFormat = null;
            if (rest.EndsWith(".json", StringComparison.Ordinal)) { suffixFormat = "json"; rest = rest.Substring(0, rest.Length - 5); }
            else if (rest.EndsWith(".csv", StringComparison.Ordinal)) { suffixFormat = "csv"; rest = rest.Substring(0, rest.Length - 4); }
            var segments = rest.Split('/');

            Func<SandboxHttpResponse>? action;
            string allow;
            var method = request.Method;
            if (segments.Length == 1 && segments[0] == "calls")
            {
                allow = "GET";
                action = method == "GET" ? () => _calls.List(request, suffixFormat) : (Func<SandboxHttpResponse>?)null;
            }
            else if (segments.Length == 2 && segments[0] == "calls" && segments[1] == "reports")
            {
                allow = "GET";
                action = method == "GET" ? () => _calls.Reports(request, suffixFormat) : (Func<SandboxHttpResponse>?)null;
            }
            else if (segments.Length == 2 && segments[0] == "calls" && segments[1] == "stats")
            {
                allow = "GET";
                action = method == "GET" ? () => _calls.Stats(request, suffixFormat) : (Func<SandboxHttpResponse>?)null;
            }
            else if (segments.Length == 2 && segments[0] == "calls" && segments[1].Length > 0)
            {
                var key = Uri.UnescapeDataString(segments[1]);
                allow = "GET, DELETE";
                action = method switch
                {
                    "GET" => () => _calls.Get(request, key),
                    "DELETE" => () => _calls.HangUp(request, key),
                    _ => null,
                };
            }
            else if (segments.Length == 1 && segments[0] == "phone_numbers")
            {
                allow = "GET, POST";
                action = method switch
                {
                    "GET" => () => _numbers.List(request, suffixFormat),
                    "POST" => () => _numbers.Purchase(request),
                    _ => null,
                };
            }
            else if (segments.Length == 2 && segments[0] == "phone_numbers" && segments[1].Length > 0)
            {
                // Decode the path segment once: "%2B1800…" and a literal "+1800…" both mean the number (a path '+' is not a space).
                var key = Uri.UnescapeDataString(segments[1]);
                allow = "GET, PUT, DELETE";
                action = method switch
                {
                    "GET" => () => _numbers.Get(request, key),
                    "PUT" => () => _numbers.Update(request, key),
                    "PATCH" => () => _numbers.Update(request, key),
                    "DELETE" => () => _numbers.Unrent(key),
                    _ => null,
                };
            }
            else
            {
                return SandboxHttpResponse.Error(404, "not_found", "No TrackDrive API at " + Uri.UnescapeDataString(request.RawPath) + ".");
            }

            if (action is null)
                return SandboxHttpResponse.Error(405, "method_not_allowed", method + " is not allowed here; use " + allow + ".")
                    .WithHeader("Allow", allow);
            if (!Authorized(request))
                return SandboxHttpResponse.Error(401, "unauthorized",
                    "Missing or invalid credentials: pass auth_token or Authorization: Basic base64(public_key:private_key).");
            try
            {
                return action();
            }
            catch (TrackDriveParameterException e)
            {
                return SandboxHttpResponse.Error(422, "invalid_parameter", e.Message);
            }
        }

        /// <summary>auth_token query parameter (seed) or Basic public:private (doc); constant-time compares.</summary>
        private bool Authorized(SandboxHttpRequest request)
        {
            var token = request.Get("auth_token");
            if (token != null && token.Length > 0 && FixedEquals(Encoding.UTF8.GetBytes(token), _token)) return true;
            var header = request.Authorization;
            if (header != null && header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
                return FixedEquals(Encoding.UTF8.GetBytes(header.Substring(6).Trim()), _basic);
            return false;
        }

        private static bool FixedEquals(byte[] a, byte[] b)
        {
            var diff = a.Length ^ b.Length;
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++) diff |= a[i] ^ b[i];
            return diff == 0;
        }
    }
}
