using System;
using System.Collections.Generic;
using System.Linq;
using CallTracking.Core.Connections;
using CallTracking.Core.Http;
using CallTracking.Core.Validation;

namespace CallTracking.Core.Providers.AvidTrak
{
    /// <summary>AvidTrak as a plug-in: one RPC endpoint, the pincode on every call, errors inside HTTP 200, JSON or XML.</summary>
    public sealed class AvidTrakProvider : ProviderDescriptor
    {
        private static readonly IReadOnlyList<EndpointDefinition> Apis = new[]
        {
            new EndpointDefinition(ApiOperation.DefaultEndpoint, new Uri(AvidTrakApi.BaseUri), "AvidTrak REST web service (" + AvidTrakApi.BaseUri + ")"),
        };

        public override string Name => AvidTrakApi.ProviderName;

        public override string Description => "AvidTrak (REST web service with pincode; numbers, forwarding, call logs, agency clients)";

        public override IReadOnlyList<EndpointDefinition> Endpoints => Apis;

        public override IReadOnlyCollection<string> SecretNames => AvidTrakApi.SecretNames;

        public override IReadOnlyList<ApiOperation> Operations => AvidTrakApi.Operations.All;

        public override IReadOnlyDictionary<string, Uri> ResolveBaseUris(ConnectionOptions options)
        {
            var uri = options.BaseUri ?? (options.EndpointBaseUris.TryGetValue(ApiOperation.DefaultEndpoint, out var named) ? named : new Uri(AvidTrakApi.BaseUri));
            ConnectionOptions.EnsureSafeBaseUri(uri, "BaseUri");
            // An RPC endpoint: the URI is the script itself (…/api.php); a bare host gets the documented path.
            if (uri.AbsolutePath == "/") uri = new Uri(uri, new Uri(AvidTrakApi.BaseUri).AbsolutePath);
            return new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase) { [ApiOperation.DefaultEndpoint] = uri };
        }

        public override void ValidateCredentials(ConnectionOptions options)
        {
            if (options.Credential is null || !options.Credential.HasSecret)
                throw new CallTrackingArgumentException("Pincode", null, "your AvidTrak API pincode, as -Pincode (SecureString) or as the password of -Credential");
            var format = options.Setting(AvidTrakApi.FormatSetting);
            if (format != null && !AvidTrakApi.Formats.Contains(format.ToLowerInvariant()))
                throw CallTrackingArgumentException.NotInSet("Format", format, new[] { "Json", "Xml" });
        }

        public override IRequestAuthenticator CreateAuthenticator(ConnectionOptions options) => new AvidTrakAuthenticator(options.Credential!);

        public override IResponseInterpreter CreateInterpreter(ConnectionOptions options) => new AvidTrakResponseInterpreter();

        public override object CreateClient(ProviderSession session)
            => new AvidTrakClient(session.Executor, session.Settings.TryGetValue(AvidTrakApi.FormatSetting, out var f) && !string.IsNullOrWhiteSpace(f) ? f.Trim().ToLowerInvariant() : "json", session.DefaultCountry);

        /// <summary>The pincode's user name is not used by AvidTrak; shown as given (a SecretManagement entry's name, say).</summary>
        public override string DescribeUser(ConnectionOptions options) => string.IsNullOrEmpty(options.Credential?.UserName) ? "(pincode)" : options.Credential!.UserName;
    }
}
