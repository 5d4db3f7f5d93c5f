using System;
using System.Collections.Generic;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
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

        public TrackDriveAuthenticator(ProviderCredential credential) => _credential = credential ?? throw new ArgumentNullException(nameof(credential));

        public bool UsesToken => IsTokenUser(_credential.UserName);

        public static bool IsTokenUser(string userName)
            => string.Equals(userName, TrackDriveApi.TokenUserName, StringComparison.OrdinalIgnoreCase)
               || string.Equals(userName, TrackDriveApi.TokenUserNameShort, StringComparison.OrdinalIgnoreCase);

        public Task ApplyAsync(AuthenticationContext context, CancellationToken cancellationToken)
        {
            if (UsesToken)
                _credential.UseSecret(token => { context.AddQueryParameter(TrackDriveApi.AuthTokenParameter, token); return true; });
            else
                context.Message.Headers.Authorization = new AuthenticationHeaderValue("Basic", BasicValue());
            return Task.CompletedTask;
        }

        /// <summary>A static credential: a 401 means it is wrong, fetching again would not help.</summary>
        public bool Invalidate(string endpoint) => false;

        public IEnumerable<string> SecretForms()
        {
            var forms = new List<string>
            {
                _credential.UseSecret(s => s),
                _credential.UseSecret(Uri.EscapeDataString),
            };
            if (!UsesToken)
            {
                var b64 = BasicValue();
                forms.Add(b64);
                forms.Add("Basic " + b64);
                forms.Add(Uri.EscapeDataString(b64));
            }
            return forms;
        }

        private string BasicValue()
            => _credential.UseSecret(secret => Convert.ToBase64String(Encoding.UTF8.GetBytes(_credential.UserName + ":" + secret)));
    }
}
