using System;
using System.Collections.Generic;
using CallTracking.Core.Connections;
using CallTracking.Core.Http;
using CallTracking.Core.Validation;

namespace CallTracking.Core.Providers.Avanser
{
    /// <summary>AVANSER as a plug-in: the Telco API (provisioning, HTTP Basic) and the WebAPI (reporting, token flow) on two hosts.</summary>
    public sealed class AvanserProvider : ProviderDescriptor
    {
        private static readonly IReadOnlyList<EndpointDefinition> Apis = new[]
        {
            new EndpointDefinition(AvanserApi.TelcoApi, new Uri(AvanserApi.TelcoBaseUri), "AVANSER Telco API (provisioning: " + AvanserApi.TelcoBaseUri + ")"),
            new EndpointDefinition(AvanserApi.WebApi, new Uri(AvanserApi.WebApiBaseUri), "AVANSER WebAPI (reporting: " + AvanserApi.WebApiBaseUri + ")"),
        };

        public override string Name => AvanserApi.ProviderName;

        public override string Description => "AVANSER (Telco API provisioning and WebAPI call reporting)";

        public override IReadOnlyList<EndpointDefinition> Endpoints => Apis;

        public override IReadOnlyCollection<string> SecretNames => AvanserApi.SecretNames;

        public override IReadOnlyList<ApiOperation> Operations => AvanserApi.Operations.All;

        public override IReadOnlyDictionary<string, Uri> ResolveBaseUris(ConnectionOptions options)
        {
            var telco = options.BaseUri ?? (options.EndpointBaseUris.TryGetValue(AvanserApi.TelcoApi, out var t) ? t : new Uri(AvanserApi.TelcoBaseUri));
            var web = options.EndpointBaseUris.TryGetValue(AvanserApi.WebApi, out var w) ? w : new Uri(AvanserApi.WebApiBaseUri);
            ConnectionOptions.EnsureSafeBaseUri(telco, "TelcoBaseUri");
            ConnectionOptions.EnsureSafeBaseUri(web, "WebApiBaseUri");
            // The Telco API takes paths ("services"): keep a trailing slash so they are appended, not replacing its last segment.
            var left = telco.GetLeftPart(UriPartial.Path);
            telco = new Uri(left.EndsWith("/", StringComparison.Ordinal) ? left : left + "/");
            return new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase) { [AvanserApi.TelcoApi] = telco, [AvanserApi.WebApi] = web };
        }

        public override void ValidateCredentials(ConnectionOptions options)
        {
            var key = options.Secret(AvanserApi.ApiKeySecret);
            var secret = options.Secret(AvanserApi.ApiSecretSecret);
            if ((key is null) != (secret is null))
                throw new CallTrackingArgumentException(key is null ? "ApiKey" : "ApiSecret", null, "both -ApiKey and -ApiSecret for the WebAPI's token flow (or neither, to use the login with -ClientId)");
            if (key != null && options.Setting(AvanserApi.AccountIdSetting) is null)
                throw new CallTrackingArgumentException("AccountId", null, "your AVANSER account id: the token flow signs in to one account");
            if (options.Credential is null && key is null)
                throw new CallTrackingArgumentException("Credential", null, "your AVANSER login as a PSCredential (the Telco API uses HTTP Basic), and -ApiKey/-ApiSecret for the WebAPI's token flow if you use it");
        }

        public override IRequestAuthenticator CreateAuthenticator(ConnectionOptions options)
            => new AvanserAuthenticator(options.Credential, options.Secret(AvanserApi.ApiKeySecret), options.Secret(AvanserApi.ApiSecretSecret),
                options.Setting(AvanserApi.AccountIdSetting), options.Setting(AvanserApi.ClientIdSetting));

        public override IResponseInterpreter CreateInterpreter(ConnectionOptions options) => new AvanserResponseInterpreter();

        public override object CreateClient(ProviderSession session) => new AvanserClient(session.Executor, session.DefaultCountry);

        /// <summary>Numbers typed without a country code are Australian unless -DefaultCountry says otherwise.</summary>
        public override string HomeCountry => AvanserApi.DefaultCountry;

        public override string DescribeUser(ConnectionOptions options)
            => options.Credential?.UserName ?? ("account " + (options.Setting(AvanserApi.AccountIdSetting) ?? "?"));
    }
}
