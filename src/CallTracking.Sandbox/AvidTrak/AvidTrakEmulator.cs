using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Sandbox.Http;

namespace CallTracking.Sandbox.AvidTrak
{
    /// <summary>
    /// AvidTrak's REST web service: one script, /webservice/api.php, a GET with pincode, method and format on every call
    /// (seed). The reply is always HTTP 200 with the envelope; its code decides: 1 success, 0 refused (invalid or missing
    /// parameters, data not found, insufficient balance…), 3 no pincode, 4 invalid pincode, 6 a format other than json or
    /// xml, 404 an unknown method. Checked in that order (a reply for code 3 or 4 comes in the format asked for when it is
    /// json or xml, else in JSON).
    /// </summary>
    public sealed class AvidTrakEmulator : ISandboxEmulator
    {
        public const string ProviderName = "AvidTrak";
        public const string PathPrefix = "/webservice/";
        public const string ScriptPath = "/webservice/api.php";

        public const string PincodeName = "pincode";
        public const string MethodName = "method";
        public const string FormatName = "format";

        private static readonly IReadOnlyList<SandboxEndpoint> ApiEndpoints = new[] { new SandboxEndpoint("api", PathPrefix, ScriptPath.Substring(1)) };

        /// <summary>The pincode authenticates, a client's pin moves numbers, passwords change accounts: none is ever logged.</summary>
        private static readonly IReadOnlyCollection<string> Secrets = new[] { PincodeName, "client_pin", "password" };

        private readonly AvidTrakMethods _methods;

        public AvidTrakEmulator(SandboxContext context)
        {
            if (context is null) throw new ArgumentNullException(nameof(context));
            Options = context.Options.For<AvidTrakOptions>();
            Options.Validate("options");
            State = new AvidTrakSandboxState(Options, context.Options.Seed, context.Options.Anchor);
            _methods = new AvidTrakMethods(State, context.Clock);

            var accounts = State.Accounts.ToList();
            var test = Options.TestAccount is null ? accounts[0] : accounts.FirstOrDefault(a => string.Equals(a.UserId, Options.TestAccount, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentOutOfRangeException("options", Options.TestAccount,
                    "AvidTrakOptions.TestAccount must be the user id of a sandbox account: " + string.Join(", ", accounts.Select(a => a.UserId)) + ".");
            var format = Options.TestFormat is null ? null : new Dictionary<string, string> { ["Format"] = Options.TestFormat };
            Credentials = accounts.Select(a => a == test
                ? new SandboxCredential("pincode", a.UserId, a.Pincode, format)
                : new SandboxCredential("pincode", a.UserId, a.Pincode)).ToList();
            TestCredential = Credentials[accounts.IndexOf(test)];
        }

        public string Provider => ProviderName;
        public IReadOnlyList<SandboxEndpoint> Endpoints => ApiEndpoints;

        /// <summary>The pincode of <see cref="AvidTrakOptions.TestAccount"/> (default: the agency's), with the user id as user name.</summary>
        public SandboxCredential TestCredential { get; }

        /// <summary>The pincode of every account at the start (accounts created later have pincodes of their own).</summary>
        public IReadOnlyList<SandboxCredential> Credentials { get; }

        public IReadOnlyCollection<string> SecretNames => Secrets;

        public AvidTrakOptions Options { get; }

        /// <summary>The accounts, numbers and activity, for assertions.</summary>
        public AvidTrakSandboxState State { get; }

        public string? OperationOf(SandboxHttpRequest request)
        {
            if (!string.Equals(request.RawPath, ScriptPath, StringComparison.Ordinal)) return null;
            var method = AvidTrakParameters.Get(request.Query, MethodName)?.Trim();
            if (string.IsNullOrEmpty(method) || !AvidTrakMethods.Names.Contains(method!)) return null;
            return method == "add_metro_site_number" && AvidTrakMethods.IsMetroAllocation(new AvidTrakParameters(request))
                ? AvidTrakOperations.AllocateMetroNumber
                : AvidTrakOperations.Prefix + method;
        }

        public Task<SandboxHttpResponse> HandleAsync(SandboxHttpRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(Handle(request));

        /// <summary>The envelope with <paramref name="code"/> (default 0) and <paramref name="message"/> (default "Unknown
        /// Error"), in the format the request asked for (JSON unless it asked for xml).</summary>
        public SandboxHttpResponse ProviderErrorIn200(SandboxHttpRequest request, string? code, string? message) =>
            AvidTrakReply.Write(ReplyFormat(request), code ?? "0", message ?? AvidTrakReply.UnknownErrorStatus, null);

        private SandboxHttpResponse Handle(SandboxHttpRequest request)
        {
            if (!string.Equals(request.RawPath, ScriptPath, StringComparison.Ordinal))
                return SandboxHttpResponse.Error(404, "not_found", "No AvidTrak web service at " + Uri.UnescapeDataString(request.RawPath) + "; it is " + ScriptPath + ".");
            if (request.Method != "GET" && request.Method != "HEAD")
                return SandboxHttpResponse.Error(405, "method_not_allowed", request.Method + " is not allowed here; every AvidTrak call is a GET.")
                    .WithHeader("Allow", "GET");

            var format = ReplyFormat(request);
            var p = new AvidTrakParameters(request);
            var pincode = p.Get(PincodeName);
            if (string.IsNullOrEmpty(pincode)) return AvidTrakReply.Error(format, AvidTrakReply.AuthenticationRequired, "Authentication Required");
            // One call at a time: a batch is checked whole before anything changes, and nothing runs in between.
            lock (State.Gate)
            {
                var account = State.FindByPincode(pincode!);
                if (account is null) return AvidTrakReply.Error(format, AvidTrakReply.AuthenticationFailed, "Authentication Failed");
                if (!IsFormat(p.Get(FormatName))) return AvidTrakReply.Error(format, AvidTrakReply.InvalidFormat, "Invalid Response Format");
                var method = p.Get(MethodName)?.Trim();
                var handler = method is null ? null : _methods.Find(method);
                if (handler is null) return AvidTrakReply.Error(format, AvidTrakReply.InvalidMethod, "Invalid Request Method");
                try
                {
                    return AvidTrakReply.Ok(format, handler(account, p));
                }
                catch (AvidTrakRefusal refused)
                {
                    return AvidTrakReply.Error(format, AvidTrakReply.UnknownError, refused.Message);
                }
            }
        }

        private static bool IsFormat(string? value) => value != null && AvidTrakCatalog.Formats.Contains(value.Trim().ToLowerInvariant());

        private static string ReplyFormat(SandboxHttpRequest request)
        {
            var value = AvidTrakParameters.Get(request.Query, FormatName);
            return IsFormat(value) ? value!.Trim().ToLowerInvariant() : "json";
        }
    }
}
