using System;
using System.Collections.Generic;
using System.Globalization;
using CallTracking.Core.Connections;
using CallTracking.Core.Http;
using CallTracking.Core.Validation;

namespace CallTracking.Core.Providers.TrackDrive
{
    /// <summary>TrackDrive as a plug-in: one API under https://{subdomain}.trackdrive.com/api/v1/, token or key auth.</summary>
    public sealed class TrackDriveProvider : ProviderDescriptor
    {
        private static readonly IReadOnlyList<EndpointDefinition> Apis = new[]
        {
            new EndpointDefinition(ApiOperation.DefaultEndpoint, null, "TrackDrive API v1 (https://{subdomain}.trackdrive.com/api/v1/)"),
        };

        public override string Name => TrackDriveApi.ProviderName;

        public override string Description => "TrackDrive (calls, reports, statistics and phone numbers; API v1)";

        public override IReadOnlyList<EndpointDefinition> Endpoints => Apis;

        public override IReadOnlyCollection<string> SecretNames => TrackDriveApi.SecretNames;

        public override IReadOnlyList<ApiOperation> Operations => TrackDriveApi.Operations.All;

        public override IReadOnlyDictionary<string, Uri> ResolveBaseUris(ConnectionOptions options)
        {
            var explicitBase = options.BaseUri ?? (options.EndpointBaseUris.TryGetValue(ApiOperation.DefaultEndpoint, out var named) ? named : null);
            Uri baseUri;
            if (explicitBase != null)
            {
                baseUri = CompleteBaseUri(explicitBase);
            }
            else
            {
                var subdomain = options.Setting(TrackDriveApi.SubdomainSetting);
                if (subdomain is null)
                    throw new CallTrackingArgumentException("Subdomain", null, "your TrackDrive account's subdomain (acme for https://acme.trackdrive.com), or -BaseUri https://acme.trackdrive.com/api/v1/");
                if (subdomain.IndexOf('.') >= 0 || Uri.CheckHostName(subdomain + ".trackdrive.com") != UriHostNameType.Dns)
                    throw new CallTrackingArgumentException("Subdomain", subdomain, "a DNS label such as acme (for https://acme.trackdrive.com)");
                baseUri = new Uri(string.Format(CultureInfo.InvariantCulture, TrackDriveApi.BaseUriTemplate, subdomain.ToLowerInvariant()));
            }
            return new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase) { [ApiOperation.DefaultEndpoint] = baseUri };
        }

        /// <summary>
        /// A base URI given without a path (https://acme.trackdrive.com) gets the API's /api/v1/; any other path is the
        /// user's (a proxy) and keeps a trailing slash so paths are appended, not replaced.
        /// </summary>
        internal static Uri CompleteBaseUri(Uri uri)
        {
            ConnectionOptions.EnsureSafeBaseUri(uri, "BaseUri");
            var left = uri.GetLeftPart(UriPartial.Path);
            if (uri.AbsolutePath == "/" || uri.AbsolutePath.Length == 0) return new Uri(left.TrimEnd('/') + "/" + TrackDriveApi.BasePath);
            return new Uri(left.EndsWith("/", StringComparison.Ordinal) ? left : left + "/");
        }

        public override void ValidateCredentials(ConnectionOptions options)
        {
            var credential = options.Credential;
            if (credential is null || string.IsNullOrWhiteSpace(credential.UserName))
                throw new CallTrackingArgumentException("Credential", null, "a PSCredential: user name auth_token and the API token as password, or your public key as user name and your private key as password");
            if (!credential.HasSecret)
                throw new CallTrackingArgumentException("Credential", credential.UserName, "a credential with a password (the API token, or the private key)");
        }

        public override IRequestAuthenticator CreateAuthenticator(ConnectionOptions options) => new TrackDriveAuthenticator(options.Credential!);

        public override IResponseInterpreter CreateInterpreter(ConnectionOptions options) => new TrackDriveResponseInterpreter();

        public override object CreateClient(ProviderSession session) => new TrackDriveClient(session.Executor, session.DefaultCountry);
    }
}
