using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using CallTracking.Core.Connections;
using CallTracking.Core.Http;

namespace CallTracking.Core.Providers.TrackDrive
{
    /// <summary>
    /// TrackDrive's two auth styles: the seed's auth_token query parameter (credential user name "auth_token", the token as
    /// password) and the current docs' Basic public_key:private_key (any other user name is the public key).
    /// </summary>
    public sealed class TrackDriveAuthenticator : IRequestAuthenticator
    {
        private readonly ProviderCredential _credential;

        public TrackDriveAuthenticator(ProviderCredential credential) => _credential = credential;

        public bool UsesToken => string.Equals(_credential.UserName, TrackDriveApi.TokenUserName, StringComparison.OrdinalIgnoreCase)
                                 || string.Equals(_credential.UserName, "token", StringComparison.OrdinalIgnoreCase);

        public void Apply(HttpRequestMessage request)
        {
            if (UsesToken)
            {
                var uri = request.RequestUri!;
                var separator = string.IsNullOrEmpty(uri.Query) ? "?" : "&";
                var token = _credential.UseSecret(Uri.EscapeDataString);
                request.RequestUri = new Uri(uri.GetLeftPart(UriPartial.Path) + (string.IsNullOrEmpty(uri.Query) ? string.Empty : uri.Query) + separator + TrackDriveApi.AuthTokenParameter + "=" + token);
            }
            else
            {
                var value = _credential.UseSecret(secret => Convert.ToBase64String(Encoding.UTF8.GetBytes(_credential.UserName + ":" + secret)));
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", value);
            }
        }
    }
}
